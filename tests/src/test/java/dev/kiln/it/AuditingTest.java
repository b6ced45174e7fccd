package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kiln.Database;
import dev.kiln.it.model.Bill;
import dev.kiln.it.model.BillRepository;
import dev.kiln.it.model.Bill_;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @CreatedAt} and {@code @UpdatedAt}: filled by Kiln from the database's clock, to the
 * microsecond, on every write path — insert, insertAll, update, updateAll, upsert, upsertAll and a
 * typed update — and returned with the entity exactly as stored.
 */
@Tag("engines")
class AuditingTest {

  /** A clock the test moves; its instants have nanoseconds, which Kiln cuts to microseconds. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T10:00:00.123456789Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    Instant advance() {
      now = now.plus(Duration.ofMinutes(1));
      return micros(now);
    }
  }

  static Instant micros(Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  @TempDir Path dir;
  final TestClock clock = new TestClock();
  Database db;
  BillRepository invoices;

  @BeforeEach
  void open() {
    db = TestDatabase.open(TestDatabase.builder(dir).clock(clock)
        .entityCache(100, Duration.ofMinutes(1)));
    invoices = new BillRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void insertFillsBothTimesAndUpdateOnlyTheLastWrite() {
    Instant first = micros(clock.now);
    Bill inserted = invoices.insert(Bill.of("Ann", "10.00"));
    assertEquals(first, inserted.createdAt());
    assertEquals(first, inserted.updatedAt());
    assertEquals(inserted, invoices.findById(inserted.id()).orElseThrow());

    Instant later = clock.advance();
    Bill updated = invoices.update(inserted.withTotal("12.00"));
    assertEquals(first, updated.createdAt(), "the time of insert stays");
    assertEquals(later, updated.updatedAt());
    assertEquals(updated, invoices.findById(inserted.id()).orElseThrow());
  }

  @Test
  void aTimeTheEntityHoldsIsKeptOnInsert() {
    Instant imported = Instant.parse("2020-05-01T08:00:00Z");
    Bill copy = invoices.insert(new Bill(0, "Bo", java.math.BigDecimal.ONE, imported, null, 0));
    assertEquals(imported, copy.createdAt());
    assertEquals(micros(clock.now), copy.updatedAt());
  }

  @Test
  void batchesAndUpsertsAreStampedToo() {
    Instant first = micros(clock.now);
    List<Bill> stored = invoices.insertAll(List.of(Bill.of("A", "1"), Bill.of("B", "2")));
    stored.forEach(i -> assertEquals(first, i.createdAt()));

    Instant second = clock.advance();
    List<Bill> updated = invoices.updateAll(stored.stream().map(i -> i.withTotal("3")).toList());
    updated.forEach(i -> {
      assertEquals(first, i.createdAt());
      assertEquals(second, i.updatedAt());
      assertEquals(i, invoices.findById(i.id()).orElseThrow());
    });

    Instant third = clock.advance();
    Bill upserted = invoices.upsert(updated.get(0).withTotal("4"));
    assertEquals(third, upserted.updatedAt());
    assertEquals(first, invoices.findById(upserted.id()).orElseThrow().createdAt());
    List<Bill> both = invoices.upsertAll(List.of(upserted.withTotal("5"),
        new Bill(77, "C", java.math.BigDecimal.TEN, null, null, 0)));
    assertEquals(third, both.get(1).createdAt(), "inserted by the upsert, at now");
    both.forEach(i -> assertEquals(i, invoices.findById(i.id()).orElseThrow()));
  }

  @Test
  void aTypedUpdateSetsTheTimeOfItsWrite() {
    Bill inserted = invoices.insert(Bill.of("Ann", "10.00"));
    Instant later = clock.advance();
    assertEquals(1, invoices.query().where(Bill_.CUSTOMER.eq("Ann"))
        .update(Bill_.TOTAL.multiply(new java.math.BigDecimal("2"))));
    Bill stored = invoices.findById(inserted.id()).orElseThrow();
    assertEquals(later, stored.updatedAt());
    assertEquals(inserted.createdAt(), stored.createdAt());
    assertNotNull(stored.createdAt());
  }
}
