package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.it.model.Customer;
import dev.kiln.it.model.CustomerRepository;
import dev.kiln.it.model.Customer_;
import dev.kiln.it.model.Enrollment;
import dev.kiln.it.model.EnrollmentRepository;
import dev.kiln.it.model.Everything;
import dev.kiln.it.model.EverythingRepository;
import dev.kiln.it.model.Money;
import dev.kiln.it.model.Part;
import dev.kiln.it.model.PartRepository;
import dev.kiln.it.model.Supplier;
import dev.kiln.it.model.SupplierRepository;
import dev.kiln.it.model.Supplier_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities that are classes rather than records, in each supported shape: a public constructor
 * over the persisted properties with getters ({@link Customer}), a no-argument constructor with
 * setters ({@link Supplier}), a no-argument constructor with package-private non-final fields
 * ({@link Part}), and a composite key ({@link Enrollment}). Every repository method works on them;
 * {@code @Convert} properties are stored through their converter and {@code @Transient} ones not
 * at all (they read back with their default); what a repository returns is always a new
 * instance, never the caller's; and with the entity cache on, changing an instance that
 * {@code findById} returned, even inside a mutable property, never changes what the next
 * {@code findById} returns.
 */
@Tag("engines")
class ClassEntityTest {

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  private void open() {
    db = TestDatabase.open(dir);
  }

  private void openWithCache() {
    db = TestDatabase.open(Database.builder(dir.resolve("test.db"))
        .entityCache(100, Duration.ofMinutes(1)));
  }

  private static Supplier supplier(long id, String name, String... tags) {
    Supplier s = new Supplier();
    s.setId(id);
    s.setName(name);
    s.setTags(new TreeSet<>(List.of(tags)));
    s.setSince(LocalDate.of(2020, 1, 1).plusDays(id));
    s.setActive(id % 2 == 0);
    return s;
  }

  // ---- a public all-properties constructor ---------------------------------------------------

  @Test
  void constructorEntityCrud() {
    open();
    CustomerRepository customers = new CustomerRepository(db);
    Customer ann = new Customer(0, "Ann", new Money(1250, "EUR"), "ann@example.org");
    Customer stored = customers.insert(ann);
    assertTrue(stored.getId() > 0);
    assertNotSame(ann, stored);
    assertEquals(0, ann.getId(), "the caller's instance is left as it was");

    Customer found = customers.findById(stored.getId()).orElseThrow();
    assertEquals(stored, found);
    assertNotSame(stored, found);
    assertNotSame(found, customers.findById(stored.getId()).orElseThrow());

    Customer changed = new Customer(stored.getId(), "Anne", new Money(99, "USD"), null);
    Customer updated = customers.update(changed);
    assertEquals(changed, updated);
    assertNotSame(changed, updated);
    assertEquals(changed, customers.findById(stored.getId()).orElseThrow());

    Customer upserted = customers.upsert(new Customer(500, "Bob", new Money(0, "GBP"), null));
    assertEquals(500, upserted.getId());
    Customer again = new Customer(500, "Bobby", new Money(1, "GBP"), "bob@example.org");
    Customer upsertedAgain = customers.upsert(again);
    assertNotSame(again, upsertedAgain);
    assertEquals(again, customers.findById(500).orElseThrow());

    assertEquals(2, customers.count());
    assertEquals(List.of(changed, again), customers.findAll());
    assertEquals(List.of(again), customers.findAllById(List.of(500L, 404L)));
    assertTrue(customers.existsById(500));
    assertTrue(customers.delete(again));
    assertFalse(customers.existsById(500));
    assertTrue(customers.deleteById(stored.getId()));
    assertEquals(0, customers.count());
  }

