package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.Invoice;
import dev.kiln.it.model.InvoiceRepository;
import dev.kiln.it.model.Invoice_;
import dev.kiln.it.model.Tally;
import dev.kiln.it.model.TallyRepository;
import dev.kiln.it.model.Tally_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that other tools wrote read back through a repository: date-times as SQLite's
 * {@code 'YYYY-MM-DD HH:MM:SS'}, ISO-8601 text with {@code T}, {@code Z} or an offset, Unix times
 * as integers or reals, and decimals as {@code REAL}, {@code INTEGER} or text, in a table that
 * another tool created with its own declared types ({@code DATETIME}, {@code NUMERIC(10,2)}…)
 * and in a non-{@code STRICT} table that Kiln created. The rows are written with plain JDBC on
 * the database file, outside Kiln.
 */
@Tag("engines")
class ForeignValuesTest {

  /** The table as another tool declared it: not STRICT, with its own type names. */
  private static final String LEGACY_TABLE = """
      CREATE TABLE legacy_invoice (
        id INTEGER PRIMARY KEY,
        issued_at DATETIME,
        paid_at TIMESTAMP,
        sent_at VARCHAR(40),
        due_date DATE,
        amount NUMERIC(10,2),
        tax TEXT
      )""";

  @TempDir Path dir;
  Path file;
  Database db;
  InvoiceRepository invoices;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  /** Opens Kiln on the file, after {@code setup} ran on it over plain JDBC. */
  private void openKilnAfter(String... setup) throws SQLException {
    file = dir.resolve("legacy.db");
    jdbc(setup);
    // A table another tool created, with its own declared types, is not Kiln's schema:
    // migrate() would report each difference, so Kiln just opens the file and reads it.
    boolean foreignTable = java.util.Arrays.stream(setup)
        .anyMatch(sql -> sql.contains("CREATE TABLE"));
    db = foreignTable ? Database.open(file) : TestDatabase.open(Database.builder(file));
    invoices = new InvoiceRepository(db);
  }

