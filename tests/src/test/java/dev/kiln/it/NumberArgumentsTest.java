package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Database;
import dev.kiln.it.model.Everything;
import dev.kiln.it.model.EverythingRepository;
import dev.kiln.it.model.Everything_;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A numeric column takes any narrower argument, as a Java comparison would: an {@code int}
 * literal for a {@code long} or {@code double} column, a {@code long} for a {@code byte} one,
 * with no cast or {@code L} suffix — and compares by value.
 */
@Tag("engines")
class NumberArgumentsTest {

  @TempDir Path dir;
  Database db;
  EverythingRepository repository;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    repository = new EverythingRepository(db);
    for (int i = 0; i < 10; i++) {
      repository.insert(new Everything(new UUID(0, i), false, (byte) i, (short) (i * 100),
          i * 1000, i * 10_000_000_000L, i / 4f, i / 2.0, null, null, null, null, (long) i,
          null, i + 0.5, null, null, null, null, null, null, null, null, null, null, null));
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void narrowerArgumentsCompareByValue() {
    assertEquals(List.of(6, 7, 8, 9), numbers(Everything_.BIG.gt(50_000_000_000L)));
    assertEquals(List.of(0, 1), numbers(Everything_.BIG.lt(20_000_000_000L)));
    assertEquals(List.of(3), numbers(Everything_.TINY.eq(3)));
    assertEquals(List.of(0, 1, 2), numbers(Everything_.SMALL.le(250)));
    assertEquals(List.of(8, 9), numbers(Everything_.BOXED_BIG.ge(8)));
    assertEquals(List.of(2, 3, 4), numbers(Everything_.BOXED_BIG.between(2, 4)));
    assertEquals(List.of(0, 1, 2, 3, 4), numbers(Everything_.MEASURE.le(2)));
    assertEquals(List.of(5, 6, 7, 8, 9), numbers(Everything_.RATIO.ge(1.25)));
    assertEquals(List.of(1, 2, 3), numbers(Everything_.BOXED_MEASURE.between(1, 3.5)));
    assertEquals(List.of(9), numbers(Everything_.NUMBER.ne(0).and(Everything_.NUMBER.gt(8500L))));
    assertEquals(List.of(2), numbers(Everything_.MEASURE.eq(1)));
  }

  private List<Integer> numbers(dev.kiln.query.Condition<Everything> condition) {
    return repository.query().where(condition).list().stream()
        .sorted(Comparator.comparingInt(Everything::number))
        .map(e -> e.number() / 1000).toList();
  }
}
