package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.Everything_;
import dev.kiln.it.model.Everything;
import dev.kiln.it.model.EverythingRepository;
import dev.kiln.it.model.Genre;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in type reads back exactly what was written, through {@code insert} and
 * {@code findById} on a database file: the extremes of each number type, empty and non-ASCII
 * text, empty byte arrays, a {@code BigDecimal}'s scale, an {@code Instant}'s nanoseconds, an
 * {@code OffsetDateTime}'s offset, every enum constant, and {@code null} in every nullable
 * property. "Exactly" means {@code equals}: {@code 1.50} is not {@code 1.5}, and an
 * {@code OffsetDateTime} at {@code +05:30} is not the same instant at {@code Z}. A value SQLite
 * cannot hold exactly ({@code -0.0}, NaN, a lone surrogate, a year past 9999…) is refused before
 * any SQL runs, and the table stays readable.
 */
@Tag("engines")
class TypesRoundTripTest {

  @TempDir Path dir;
  Database db;
  EverythingRepository repository;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    repository = new EverythingRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void integersAtTheirLimits() {
    assertRoundTrips(all(Byte.MIN_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE));
    assertRoundTrips(all(Byte.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE));
    assertRoundTrips(all((byte) 0, (short) 0, 0, 0L));
    assertRoundTrips(all((byte) -1, (short) -1, -1, -1L));
  }

  @Test
  void booleans() {
    assertRoundTrips(base().flag(true).boxedFlag(true).build());
    assertRoundTrips(base().flag(false).boxedFlag(false).build());
  }

