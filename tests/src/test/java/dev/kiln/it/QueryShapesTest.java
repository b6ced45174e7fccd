package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.it.chinook.Album_;
import dev.kiln.it.chinook.InvoiceRepository;
import dev.kiln.it.chinook.Invoice_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import dev.kiln.query.Aggregate;
import dev.kiln.query.Condition;
import dev.kiln.query.EntityQuery;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A typed query's SQL is laid out once for its shape and reused with new values: each query
 * here runs in one shape with several values, including values that change the text (list
 * lengths, times finer than PostgreSQL keeps), and every answer is checked against hand-written
 * SQL on the original file. With assertions on, each reuse is also compared with a new layout.
 */
@Tag("engines")
class QueryShapesTest extends ChinookFixture {

  static TrackRepository tracks;

  @BeforeAll
  static void repositories() {
    tracks = new TrackRepository(db);
  }

  @Test
  void reusesAreCheckedAgainstANewLayout() {
    assertTrue(EntityQuery.class.desiredAssertionStatus(),
        "the tests run with assertions, which compare each reused statement with its layout");
  }

  @Test
  void aShapeIsLaidOutOnceForTheDatabase() {
    var texts = db.engine().queryTexts();
    new TrackRepository(db).query().where(Track_.GENRE_ID.eq(1L)).list();
    int kept = texts.size();
    for (long genre = 2; genre <= 5; genre++) {
      assertEquals(keys("SELECT TrackId FROM Track WHERE GenreId = " + genre
          + " ORDER BY TrackId"),
          ids(new TrackRepository(db).query().where(Track_.GENRE_ID.eq(genre)).list()));
    }
    assertEquals(kept, texts.size(), "four more of one shape, each from a new repository");
    new TrackRepository(db).query().where(Track_.GENRE_ID.ne(1L)).list();
    assertEquals(kept + 1, texts.size(), "another operator, another shape");
    Condition<Track> own = sql -> sql.append("1 = 1");
    tracks.query().where(Track_.GENRE_ID.eq(1L).and(own)).list();
    assertEquals(kept + 1, texts.size(), "a condition written as a lambda is laid out each time");
  }

  @Test
  void oneShapeWithManyValues() {
    for (long album = 1; album <= 6; album++) {
      List<Long> kiln = ids(tracks.query().where(Track_.ALBUM_ID.eq(album))
          .orderBy(Track_.NAME.asc()).limit(3).offset(1).list());
      assertEquals(keys("SELECT TrackId FROM Track WHERE AlbumId = " + album
          + " ORDER BY Name, TrackId LIMIT 3 OFFSET 1"), kiln, "album " + album);
      assertEquals(keys("SELECT count(*) FROM Track WHERE AlbumId = " + album).get(0),
          tracks.query().where(Track_.ALBUM_ID.eq(album)).count());
      assertEquals(kiln.isEmpty() ? null : kiln.get(0), tracks.query()
          .where(Track_.ALBUM_ID.eq(album)).orderBy(Track_.NAME.asc()).offset(1).first()
          .map(Track::id).orElse(null));
    }
  }

  @Test
  void listsOfEveryLength() {
    List<List<BigDecimal>> prices = List.of(List.of(), List.of(new BigDecimal("0.99")),
        List.of(new BigDecimal("1.99")), List.of(new BigDecimal("0.99"), new BigDecimal("1.99")));
    for (List<BigDecimal> in : prices) {
      String list = in.isEmpty() ? "NULL" : String.join(", ", in.stream().map(p -> "'" + p + "'")
          .toList());
      assertEquals(keys("SELECT count(*) FROM Track WHERE UnitPrice IN (" + list + ")").get(0),
          tracks.query().where(Track_.UNIT_PRICE.in(in)).count(), "in " + in);
      // SQL's NOT IN (NULL) matches nothing; Kiln's notIn of no values matches every row.
      assertEquals(keys(in.isEmpty() ? "SELECT count(*) FROM Track"
          : "SELECT count(*) FROM Track WHERE UnitPrice NOT IN (" + list + ")").get(0),
          tracks.query().where(Track_.UNIT_PRICE.notIn(in)).count(), "not in " + in);
    }
    for (List<Long> in : List.of(List.of(1L), List.of(1L, 2L, 3L), List.<Long>of())) {
      String list = in.isEmpty() ? "NULL" : String.join(", ", in.stream().map(String::valueOf)
          .toList());
      assertEquals(keys("SELECT TrackId FROM Track WHERE AlbumId IN (" + list + ")"
          + " ORDER BY TrackId"), ids(tracks.query().where(Track_.ALBUM_ID.in(in)).list()));
    }
  }

  @Test
  void timesFinerThanAnEngineKeeps() {
    InvoiceRepository invoices = new InvoiceRepository(db);
    LocalDateTime first = LocalDateTime.of(2009, 1, 1, 0, 0);
    long onTheDay = keys("SELECT count(*) FROM Invoice WHERE InvoiceDate LIKE '2009-01-01%'")
        .get(0);
    for (int round = 0; round < 2; round++) {
      assertEquals(onTheDay, invoices.query().where(Invoice_.INVOICE_DATE.eq(first)).count());
      assertEquals(0, invoices.query().where(Invoice_.INVOICE_DATE.eq(first.withNano(1_500)))
          .count());
      assertEquals(onTheDay, invoices.query()
          .where(Invoice_.INVOICE_DATE.lt(first.plusNanos(1_500))).count());
      assertEquals(0, invoices.query().where(Invoice_.INVOICE_DATE.lt(first)).count());
    }
  }

  @Test
  void combinedConditionsGroupsAndFetches() {
    for (String prefix : List.of("A", "B", "Z")) {
      for (long milliseconds : List.of(200_000L, 400_000L)) {
        List<Long> kiln = ids(tracks.query().where(Track_.NAME.startsWith(prefix)
            .and(Track_.MILLISECONDS.gt(milliseconds).or(Track_.COMPOSER.isNull()).not()))
            .list());
        assertEquals(keys("SELECT TrackId FROM Track WHERE Name LIKE '" + prefix + "%'"
            + " AND NOT (Milliseconds > " + milliseconds + " OR Composer IS NULL)"
            + " ORDER BY TrackId"), kiln, prefix + " " + milliseconds);
      }
    }
    for (long least : List.of(10L, 20L, 30L)) {
      List<Long> albums = tracks.query().groupBy(Track_.ALBUM_ID)
          .having(Aggregate.<Track>count().ge(least)).select(Track_.ALBUM_ID).list();
      assertEquals(keys("SELECT AlbumId FROM Track GROUP BY AlbumId HAVING count(*) >= " + least
          + " ORDER BY AlbumId"), albums, "albums of " + least + " tracks or more");
    }
    for (long album = 1; album <= 3; album++) {
      var fetched = new dev.kiln.it.chinook.AlbumRepository(db).query()
          .where(Album_.ID.between(album, album + 1)).fetch(Album_.TRACKS).list();
      assertEquals(keys("SELECT AlbumId FROM Album WHERE AlbumId BETWEEN " + album + " AND "
          + (album + 1) + " ORDER BY AlbumId"), fetched.stream().map(a -> a.id()).toList());
      assertEquals(keys("SELECT count(*) FROM Track WHERE AlbumId BETWEEN " + album + " AND "
          + (album + 1)).get(0), fetched.stream().mapToLong(a -> a.tracks().size()).sum());
    }
  }

  private static List<Long> ids(List<Track> rows) {
    return rows.stream().map(Track::id).toList();
  }
}
