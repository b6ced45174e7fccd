package dev.kiln.migrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

  @Test
  void readsEveryFormAsBigDecimalDoes() {
    List<String> texts = List.of("0", "-0", "0.00", "-0.00", "12.30", "-12.30", "007.50", "5",
        "123456789012345678", "-123456789012345678", "1234567890123456789",
        "99999999999999999.9", "0.000000000000000001", "9223372036854775807",
        "-9223372036854775808", "92233720368547758070", " 12.5", "12.5 ", "+12.5", "1E+3",
        "1.5e-2", ".5", "5.", "-.5");
    for (String text : texts) {
      BigDecimal expected = new BigDecimal(text.trim());
      BigDecimal read = DecimalText.parse(text);
      assertEquals(expected, read, text); // equals compares the scale too
      assertEquals(expected.toString(), read.toString(), text);
    }
  }

  @Test
  void readsRandomDecimalsAsBigDecimalDoes() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      BigDecimal value = BigDecimal.valueOf(random.nextLong() >> random.nextInt(64),
          random.nextInt(22) - 2);
      for (String text : List.of(value.toString(), value.toPlainString())) {
        assertEquals(new BigDecimal(text), DecimalText.parse(text), text);
      }
    }
  }

  @Test
  void rejectsWhatIsNotANumber() {
    for (String text : List.of("", "-", ".", "-.", "1.2.3", "1-2", "abc", "12,5", "1..2")) {
      assertThrows(NumberFormatException.class, () -> DecimalText.parse(text), text);
    }
  }
}