  @Test
  void floatingPointEdgeValues() {
    float[] floats = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.1f, 1f / 3, 16777216f, -1e-30f};
    double[] doubles = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
        Double.MIN_NORMAL, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1, 1.0 / 3,
        Math.PI, 9007199254740992.0, -9007199254740994.0, 1e300, 4.9e-300, 0x1.fffffffffffffp0};
    for (float f : floats) {
      assertRoundTrips(base().ratio(f).boxedRatio(f).build());
    }
    for (double d : doubles) {
      assertRoundTrips(base().measure(d).boxedMeasure(d).build());
    }
  }

  @Test
  @Tag("sqlite")
  void strings() {
    for (String s : List.of("", " ", "  padded  ", "Grüße, 日本語, Ελληνικά, עברית",
        "emoji 😀👍🏽 and 𝄞 (outside the BMP)", "e\u0301 combining", "line\nbreak\ttab\r",
        "quote ' double \" backslash \\ percent % underscore _", "x".repeat(100_000),
        "NULL", "null", "nul \u0000 inside")) {
      assertRoundTrips(base().text(s).build());
    }
  }

  @Test
  void byteArrays() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    for (byte[] bytes : List.of(new byte[0], new byte[] {0}, new byte[] {-1, 0, 1},
        everyByte, new byte[1 << 20])) {
      assertRoundTrips(base().bytes(bytes).build());
    }
  }

  @Test
  @Tag("sqlite")
  void bigDecimalsKeepTheirScale() {
    for (String d : List.of("1.50", "1.5", "1", "1.0", "0", "0.00", "-0.000001", "1E+3", "1E-7",
        "-12345.6789", "1234567890123456789012345678901234567890",
        "-0.1234567890123456789012345678901234567890", "9.99999999999999999999E+99",
        "123456789012345678901234567890.123456789")) {
      assertRoundTrips(base().decimal(new BigDecimal(d)).build());
    }
    BigDecimal read = roundTrip(base().decimal(new BigDecimal("1.50")).build()).decimal();
    assertEquals(2, read.scale());
    assertEquals("1.50", read.toString());
  }

  @Test
  void bigIntegersBeyondLong() {
    BigInteger beyondLong = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
    for (BigInteger i : List.of(BigInteger.ZERO, BigInteger.ONE.negate(), beyondLong,
        BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE),
        new BigInteger("123456789012345678901234567890123456789012345678901234567890"),
        BigInteger.TWO.pow(200).negate())) {
      assertRoundTrips(base().integer(i).build());
    }
  }

  @Test
  void uuidsAndEveryEnumConstant() {
    for (UUID uuid : List.of(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1),
        UUID.fromString("00000000-0000-0000-0000-000000000001"))) {
      assertRoundTrips(base().uuid(uuid).build());
    }
    for (Genre genre : Genre.values()) {
      assertRoundTrips(base().genre(genre).build());
    }
  }

  @Test
  @Tag("sqlite")
  void instantsKeepTheirNanoseconds() {
    for (String text : List.of("2024-02-29T23:59:59.123456789Z", "1970-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999999999Z",
        "2024-01-01T10:00:00.000000001Z", "2024-01-01T10:00:00.100Z",
        "2024-01-01T10:00:00.000001Z")) {
      assertRoundTrips(base().instant(Instant.parse(text)).build());
    }
    assertRoundTrips(base().instant(Instant.EPOCH).build());
    assertRoundTrips(base().instant(Instant.ofEpochSecond(-1, 1)).build());
  }

  @Test
  @Tag("sqlite")
  void localDatesTimesAndDateTimes() {
    for (LocalDate date : List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
        LocalDate.of(2024, 2, 29), LocalDate.EPOCH)) {
      assertRoundTrips(base().date(date).build());
    }
    for (LocalTime time : List.of(LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.MAX,
        LocalTime.of(10, 0, 0, 1), LocalTime.of(23, 59, 59, 123_456_789),
        LocalTime.of(1, 2, 3, 500_000_000), LocalTime.of(7, 30))) {
      assertRoundTrips(base().time(time).build());
    }
    for (LocalDateTime dateTime : List.of(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789),
        LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
        LocalDateTime.of(2024, 1, 1, 10, 0, 0, 1), LocalDateTime.of(2024, 1, 1, 10, 0))) {
      assertRoundTrips(base().dateTime(dateTime).build());
    }
  }

  @Test
  void offsetDateTimesKeepTheirOffsetAndNanoseconds() {
    LocalDateTime local = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_789);
    for (ZoneOffset offset : List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30),
        ZoneOffset.ofHours(-8), ZoneOffset.ofHours(14), ZoneOffset.ofHours(-14),
        ZoneOffset.ofHoursMinutes(-3, -30))) {
      assertRoundTrips(base().offsetDateTime(OffsetDateTime.of(local, offset)).build());
    }
    assertRoundTrips(base().offsetDateTime(OffsetDateTime.parse("2024-02-29T23:59:59Z")).build());
    assertRoundTrips(base().offsetDateTime(
        OffsetDateTime.parse("0001-01-01T00:00:00.000000001+05:30")).build());
    OffsetDateTime read = roundTrip(base().offsetDateTime(
        OffsetDateTime.parse("2024-05-01T10:00:00+05:30")).build()).offsetDateTime();
    assertEquals(ZoneOffset.ofHoursMinutes(5, 30), read.getOffset());
    assertEquals(10, read.getHour());
  }

  @Test
  @Tag("sqlite")
  void dateTimesAtTheEdgesOfTheYearsKilnStores() {
    assertRoundTrips(base().instant(Instant.parse("0000-01-01T00:00:00Z"))
        .date(LocalDate.of(0, 1, 1)).dateTime(LocalDateTime.of(0, 1, 1, 0, 0)).build());
    assertRoundTrips(base().instant(Instant.parse("9999-12-31T23:59:59.999999999Z"))
        .date(LocalDate.of(9999, 12, 31))
        .dateTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)).build());
  }

  /**
   * Each value SQLite would change, or that Kiln could write and then not read, is refused by
   * {@code insert}, {@code update}, {@code upsert} and {@code insertAll} with a
   * {@code KilnException} naming the property and the reason, before any statement runs; the
   * table stays as it was and readable.
   */
  @Test
  void valuesKilnCannotStoreAreRefusedBeforeAnySql() {
    Everything stored = repository.insert(base().text("kept").build());
    List<Object[]> refused = List.of(
        new Object[] {base().measure(Double.NaN), "measure", "NaN"},
        new Object[] {base().boxedMeasure(Double.NaN), "boxedMeasure", "NaN"},
        new Object[] {base().ratio(Float.NaN), "ratio", "NaN"},
        new Object[] {base().boxedRatio(Float.NaN), "boxedRatio", "NaN"},
        new Object[] {base().measure(-0.0), "measure", "-0.0"},
        new Object[] {base().boxedRatio(-0.0f), "boxedRatio", "-0.0"},
        new Object[] {base().text("lone \uD800 surrogate"), "text", "lone UTF-16 surrogate"},
        new Object[] {base().text("\uDC00"), "text", "lone UTF-16 surrogate"},
        new Object[] {base().instant(Instant.MIN), "instant", "outside the years 0000 to 9999"},
        new Object[] {base().instant(Instant.MAX), "instant", "outside the years"},
        new Object[] {base().instant(Instant.parse("-0001-12-31T23:59:59Z")), "instant",
            "outside the years"},
        new Object[] {base().instant(Instant.parse("+10000-01-01T00:00:00Z")), "instant",
            "outside the years"},
        new Object[] {base().date(LocalDate.MIN), "date", "outside the years"},
        new Object[] {base().date(LocalDate.of(10000, 1, 1)), "date", "outside the years"},
        new Object[] {base().dateTime(LocalDateTime.MAX), "dateTime", "outside the years"},
        new Object[] {base().offsetDateTime(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0,
            ZoneOffset.MAX)), "offsetDateTime", "is not one SQLite's date functions read"},
        new Object[] {base().offsetDateTime(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0,
            ZoneOffset.ofHoursMinutesSeconds(0, 19, 32))), "offsetDateTime", "whole minutes"},
        new Object[] {base().offsetDateTime(OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0,
            ZoneOffset.ofHours(-2))), "offsetDateTime", "outside the years"});
    for (Object[] value : refused) {
      Builder builder = (Builder) value[0];
      String property = "Everything." + value[1] + " cannot be stored";
      long before = db.stats().statementsExecuted();
      List<Supplier<?>> writes = List.of(
          () -> repository.insert(builder.build()),
          () -> repository.upsert(builder.build()),
          () -> repository.insertAll(List.of(base().build(), builder.build())),
          () -> repository.update(builder.withId(stored.id()).build()));
      for (Supplier<?> write : writes) {
        KilnException e = assertThrows(KilnException.class, write::get);
        assertTrue(e.getMessage().startsWith(property), e.getMessage());
        assertTrue(e.getMessage().contains((String) value[2]), e.getMessage());
      }
      assertEquals(before, db.stats().statementsExecuted(), "no statement ran");
    }
    assertEquals(List.of(stored.id()),
        repository.findAll().stream().map(Everything::id).toList());
    assertEquals("kept", repository.findById(stored.id()).orElseThrow().text());
  }

  @Test
  @Tag("sqlite")
  void aQueryParameterKilnCannotStoreIsAKilnException() {
    KilnException e = assertThrows(KilnException.class, () -> repository.query()
        .where(Everything_.INSTANT.lt(Instant.MAX)).list());
    assertTrue(e.getMessage().contains("outside the years 0000 to 9999"), e.getMessage());
    // An offset SQLite's date functions cannot read would find nothing: it is refused too.
    for (ZoneOffset offset
        : List.of(ZoneOffset.MAX, ZoneOffset.ofHoursMinutesSeconds(0, 19, 32))) {
      KilnException refused = assertThrows(KilnException.class, () -> repository.query()
          .where(Everything_.OFFSET_DATE_TIME.eq(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0,
              offset))).list());
      assertTrue(refused.getMessage().contains("is not one SQLite's date functions read"),
          refused.getMessage());
    }
  }

  @Test
  void everyNullablePropertyCanBeNull() {
    Everything allNull = base().build();
    Everything read = roundTrip(allNull);
    assertAll(nullables().stream().map(property -> () -> assertNull(property.apply(read))));
    assertEquals(allNull.id(), read.id());
  }

  @Test
  @Tag("sqlite")
  void everyPropertySetAtOnce() {
    Everything full = new Everything(UUID.randomUUID(), true, (byte) 7, (short) 300, 70_000,
        5_000_000_000L, 1.25f, 2.5e-10, false, (byte) -7, (short) -300, -70_000,
        -5_000_000_000L, -1.25f, -2.5e-10, "text", new byte[] {1, 2, 3},
        new BigDecimal("100.10"), new BigInteger("98765432109876543210"), UUID.randomUUID(),
        Genre.POETRY, Instant.parse("2024-02-29T23:59:59.123456789Z"), LocalDate.of(2024, 2, 29),
        LocalTime.of(23, 59, 59, 1), LocalDateTime.of(2024, 2, 29, 12, 0, 0, 5),
        OffsetDateTime.parse("2024-02-29T12:00:00.000000007-08:00"));
    assertRoundTrips(full);
    assertEquals(1, repository.count());
    assertAll(nullables().stream()
        .map(property -> () -> assertEquals(1, count(property, full))));
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** How many stored rows equal {@code full} in {@code property} (checks findAll too). */
  private long count(Function<Everything, Object> property, Everything full) {
    return repository.findAll().stream()
        .filter(e -> deepEquals(property.apply(e), property.apply(full))).count();
  }

  private Everything roundTrip(Everything written) {
    repository.insert(written);
    return repository.findById(written.id()).orElseThrow();
  }

  /** Inserts {@code written}, reads it back by key and compares every property with equals. */
  private void assertRoundTrips(Everything written) {
    Everything read = roundTrip(written);
    List<Function<Everything, Object>> all = new ArrayList<>(nonNullables());
    all.addAll(nullables());
    assertAll(all.stream().map(property -> () -> {
      Object expected = property.apply(written);
      Object actual = property.apply(read);
      if (expected instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) actual);
      } else {
        assertEquals(expected, actual, () -> "wrote " + describe(expected) + ", read "
            + describe(actual));
      }
    }));
  }

  private static boolean deepEquals(Object a, Object b) {
    return java.util.Objects.deepEquals(a, b);
  }

  private static String describe(Object value) {
    if (value instanceof String s && s.length() > 60) {
      return "'" + s.substring(0, 60) + "…' (" + s.length() + " chars)";
    }
    if (value instanceof BigDecimal d) {
      return d + " (scale " + d.scale() + ")";
    }
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }

  private static List<Function<Everything, Object>> nonNullables() {
    return List.of(Everything::id, Everything::flag, Everything::tiny, Everything::small,
        Everything::number, Everything::big, Everything::ratio, Everything::measure);
  }

  private static List<Function<Everything, Object>> nullables() {
    return List.of(Everything::boxedFlag, Everything::boxedTiny, Everything::boxedSmall,
        Everything::boxedNumber, Everything::boxedBig, Everything::boxedRatio,
        Everything::boxedMeasure, Everything::text, Everything::bytes, Everything::decimal,
        Everything::integer, Everything::uuid, Everything::genre, Everything::instant,
        Everything::date, Everything::time, Everything::dateTime, Everything::offsetDateTime);
  }

  private static Everything all(byte b, short s, int i, long l) {
    return base().tiny(b).small(s).number(i).big(l).boxedTiny(b).boxedSmall(s).boxedNumber(i)
        .boxedBig(l).build();
  }

  private static Builder base() {
    return new Builder();
  }

  /** Builds an {@link Everything} with a fresh key, zero primitives and null elsewhere. */
  private static final class Builder {
    private UUID id = UUID.randomUUID();

    Builder withId(UUID id) {
      this.id = id;
      return this;
    }

    private boolean flag;
    private byte tiny;
    private short small;
    private int number;
    private long big;
    private float ratio;
    private double measure;
    private Boolean boxedFlag;
    private Byte boxedTiny;
    private Short boxedSmall;
    private Integer boxedNumber;
    private Long boxedBig;
    private Float boxedRatio;
    private Double boxedMeasure;
    private String text;
    private byte[] bytes;
    private BigDecimal decimal;
    private BigInteger integer;
    private UUID uuid;
    private Genre genre;
    private Instant instant;
    private LocalDate date;
    private LocalTime time;
    private LocalDateTime dateTime;
    private OffsetDateTime offsetDateTime;

    Builder flag(boolean v) { flag = v; return this; }
    Builder tiny(byte v) { tiny = v; return this; }
    Builder small(short v) { small = v; return this; }
    Builder number(int v) { number = v; return this; }
    Builder big(long v) { big = v; return this; }
    Builder ratio(float v) { ratio = v; return this; }
    Builder measure(double v) { measure = v; return this; }
    Builder boxedFlag(Boolean v) { boxedFlag = v; return this; }
    Builder boxedTiny(Byte v) { boxedTiny = v; return this; }
    Builder boxedSmall(Short v) { boxedSmall = v; return this; }
    Builder boxedNumber(Integer v) { boxedNumber = v; return this; }
    Builder boxedBig(Long v) { boxedBig = v; return this; }
    Builder boxedRatio(Float v) { boxedRatio = v; return this; }
    Builder boxedMeasure(Double v) { boxedMeasure = v; return this; }
    Builder text(String v) { text = v; return this; }
    Builder bytes(byte[] v) { bytes = v; return this; }
    Builder decimal(BigDecimal v) { decimal = v; return this; }
    Builder integer(BigInteger v) { integer = v; return this; }
    Builder uuid(UUID v) { uuid = v; return this; }
    Builder genre(Genre v) { genre = v; return this; }
    Builder instant(Instant v) { instant = v; return this; }
    Builder date(LocalDate v) { date = v; return this; }
    Builder time(LocalTime v) { time = v; return this; }
    Builder dateTime(LocalDateTime v) { dateTime = v; return this; }
    Builder offsetDateTime(OffsetDateTime v) { offsetDateTime = v; return this; }

    Everything build() {
      return new Everything(id, flag, tiny, small, number, big, ratio, measure, boxedFlag,
          boxedTiny, boxedSmall, boxedNumber, boxedBig, boxedRatio, boxedMeasure, text, bytes,
          decimal, integer, uuid, genre, instant, date, time, dateTime, offsetDateTime);
    }
  }
}
