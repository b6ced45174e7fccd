package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Database;
import dev.kiln.it.dao.NumericSamples;
import dev.kiln.it.dao.NumericSamples_Impl;
import dev.kiln.it.model.NumericSample;
import dev.kiln.it.model.NumericSampleRepository;
import dev.kiln.it.model.NumericSample_;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BigDecimal} and {@code BigInteger} values, which Kiln stores as exact decimal text,
 * compare and sort as numbers in generated queries: {@code 9.5 < 10 < 100.25}, where text order
 * would give {@code '10' < '100.25' < '9.5'}; values that differ only in scale
 * ({@code 10}, {@code 10.0}, {@code 1E+1}) are equal, as {@link BigDecimal#compareTo} says, while
 * each still reads back with its own scale.
 */
@Tag("engines")
class NumericOrderingTest {

  @TempDir Path dir;
  Database db;
  NumericSampleRepository samples;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    samples = new NumericSampleRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void decimalsSortNumericallyNotAsText() {
    samples.insertAll(List.of(NumericSample.of(1, "100.25"), NumericSample.of(2, "9.5"),
        NumericSample.of(3, "10")));
    assertEquals(List.of(2L, 3L, 1L), ids(samples.query()
        .orderBy(NumericSample_.DECIMAL.asc()).list()));
    assertEquals(List.of(1L, 3L, 2L), ids(samples.query()
        .orderBy(NumericSample_.DECIMAL.desc()).list()));
    assertEquals(List.of(2L), ids(samples.query()
        .where(NumericSample_.DECIMAL.lt(new BigDecimal("10"))).list()));
    assertEquals(List.of(1L, 3L), ids(samples.query()
        .where(NumericSample_.DECIMAL.gt(new BigDecimal("9.5"))).list()));
    assertEquals(List.of(3L), ids(samples.query()
        .where(NumericSample_.DECIMAL.between(new BigDecimal("9.6"), new BigDecimal("100")))
        .list()));
  }

  @Test
  @Tag("sqlite")
  void scaleDoesNotMatterInComparisons() {
    samples.insertAll(List.of(NumericSample.of(1, "10"), NumericSample.of(2, "10.50"),
        NumericSample.of(3, "1E+3"), NumericSample.of(4, "0.00")));
    assertEquals(List.of(1L), ids(samples.query()
        .where(NumericSample_.DECIMAL.eq(new BigDecimal("10.0"))).list()));
    assertEquals(List.of(1L), ids(samples.query()
        .where(NumericSample_.DECIMAL.eq(new BigDecimal("1E+1"))).list()));
    assertEquals(List.of(2L), ids(samples.query()
        .where(NumericSample_.DECIMAL.eq(new BigDecimal("10.5"))).list()));
    assertEquals(List.of(3L), ids(samples.query()
        .where(NumericSample_.DECIMAL.eq(new BigDecimal("1000.000"))).list()));
    assertEquals(List.of(4L), ids(samples.query()
        .where(NumericSample_.DECIMAL.eq(BigDecimal.ZERO)).list()));
    assertEquals(List.of(1L, 2L), ids(samples.query()
        .where(NumericSample_.DECIMAL.between(new BigDecimal("10.000"), new BigDecimal("10.5")))
        .list()));
    assertEquals(List.of(1L, 3L), ids(samples.query()
        .where(NumericSample_.DECIMAL.in(new BigDecimal("10.00"), new BigDecimal("1000")))
        .list()));
    assertEquals(List.of(2L, 3L), ids(samples.query()
        .where(NumericSample_.DECIMAL.gt(new BigDecimal("10.00"))).list()));
    // and each reads back as written
    assertEquals("1E+3", samples.findById(3).orElseThrow().decimal().toString());
    assertEquals("10.50", samples.findById(2).orElseThrow().decimal().toString());
  }

  @Test
  @Tag("sqlite")
  void decimalsOfEverySignScaleAndSize() {
    List<String> values = List.of("9.5", "10", "100.25", "10.0", "10.01", "9.99", "-1", "-10.5",
        "-9.5", "0", "0.000", "0.001", "-0.001", "1E+3", "999.999", "1000.0001", "1E-7",
        "-0.5", "123456789.123", "12345678901234567890", "-12345678901234567890", "1E+30",
        "2.5E+29");
    List<NumericSample> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(NumericSample.of(values.size() - i, values.get(i)));
    }
    samples.insertAll(rows);
    new QueryOrderCheck<>(samples::query, NumericSample_.DECIMAL, NumericSample::decimal,
        NumericSample::id, Comparator.<BigDecimal>naturalOrder()).check(rows);
  }

  /**
   * Neighbours that a double cannot tell apart — 40 digits that differ in the last, a tenth and
   * a tenth plus 10⁻²², numbers beyond a double's range — still compare, sort and match exactly,
   * as {@code BigDecimal.compareTo} says.
   */
  @Test
  @Tag("sqlite")
  void decimalsTooLongForADoubleCompareExactly() {
    String forty = "1234567890123456789012345678901234567890";
    List<String> values = List.of(forty, forty.substring(0, 39) + "1",
        forty.substring(0, 39) + "9", forty + ".000", "0.1", "0.1000000000000000000001",
        "0.0999999999999999999999", "0.10", "1E+400", "1E+401", "-1E+400", "1E-400", "0",
        "-" + forty, "9007199254740993", "9007199254740992");
    List<NumericSample> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(NumericSample.of(i + 1, values.get(i)));
    }
    samples.insertAll(rows);
    new QueryOrderCheck<>(samples::query, NumericSample_.DECIMAL, NumericSample::decimal,
        NumericSample::id, Comparator.<BigDecimal>naturalOrder()).check(rows);
    assertEquals(List.of(1L, 4L), ids(samples.query()
        .where(NumericSample_.DECIMAL.in(List.of(new BigDecimal(forty)))).list()));
  }

  @Test
  @Tag("sqlite")
  void derivedFindersAndSumsAreExactToo() {
    String forty = "1234567890123456789012345678901234567890";
    samples.insertAll(List.of(NumericSample.of(1, forty), NumericSample.of(2, forty + "1"),
        NumericSample.of(3, forty.substring(0, 39) + "1"), NumericSample.of(4, "10.50"),
        NumericSample.of(5, "12.00")));
    NumericSamples queries = new NumericSamples_Impl(db);
    assertEquals(List.of(1L), ids(queries.findByDecimal(new BigDecimal(forty))));
    assertEquals(List.of(2L, 3L), ids(queries.findByDecimalGreaterThanOrderByDecimalDesc(
        new BigDecimal(forty))));
    assertEquals(List.of(1L, 3L), ids(queries.findByDecimalBetween(new BigDecimal(forty),
        new BigDecimal(forty.substring(0, 39) + "1"))));
    samples.deleteById(1);
    samples.deleteById(2);
    samples.deleteById(3);
    // SQLite's sum adds doubles; kiln_decimal_sum adds the decimals and keeps their scale.
    assertEquals(new BigDecimal("22.50"), queries.exactTotal());
    assertEquals(22.5, queries.doubleTotal());
  }

  record Totals(Long id, Long decimals, BigDecimal decimal, BigDecimal integer,
      BigDecimal average) {}

  @Test
  void typedSumsAndAveragesAreExactOverNullsScalesAndDigitsBeyondADouble() {
    String forty = "1234567890123456789012345678901234567890";
    samples.insertAll(List.of(NumericSample.of(1, "10.50"), NumericSample.of(2, "12.00"),
        new NumericSample(3, null, new BigInteger(forty)), NumericSample.of(4, "0.1"),
        new NumericSample(5, new BigDecimal(forty), BigInteger.TWO)));
    BigDecimal sum = new BigDecimal("10.50").add(new BigDecimal("12.00"))
        .add(new BigDecimal("0.1")).add(new BigDecimal(forty));
    assertEquals(sum, samples.query().sum(NumericSample_.DECIMAL));
    assertEquals(new BigDecimal(forty).add(BigDecimal.valueOf(2)),
        samples.query().sum(NumericSample_.INTEGER));
    assertEquals(sum.divide(BigDecimal.valueOf(4), MathContext.DECIMAL128)
            .round(new MathContext(15)).stripTrailingZeros(),
        samples.query().avg(NumericSample_.DECIMAL).orElseThrow(), "NULL is not averaged");
    assertEquals(BigDecimal.ZERO, samples.query().where(NumericSample_.ID.gt(5L))
        .sum(NumericSample_.DECIMAL), "over no rows");

    List<Totals> perRow = samples.query().groupBy(NumericSample_.ID)
        .orderBy(NumericSample_.ID.desc())
        .select(NumericSample_.ID, NumericSample_.DECIMAL.count(), NumericSample_.DECIMAL.sum(),
            NumericSample_.INTEGER.sum(), NumericSample_.DECIMAL.avg())
        .into(Totals::new).list();
    assertEquals(List.of(
        new Totals(5L, 1L, new BigDecimal(forty), BigDecimal.valueOf(2),
            new BigDecimal(forty).round(new MathContext(15)).stripTrailingZeros()),
        new Totals(4L, 1L, new BigDecimal("0.1"), null, new BigDecimal("0.1")),
        new Totals(3L, 0L, null, new BigDecimal(forty), null),
        new Totals(2L, 1L, new BigDecimal("12.00"), null, new BigDecimal("12")),
        new Totals(1L, 1L, new BigDecimal("10.50"), null, new BigDecimal("10.5"))), perRow);
  }

  @Test
  void bigIntegersSortNumericallyBeyondLong() {
    BigInteger maxLong = BigInteger.valueOf(Long.MAX_VALUE);
    List<BigInteger> values = List.of(BigInteger.valueOf(9), BigInteger.TEN,
        BigInteger.valueOf(100), BigInteger.valueOf(-11), BigInteger.ZERO, maxLong,
        maxLong.add(BigInteger.ONE), BigInteger.valueOf(Long.MIN_VALUE),
        BigInteger.TWO.pow(64), BigInteger.TEN.pow(30), BigInteger.TEN.pow(25).negate(),
        BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.TEN.pow(20)),
        BigInteger.TWO.pow(64).add(BigInteger.ONE), BigInteger.TWO.pow(53).add(BigInteger.ONE),
        BigInteger.TWO.pow(53));
    List<NumericSample> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(new NumericSample(values.size() - i, null, values.get(i)));
    }
    samples.insertAll(rows);
    new QueryOrderCheck<>(samples::query, NumericSample_.INTEGER, NumericSample::integer,
        NumericSample::id, Comparator.<BigInteger>naturalOrder()).check(rows);
  }

  @Test
  void bigIntegersNineTenHundred() {
    samples.insertAll(List.of(NumericSample.ofInteger(1, "100"), NumericSample.ofInteger(2, "9"),
        NumericSample.ofInteger(3, "10")));
    assertEquals(List.of(2L, 3L, 1L), ids(samples.query()
        .orderBy(NumericSample_.INTEGER.asc()).list()));
    assertEquals(List.of(1L, 3L), ids(samples.query()
        .where(NumericSample_.INTEGER.gt(BigInteger.valueOf(9))).list()));
    assertEquals(List.of(3L), ids(samples.query()
        .where(NumericSample_.INTEGER.eq(BigInteger.TEN)).list()));
  }

  private static List<Long> ids(List<NumericSample> found) {
    return found.stream().map(NumericSample::id).toList();
  }
}