  @Test
  @Tag("sqlite")
  void convertedPropertiesAreStoredThroughTheConverterAndQueryable() throws SQLException {
    open();
    CustomerRepository customers = new CustomerRepository(db);
    SupplierRepository suppliers = new SupplierRepository(db);
    Customer ann = customers.insert(new Customer(0, "Ann", new Money(1250, "EUR"), null));
    customers.insert(new Customer(0, "Bob", new Money(1250, "USD"), null));
    suppliers.insert(supplier(1, "Acme", "steel", "bolts", "nuts"));
    suppliers.insert(supplier(2, "Empty"));

    assertEquals("EUR 1250", sql("SELECT balance FROM class_customer WHERE id = " + ann.getId()));
    assertEquals("bolts,nuts,steel", sql("SELECT tags FROM class_supplier WHERE id = 1"));
    assertEquals("", sql("SELECT tags FROM class_supplier WHERE id = 2"));

    assertEquals(new Money(1250, "EUR"), customers.findById(ann.getId()).orElseThrow()
        .getBalance());
    assertEquals(Set.of("steel", "bolts", "nuts"), suppliers.findById(1).orElseThrow().getTags());
    assertEquals(Set.of(), suppliers.findById(2).orElseThrow().getTags());

    assertEquals(List.of("Ann"), customers.query()
        .where(Customer_.BALANCE.eq(new Money(1250, "EUR"))).list().stream()
        .map(Customer::getName).toList());
    assertEquals(List.of(2L), suppliers.query().where(Supplier_.TAGS.eq(new TreeSet<>()))
        .list().stream().map(Supplier::getId).toList());
  }

  @Test
  @Tag("sqlite")
  void transientPropertiesAreNotStoredAndReadBackAsTheirDefault() throws SQLException {
    open();
    CustomerRepository customers = new CustomerRepository(db);
    SupplierRepository suppliers = new SupplierRepository(db);
    Customer ann = new Customer(0, "Ann", new Money(1, "EUR"), null);
    ann.setDisplayName("Dr. Ann");
    Supplier acme = supplier(1, "Acme");
    acme.setVisits(7);
    long id = customers.insert(ann).getId();
    suppliers.insert(acme);

    assertEquals(List.of("id", "name", "balance", "email"), columns("class_customer"));
    assertEquals(List.of("id", "name", "tags", "since", "active"), columns("class_supplier"));
    assertEquals("unset", customers.findById(id).orElseThrow().getDisplayName());
    assertEquals(0, suppliers.findById(1).orElseThrow().getVisits());
  }

  // ---- a no-argument constructor with setters ------------------------------------------------

  @Test
  void javaBeanEntityCrud() {
    open();
    SupplierRepository suppliers = new SupplierRepository(db);
    Supplier acme = supplier(1, "Acme", "steel");
    Supplier stored = suppliers.insert(acme);
    assertEquals(acme, stored);
    assertNotSame(acme, stored);
    List<Supplier> batch = List.of(supplier(2, "Bolt Co"), supplier(3, "Nuts Ltd", "nuts"));
    List<Supplier> storedBatch = suppliers.insertAll(batch);
    assertEquals(batch, storedBatch);
    for (int i = 0; i < batch.size(); i++) {
      assertNotSame(batch.get(i), storedBatch.get(i));
    }

    Supplier found = suppliers.findById(1).orElseThrow();
    assertEquals(acme, found);
    assertNotSame(acme, found);
    found.setName("Acme Corp");
    found.setSince(null);
    found.setActive(true);
    Supplier updated = suppliers.update(found);
    assertNotSame(found, updated);
    assertEquals(found, suppliers.findById(1).orElseThrow());
    assertNull(suppliers.findById(1).orElseThrow().getSince());

    Supplier replacement = supplier(2, "Bolt & Co", "bolts");
    assertEquals(replacement, suppliers.upsert(replacement));
    assertEquals(replacement, suppliers.findById(2).orElseThrow());
    assertEquals(List.of(1L, 2L, 3L), suppliers.findAll().stream().map(Supplier::getId).toList());
    try (Stream<Supplier> all = suppliers.streamAll()) {
      assertEquals(suppliers.findAll(), all.toList());
    }
    assertEquals(List.of("Acme Corp", "Bolt & Co"), suppliers.query()
        .where(Supplier_.ACTIVE.eq(true)).orderBy(Supplier_.NAME.asc()).list().stream()
        .map(Supplier::getName).toList());
    assertEquals(2, suppliers.deleteAll(List.of(found, replacement)));
    assertEquals(List.of(3L), suppliers.findAll().stream().map(Supplier::getId).toList());
  }