  private void jdbc(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  /** Inserts a row with plain JDBC, binding each value as the JDBC type of its Java class. */
  private void insertRow(long id, Object issuedAt, Object paidAt, Object sentAt, Object dueDate,
      Object amount, Object tax) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps = c.prepareStatement("INSERT INTO legacy_invoice"
            + " (id, issued_at, paid_at, sent_at, due_date, amount, tax)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      Object[] values = {issuedAt, paidAt, sentAt, dueDate, amount, tax};
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 2, values[i]);
      }
      ps.executeUpdate();
    }
  }

  /** The storage class SQLite chose for a column of a row: what "another tool" really wrote. */
  private String typeOf(String column, long id) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT typeof(" + column + ") FROM legacy_invoice"
            + " WHERE id = " + id)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private Invoice find(long id) {
    return invoices.findById(id).orElseThrow();
  }

  @Test
  void localDateTimesInSqliteAndIsoText() throws SQLException {
    openKilnAfter(LEGACY_TABLE);
    insertRow(1, "2009-01-01 00:00:00", null, null, null, null, null);
    insertRow(2, "2009-01-01T08:30", null, null, null, null, null);
    insertRow(3, "2009-01-01 00:00:00.123", null, null, null, null, null);
    insertRow(4, "2009-01-01T23:59:59.999999", null, null, null, null, null);
    insertRow(5, "2009-01-01", null, null, null, null, null);
    assertEquals(LocalDateTime.of(2009, 1, 1, 0, 0), find(1).issuedAt());
    assertEquals(LocalDateTime.of(2009, 1, 1, 8, 30), find(2).issuedAt());
    assertEquals(LocalDateTime.of(2009, 1, 1, 0, 0, 0, 123_000_000), find(3).issuedAt());
    assertEquals(LocalDateTime.of(2009, 1, 1, 23, 59, 59, 999_999_000), find(4).issuedAt());
    assertEquals(LocalDateTime.of(2009, 1, 1, 0, 0), find(5).issuedAt());
  }

  @Test
  void instantsAsTextWithOrWithoutOffsetAndAsUnixTime() throws SQLException {
    openKilnAfter(LEGACY_TABLE);
    insertRow(1, null, "2009-01-01T10:00:00Z", null, null, null, null);
    insertRow(2, null, "2009-01-01 10:00:00+02:00", null, null, null, null);
    insertRow(3, null, 1230768000L, null, null, null, null);
    insertRow(4, null, 1230768000.5, null, null, null, null);
    insertRow(5, null, "2009-01-01 10:00:00", null, null, null, null);
    insertRow(6, null, "2009-01-01T10:00:00.123456-05:30", null, null, null, null);
    insertRow(7, null, "2009-01-01 10:00:00+02", null, null, null, null);
    insertRow(8, null, "2009-01-01 10:00:00+0200", null, null, null, null);
    insertRow(9, null, -86400L, null, null, null, null);
    assertEquals("integer", typeOf("paid_at", 3));
    assertEquals("real", typeOf("paid_at", 4));
    assertEquals(Instant.parse("2009-01-01T10:00:00Z"), find(1).paidAt());
    assertEquals(Instant.parse("2009-01-01T08:00:00Z"), find(2).paidAt());
    assertEquals(Instant.parse("2009-01-01T00:00:00Z"), find(3).paidAt());
    assertEquals(Instant.parse("2009-01-01T00:00:00.5Z"), find(4).paidAt());
    assertEquals(Instant.parse("2009-01-01T10:00:00Z"), find(5).paidAt());
    assertEquals(Instant.parse("2009-01-01T15:30:00.123456Z"), find(6).paidAt());
    assertEquals(Instant.parse("2009-01-01T08:00:00Z"), find(7).paidAt());
    assertEquals(Instant.parse("2009-01-01T08:00:00Z"), find(8).paidAt());
    assertEquals(Instant.parse("1969-12-31T00:00:00Z"), find(9).paidAt());
  }

  @Test
  void valuesThatSqlitesOwnDateFunctionsWrote() throws SQLException {
    openKilnAfter(LEGACY_TABLE, """
        INSERT INTO legacy_invoice (id, issued_at, paid_at, sent_at, due_date)
        VALUES (1, datetime(1230768000, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%fZ', 1230768000.25, 'unixepoch'),
                datetime(1230768000, 'unixepoch'),
                date(1230768000, 'unixepoch'))""");
    Invoice read = find(1);
    assertEquals(LocalDateTime.of(2009, 1, 1, 0, 0), read.issuedAt());
    assertEquals(Instant.parse("2009-01-01T00:00:00.250Z"), read.paidAt());
    assertEquals(OffsetDateTime.parse("2009-01-01T00:00:00Z"), read.sentAt());
    assertEquals(LocalDate.of(2009, 1, 1), read.dueDate());
  }

  @Test
  void offsetDateTimesKeepTheOffsetTheyWereWrittenWith() throws SQLException {
    openKilnAfter(LEGACY_TABLE);
    insertRow(1, null, null, "2009-01-01T10:00:00+02:00", null, null, null);
    insertRow(2, null, null, "2009-01-01 10:00:00Z", null, null, null);
    insertRow(3, null, null, "2009-01-01 10:00:00.5-08:00", null, null, null);
    insertRow(4, null, null, "2009-01-01 10:00:00", null, null, null);
    assertEquals(OffsetDateTime.parse("2009-01-01T10:00:00+02:00"), find(1).sentAt());
    assertEquals(OffsetDateTime.parse("2009-01-01T10:00:00Z"), find(2).sentAt());
    assertEquals(OffsetDateTime.parse("2009-01-01T10:00:00.5-08:00"), find(3).sentAt());
    assertEquals(OffsetDateTime.parse("2009-01-01T10:00:00Z"), find(4).sentAt());
  }

  @Test
  void localDatesWithOrWithoutATime() throws SQLException {
    openKilnAfter(LEGACY_TABLE);
    insertRow(1, null, null, null, "2009-01-31", null, null);
    insertRow(2, null, null, null, "2009-01-31 00:00:00", null, null);
    insertRow(3, null, null, null, "2009-01-31T12:00:00Z", null, null);
    for (long id = 1; id <= 3; id++) {
      assertEquals(LocalDate.of(2009, 1, 31), find(id).dueDate(), "row " + id);
    }
  }

  @Test
  void decimalsStoredAsRealIntegerOrText() throws SQLException {
    openKilnAfter(LEGACY_TABLE);
    insertRow(1, null, null, null, null, 0.99, "12.50");
    insertRow(2, null, null, null, null, "12.50", 0.99);
    insertRow(3, null, null, null, null, 12L, 12L);
    insertRow(4, null, null, null, null, 100.25, " 7.5 ");
    insertRow(5, null, null, null, null, null, null);
    // what the other tool's writes became under each column's affinity
    assertEquals("real", typeOf("amount", 1));
    assertEquals("text", typeOf("tax", 1));
    assertEquals("real", typeOf("amount", 2)); // NUMERIC affinity turned '12.50' into 12.5
    assertEquals("integer", typeOf("amount", 3));

    assertEquals(new BigDecimal("0.99"), find(1).amount());
    assertEquals(new BigDecimal("12.50"), find(1).tax()); // text keeps its scale
    assertEquals(new BigDecimal("12.5"), find(2).amount());
    assertEquals(new BigDecimal("0.99"), find(2).tax());
    assertEquals(new BigDecimal("12"), find(3).amount());
    assertEquals(new BigDecimal("12"), find(3).tax());
    assertEquals(new BigDecimal("100.25"), find(4).amount());
    assertEquals(new BigDecimal("7.5"), find(4).tax());
    assertNull(find(5).amount());
    assertNull(find(5).tax());

    // generated queries compare them as numbers, whatever their storage class
    assertEquals(List.of(1L, 3L, 2L, 4L), invoices.query().where(Invoice_.AMOUNT.isNotNull())
        .orderBy(Invoice_.AMOUNT.asc()).list().stream().map(Invoice::id).toList());
    assertEquals(List.of(2L, 4L), invoices.query()
        .where(Invoice_.AMOUNT.gt(new BigDecimal("12.00"))).list().stream().map(Invoice::id)
        .toList());
    assertEquals(List.of(1L), invoices.query()
        .where(Invoice_.TAX.eq(new BigDecimal("12.5"))).list().stream().map(Invoice::id)
        .toList());
  }

  @Test
  void rowsOverwrittenOutsideKilnReadBackInTheirNewForm() throws SQLException {
    openKilnAfter(LEGACY_TABLE);
    Invoice written = new Invoice(1, LocalDateTime.of(2024, 5, 1, 10, 0, 0, 500_000_000),
        Instant.parse("2024-05-01T10:00:00.123456789Z"),
        OffsetDateTime.parse("2024-05-01T10:00:00+05:30"), LocalDate.of(2024, 5, 31),
        new BigDecimal("100"), new BigDecimal("7.50"));
    invoices.insert(written);
    assertEquals(written.issuedAt(), find(1).issuedAt());
    assertEquals(written.paidAt(), find(1).paidAt());
    assertEquals(written.sentAt(), find(1).sentAt());
    assertEquals(written.tax(), find(1).tax());

    jdbc("UPDATE legacy_invoice SET issued_at = '2009-01-01 00:00:00',"
        + " paid_at = 1230768000, sent_at = '2009-01-01T10:00:00+02:00',"
        + " due_date = '2009-01-31 00:00:00', amount = 0.99, tax = '12.50' WHERE id = 1");
    Invoice read = find(1);
    assertEquals(LocalDateTime.of(2009, 1, 1, 0, 0), read.issuedAt());
    assertEquals(Instant.parse("2009-01-01T00:00:00Z"), read.paidAt());
    assertEquals(OffsetDateTime.parse("2009-01-01T10:00:00+02:00"), read.sentAt());
    assertEquals(LocalDate.of(2009, 1, 31), read.dueDate());
    assertEquals(new BigDecimal("0.99"), read.amount());
    assertEquals(new BigDecimal("12.50"), read.tax());
  }

  @Test
  void foreignValuesInATableKilnCreatedWithoutStrict() throws SQLException {
    openKilnAfter();
    // Kiln created legacy_invoice itself: TEXT columns, not STRICT, so other types get in
    insertRow(1, "2009-01-01 00:00:00", 1230768000L, "2009-01-01 10:00:00+02:00",
        "2009-01-31", 0.99, "12.50");
    insertRow(2, "2009-01-01T10:00:00Z", "2009-01-01T10:00:00Z", "2009-01-01T10:00:00Z",
        "2009-01-31T00:00:00", 12L, 1.5);
    Invoice first = find(1);
    assertEquals(LocalDateTime.of(2009, 1, 1, 0, 0), first.issuedAt());
    assertEquals(Instant.parse("2009-01-01T00:00:00Z"), first.paidAt());
    assertEquals(OffsetDateTime.parse("2009-01-01T10:00:00+02:00"), first.sentAt());
    assertEquals(LocalDate.of(2009, 1, 31), first.dueDate());
    assertEquals(new BigDecimal("0.99"), first.amount());
    assertEquals(new BigDecimal("12.50"), first.tax());
    Invoice second = find(2);
    assertEquals(LocalDateTime.of(2009, 1, 1, 10, 0), second.issuedAt());
    assertEquals(Instant.parse("2009-01-01T10:00:00Z"), second.paidAt());
    assertEquals(OffsetDateTime.parse("2009-01-01T10:00:00Z"), second.sentAt());
    assertEquals(new BigDecimal("12"), second.amount());
    assertEquals(new BigDecimal("1.5"), second.tax());
  }

  record Visits(long id, long visits) {}

  /**
   * A NULL where the entity's property cannot hold one — the table differs from the entity — is
   * an error naming the property and how to fix it, never a zero, whether the entity or a
   * projection reads it.
   */
  @Test
  void aNullWhereThePropertyIsNotNullableIsNamed() throws SQLException {
    file = dir.resolve("legacy.db");
    jdbc("CREATE TABLE legacy_tally (id INTEGER PRIMARY KEY, visits INTEGER)",
        "INSERT INTO legacy_tally VALUES (1, NULL), (2, 5), (3, 300)");
    db = Database.open(file);
    TallyRepository tallies = new TallyRepository(db);

    assertEquals(List.of(new Visits(2, 5), new Visits(3, 300)), tallies.query()
        .where(Tally_.ID.ge(2L)).orderBy(Tally_.ID.asc())
        .select(Tally_.ID, Tally_.VISITS).into(Visits::new).list());
    assertEquals(new Tally(2, 5), tallies.findById(2L).orElseThrow());
    String named = "Tally.visits — column visits is NULL, but the property is not nullable;"
        + " correct the stored value, or make the property nullable";
    KilnException projected = assertThrows(KilnException.class, () -> tallies.query()
        .select(Tally_.ID, Tally_.VISITS).into(Visits::new).list());
    assertTrue(projected.getMessage().contains(named), projected.getMessage());
    KilnException found = assertThrows(KilnException.class, () -> tallies.findById(1L));
    assertTrue(found.getMessage().contains(named), found.getMessage());
    KilnException listed = assertThrows(KilnException.class, () -> tallies.query().list());
    assertTrue(listed.getMessage().contains(named), listed.getMessage());
  }
}
