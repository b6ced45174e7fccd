package dev.kiln.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.generatedSource;
import static dev.kiln.processor.TestCompiler.schema;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Specifies which property types Kiln stores and how: every built-in type compiles to a column of
 * the right SQL type, a {@code @Convert} property is stored as its converter's storage type, and
 * {@code @Transient} (or Java {@code transient}) properties are not columns.
 */
class PropertyTypesTest {

  @Test
  void everyBuiltInTypeCompiles() {
    Compilation compilation = compile(source("Everything",
        "import java.math.BigDecimal;",
        "import java.math.BigInteger;",
        "import java.time.Instant;",
        "import java.time.LocalDate;",
        "import java.time.LocalDateTime;",
        "import java.time.LocalTime;",
        "import java.time.OffsetDateTime;",
        "import java.util.UUID;",
        "",
        "@Table",
        "public record Everything(",
        "    @Id UUID id,",
        "    boolean flag, byte tiny, short small, int number, long big, float ratio, double real,",
        "    Boolean boxedFlag, Byte boxedTiny, Short boxedSmall, Integer boxedNumber,",
        "    Long boxedBig, Float boxedRatio, Double boxedReal,",
        "    String text, byte[] bytes, BigDecimal decimal, BigInteger integer, UUID uuid,",
        "    Color color, Instant instant, LocalDate date, LocalTime time,",
        "    LocalDateTime dateTime, OffsetDateTime offsetDateTime) {",
        "",
        "  public enum Color { RED, GREEN }",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    String schema = schema(compilation);
    for (String integer : new String[] {"flag", "tiny", "small", "number", "big",
        "boxed_flag", "boxed_tiny", "boxed_small", "boxed_number", "boxed_big"}) {
      assertThat(schema).contains("\"" + integer + "\" INTEGER NOT NULL");
    }
    for (String real : new String[] {"ratio", "real", "boxed_ratio", "boxed_real"}) {
      assertThat(schema).contains("\"" + real + "\" REAL NOT NULL");
    }
    for (String text : new String[] {"id", "text", "decimal", "integer", "uuid", "color",
        "instant", "date", "time", "date_time", "offset_date_time"}) {
      assertThat(schema).contains("\"" + text + "\" TEXT NOT NULL");
    }
    assertThat(schema).contains("\"bytes\" BLOB NOT NULL");
  }

  @Test
  void enumIsReadByName() {
    Compilation compilation = compile(source("Ticket",
        "@Table",
        "public record Ticket(@Id long id, Status status) {",
        "  public enum Status { OPEN, CLOSED }",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.TicketRepository"))
        .contains("JdbcValues.getEnum(rs, first + 1, Ticket.Status::valueOf)");
  }

  @Test
  void convertedPropertyIsStoredAsTheConvertersStorageType() {
    Compilation compilation = compile(
        source("Money",
            "public record Money(long cents) {}"),
        source("MoneyConverter",
            "public final class MoneyConverter implements Converter<Money, Long> {",
            "  @Override public Long toSql(Money value) { return value.cents(); }",
            "  @Override public Money fromSql(Long value) { return new Money(value); }",
            "}"),
        source("Product",
            "import org.jspecify.annotations.Nullable;",
            "",
            "@Table",
            "public record Product(",
            "    @Id long id,",
            "    @Convert(MoneyConverter.class) Money price,",
            "    @Convert(MoneyConverter.class) @Nullable Money discount) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("\"price\" INTEGER NOT NULL");
    assertThat(schema(compilation)).contains("\"discount\" INTEGER,");
    assertThat(generatedSource(compilation, "test.Product_"))
        .contains("ValueType.converted(ValueTypes.LONG, new MoneyConverter())");
  }

  @Test
  void converterMayBeANestedClassAndConvertAPrimitive() {
    Compilation compilation = compile(source("Setting",
        "@Table",
        "public record Setting(@Id String key, @Convert(Setting.OnOff.class) boolean enabled) {",
        "  static final class OnOff implements Converter<Boolean, String> {",
        "    @Override public String toSql(Boolean value) { return value ? \"on\" : \"off\"; }",
        "    @Override public Boolean fromSql(String value) { return value.equals(\"on\"); }",
        "  }",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("\"enabled\" TEXT NOT NULL");
  }

  @Test
  void transientPropertiesAreNotColumns() {
    Compilation compilation = compile(
        source("Note",
            "@Table",
            "public record Note(@Id long id, String text, @Transient String preview) {}"),
        source("Draft",
            "@Table",
            "public class Draft {",
            "  @Id long id;",
            "  String text;",
            "  transient int cursor;",
            "  @Transient java.util.List<String> undo;",
            "}"));

    assertThat(compilation).succeededWithoutWarnings();
    String schema = schema(compilation);
    assertThat(schema).doesNotContain("preview");
    assertThat(schema).doesNotContain("cursor");
    assertThat(schema).doesNotContain("undo");
    assertThat(generatedSource(compilation, "test.NoteRepository"))
        .contains("List.of(\"id\", \"text\")");
  }
}