  // ---- a no-argument constructor with package-private fields ---------------------------------

  @Test
  void fieldEntityCrud() {
    open();
    PartRepository parts = new PartRepository(db);
    Part bolt = Part.of("B-1", "Bolt", 10, new BigDecimal("0.250"), new byte[] {1, 2, 3});
    Part nut = Part.of("N-1", "Nut", 0, null, null);
    Part stored = parts.insert(bolt);
    assertEquals(bolt, stored);
    assertNotSame(bolt, stored);
    parts.insertAll(List.of(nut));

    Part found = parts.findById("B-1").orElseThrow();
    assertEquals(bolt, found);
    assertNotSame(bolt, found);
    assertEquals(0.250, found.weight().doubleValue());
    assertEquals(3, found.weight().scale());
    assertEquals(nut, parts.findById("N-1").orElseThrow());

    found.setStock(9);
    found.setLabel("Hex bolt");
    Part updated = parts.update(found);
    assertEquals(found, updated);
    assertNotSame(found, updated);
    assertEquals(9, parts.findById("B-1").orElseThrow().stock());
    assertEquals("Hex bolt", parts.findById("B-1").orElseThrow().label());

    Part washer = Part.of("W-1", "Washer", 100, BigDecimal.ONE, new byte[0]);
    Part upserted = parts.upsert(washer);
    assertNotSame(washer, upserted);
    assertEquals(washer, parts.findById("W-1").orElseThrow());
    assertArrayEquals(new byte[0], parts.findById("W-1").orElseThrow().drawing());

    assertEquals(3, parts.count());
    assertEquals(List.of("B-1", "W-1"), parts.findAllById(List.of("W-1", "X", "B-1")).stream()
        .map(Part::sku).toList());
    assertTrue(parts.delete(nut));
    assertTrue(parts.deleteById("W-1"));
    assertFalse(parts.deleteById("W-1"));
    assertEquals(List.of(updated), parts.findAll());
  }

  // ---- a composite key -----------------------------------------------------------------------

  @Test
  void compositeKeyCrud() {
    open();
    EnrollmentRepository enrollments = new EnrollmentRepository(db);
    List<Enrollment> stored = enrollments.insertAll(List.of(
        new Enrollment(1, "MATH", 5), new Enrollment(1, "ART", null),
        new Enrollment(2, "MATH", 3)));
    assertEquals(3, stored.size());
    assertEquals(3, enrollments.count());

    assertEquals(new Enrollment(1, "ART", null), enrollments.findById(1, "ART").orElseThrow());
    assertEquals(new Enrollment(2, "MATH", 3), enrollments.findById(2, "MATH").orElseThrow());
    assertTrue(enrollments.findById(2, "ART").isEmpty());
    assertTrue(enrollments.findById(3, "MATH").isEmpty());
    assertTrue(enrollments.existsById(1, "MATH"));
    assertFalse(enrollments.existsById(2, "ART"));
    assertEquals(List.of(new Enrollment(1, "ART", null), new Enrollment(1, "MATH", 5),
        new Enrollment(2, "MATH", 3)), enrollments.findAll());

    Enrollment graded = new Enrollment(1, "ART", 4);
    Enrollment updated = enrollments.update(graded);
    assertEquals(graded, updated);
    assertNotSame(graded, updated);
    assertEquals(graded, enrollments.findById(1, "ART").orElseThrow());
    assertEquals(new Enrollment(1, "MATH", 5), enrollments.findById(1, "MATH").orElseThrow(),
        "the other row with the same first key part is untouched");

    enrollments.upsert(new Enrollment(2, "ART", 1));
    enrollments.upsert(new Enrollment(2, "MATH", 2));
    assertEquals(4, enrollments.count());
    assertEquals(2, enrollments.findById(2, "MATH").orElseThrow().getGrade());

    assertTrue(enrollments.deleteById(1, "MATH"));
    assertFalse(enrollments.deleteById(1, "MATH"));
    assertFalse(enrollments.existsById(1, "MATH"));
    assertTrue(enrollments.existsById(1, "ART"));
    assertTrue(enrollments.delete(new Enrollment(2, "ART", null)));
    assertEquals(2, enrollments.count());
  }

