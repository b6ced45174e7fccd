package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kiln.Database;
import dev.kiln.it.fetchkeys.Bin;
import dev.kiln.it.fetchkeys.BinRepository;
import dev.kiln.it.fetchkeys.Bin_;
import dev.kiln.it.fetchkeys.Item;
import dev.kiln.it.fetchkeys.ItemRepository;
import dev.kiln.it.fetchkeys.Item_;
import dev.kiln.it.fetchkeys.Shelf;
import dev.kiln.it.fetchkeys.ShelfRepository;
import dev.kiln.it.fetchkeys.Shelf_;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch finds children by their parents' keys exactly as SQLite stores them: text keys with
 * quotes, backslashes, control characters, non-ASCII letters, digits only or nothing at all;
 * integer keys anywhere in the range of {@code long}, including values a double cannot hold.
 * Children come in key order even where the table's physical order (the order of insertion)
 * is another one. Each graph is compared with the one loaded row by row.
 */
@Tag("engines")
class FetchKeysTest {

  static final List<String> CODES = List.of("plain", "with \"quotes\"", "back\\slash",
      "tab\tand\nnewline", "\u0001control", "ünïcødé", "emoji \uD83C\uDFB8", "10", "9", "",
      " padded ", "'single'", "[\"json\"]", "null", "UPPER", "upper");
  static final long[] BIN_KEYS = {Long.MIN_VALUE, -9_007_199_254_740_993L, -1, 0, 1,
      9_007_199_254_740_993L, 1L << 62, Long.MAX_VALUE - 1, Long.MAX_VALUE};

  @TempDir static Path dir;
  static Database db;
  static ShelfRepository shelves;
  static BinRepository bins;
  static ItemRepository items;

  @BeforeAll
  static void fill() {
    db = TestDatabase.open(dir);
    shelves = new ShelfRepository(db);
    bins = new BinRepository(db);
    items = new ItemRepository(db);
    Random random = new Random(5);
    List<Shelf> shelfRows = new ArrayList<>();
    List<Bin> binRows = new ArrayList<>();
    List<Item> itemRows = new ArrayList<>();
    for (String code : CODES) {
      shelfRows.add(new Shelf(code, "shelf " + code, null));
    }
    for (int i = 0; i < BIN_KEYS.length; i++) {
      // Every other shelf gets bins; the last shelves stay empty.
      binRows.add(new Bin(BIN_KEYS[i], CODES.get((i * 2) % (CODES.size() - 4)), null, null));
    }
    for (Bin bin : binRows.subList(1, binRows.size())) {
      for (int n = 0; n < 2 + random.nextInt(5); n++) {
        itemRows.add(new Item(Long.toString(random.nextLong(), 36) + " " + CODES.get(n),
            bin.id(), null));
      }
    }
    Collections.shuffle(shelfRows, random);
    Collections.shuffle(itemRows, random);
    db.transaction(() -> {
      shelves.insertAll(shelfRows);
      bins.insertAll(binRows);
      items.insertAll(itemRows);
    });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void textAndExtremeIntegerKeysFindTheirChildren() {
    List<Shelf> fetched = counted(3, () -> shelves.fetch(Shelf_.BINS.then(Bin_.ITEMS)).findAll());
    List<Shelf> naive = shelves.findAll().stream()
        .map(s -> new Shelf(s.code(), s.label(), bins.query()
            .where(Bin_.SHELF_CODE.eq(s.code())).list().stream()
            .map(b -> new Bin(b.id(), b.shelfCode(), null,
                items.query().where(Item_.BIN_ID.eq(b.id())).list()))
            .toList()))
        .toList();
    assertEquals(CODES.size(), fetched.size());
    FetchGraphTest.assertSameGraphs(naive, fetched);
    assertEquals(BIN_KEYS.length, fetched.stream().mapToInt(s -> s.bins().size()).sum());
  }

  @Test
  void joinedParentsWithTextAndExtremeKeys() {
    List<Item> fetched = counted(1, () -> items.fetch(Item_.BIN.then(Bin_.SHELF)).findAll());
    List<Item> naive = items.findAll().stream()
        .map(i -> {
          Bin bin = bins.findById(i.binId()).orElseThrow();
          Shelf shelf = shelves.findById(bin.shelfCode()).orElseThrow();
          return new Item(i.sku(), i.binId(), new Bin(bin.id(), bin.shelfCode(), shelf, null));
        })
        .toList();
    FetchGraphTest.assertSameGraphs(naive, fetched);
  }

  @Test
  @Tag("sqlite")
  void childrenComeInKeyOrderWhateverTheOrderOfInsertion() {
    for (Bin bin : bins.fetch(Bin_.ITEMS).findAll()) {
      List<String> skus = bin.items().stream().map(Item::sku).toList();
      List<String> byKey = items.query().where(Item_.BIN_ID.eq(bin.id()))
          .orderBy(Item_.SKU.asc()).list().stream().map(Item::sku).toList();
      assertEquals(byKey, skus, "items of bin " + bin.id());
    }
    // The data is laid out so that this means something: stored order is not key order.
    List<String> stored = db.engine().read(null, "scan", conn -> {
      List<String> rows = new ArrayList<>();
      try (var rs = conn.query(conn.prepare("SELECT sku FROM fetch_keys_item"
          + " NOT INDEXED ORDER BY rowid"))) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    });
    assertNotEquals(stored.stream().sorted().toList(), stored);
  }

  private static <T> T counted(long expected, Supplier<T> work) {
    long before = db.stats().statementsExecuted();
    T result = work.get();
    assertEquals(expected, db.stats().statementsExecuted() - before, "statements executed");
    return result;
  }
}