  @Test
  void compositeKeyThroughTheEntityCache() {
    openWithCache();
    EnrollmentRepository enrollments = new EnrollmentRepository(db);
    enrollments.insert(new Enrollment(1, "MATH", 5));
    enrollments.insert(new Enrollment(1, "ART", 2));
    assertEquals(5, enrollments.findById(1, "MATH").orElseThrow().getGrade());
    assertEquals(5, enrollments.findById(1, "MATH").orElseThrow().getGrade());
    assertEquals(2, enrollments.findById(1, "ART").orElseThrow().getGrade());
    enrollments.update(new Enrollment(1, "MATH", 6));
    assertEquals(6, enrollments.findById(1, "MATH").orElseThrow().getGrade());
    assertTrue(enrollments.deleteById(1, "MATH"));
    assertTrue(enrollments.findById(1, "MATH").isEmpty());
    assertEquals(2, enrollments.findById(1, "ART").orElseThrow().getGrade());
  }

  // ---- the entity cache ----------------------------------------------------------------------

  @Test
  void changingAFoundInstanceDoesNotChangeTheCache() {
    openWithCache();
    SupplierRepository suppliers = new SupplierRepository(db);
    suppliers.insert(supplier(1, "Acme", "steel"));
    Supplier expected = supplier(1, "Acme", "steel");

    // the first find loads the row and caches it; change everything about what it returned
    Supplier first = suppliers.findById(1).orElseThrow();
    first.setName("changed");
    first.setActive(!first.isActive());
    first.setSince(null);
    first.getTags().add("changed");
    first.setVisits(99);
    Supplier second = suppliers.findById(1).orElseThrow();
    assertEquals(expected, second);
    assertEquals(0, second.getVisits());
    assertTrue(db.stats().cacheHits() >= 1, "the second find came from the cache");

    // the same for an instance that came out of the cache
    second.setName("changed again");
    second.getTags().clear();
    assertEquals(expected, suppliers.findById(1).orElseThrow());
    assertTrue(db.stats().cacheHits() >= 2);

    // writes through the repository are seen at once
    Supplier renamed = supplier(1, "Acme Corp", "steel", "tin");
    suppliers.update(renamed);
    assertEquals(renamed, suppliers.findById(1).orElseThrow());
  }

  @Test
  void changingAFoundArrayDoesNotChangeTheCache() {
    openWithCache();
    PartRepository parts = new PartRepository(db);
    parts.insert(Part.of("B-1", "Bolt", 10, BigDecimal.TEN, new byte[] {1, 2, 3}));
    Part first = parts.findById("B-1").orElseThrow();
    first.drawing()[0] = 42;
    first.setStock(0);
    Part second = parts.findById("B-1").orElseThrow();
    assertArrayEquals(new byte[] {1, 2, 3}, second.drawing());
    assertEquals(10, second.stock());
    second.drawing()[1] = 42;
    assertArrayEquals(new byte[] {1, 2, 3}, parts.findById("B-1").orElseThrow().drawing());
    assertTrue(db.stats().cacheHits() >= 2, "the later finds came from the cache");
  }

  @Test
  void changingTheArrayOfAFoundRecordDoesNotChangeTheCache() {
    openWithCache();
    EverythingRepository repository = new EverythingRepository(db);
    UUID id = UUID.randomUUID();
    repository.insert(new Everything(id, false, (byte) 0, (short) 0, 0, 0, 0, 0, null, null,
        null, null, null, null, null, null, new byte[] {1, 2, 3}, null, null, null, null, null,
        null, null, null, null));
    repository.findById(id).orElseThrow().bytes()[0] = 42;
    repository.findById(id).orElseThrow().bytes()[1] = 42;
    assertArrayEquals(new byte[] {1, 2, 3}, repository.findById(id).orElseThrow().bytes());
    assertTrue(db.stats().cacheHits() >= 2, "the later finds came from the cache");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String sql(String query) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      assertTrue(rs.next(), query);
      return rs.getString(1);
    }
  }

  private List<String> columns(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }
}
