package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnException;
import dev.kiln.it.chinook.Album_;
import dev.kiln.it.chinook.Artist;
import dev.kiln.it.chinook.ArtistRepository;
import dev.kiln.it.chinook.Artist_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import dev.kiln.query.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages: walking a whole table page by page with {@code after(lastSeen)} gives exactly the
 * rows of one {@code ORDER BY} of the whole table — through nullable columns, descending ones,
 * decimals, a filter and a fetch — each page one statement.
 */
@Tag("engines")
class KeysetPageTest extends ChinookFixture {

  @Test
  void aWalkByNullableTextThenDescendingDecimalEqualsOneOrderByOfTheWholeTable() {
    List<Long> walked = walk(List.of(Track_.COMPOSER.asc(), Track_.UNIT_PRICE.desc()), 97);
    assertEquals(keys("SELECT TrackId FROM Track ORDER BY Composer, UnitPrice DESC, TrackId"),
        walked);
    assertEquals(3503, walked.size());
  }

  @Test
  void aWalkByADescendingNumberAndOneByTheKeyAlone() {
    assertEquals(keys("SELECT TrackId FROM Track ORDER BY Milliseconds DESC, TrackId"),
        walk(List.of(Track_.MILLISECONDS.desc()), 500));
    assertEquals(keys("SELECT TrackId FROM Track ORDER BY TrackId"), walk(List.of(), 1000));
    assertEquals(keys("SELECT TrackId FROM Track ORDER BY Composer DESC, TrackId"),
        walk(List.of(Track_.COMPOSER.desc()), 250));
  }

  @Test
  void eachPageIsOneStatementAndAFilterAndAFetchStillApply() {
    ArtistRepository artists = new ArtistRepository(db);
    List<Long> walked = new ArrayList<>();
    Artist last = null;
    int pages = 0;
    while (true) {
      var query = artists.query().where(Artist_.ALBUMS.any())
          .orderBy(Artist_.NAME.desc()).fetch(Artist_.ALBUMS.then(Album_.TRACKS)).limit(40);
      if (last != null) {
        query.after(last);
      }
      long before = db.stats().statementsExecuted();
      List<Artist> page = query.list();
      assertEquals(page.isEmpty() ? 1 : 3, db.stats().statementsExecuted() - before,
          "artists, then albums and tracks when there are artists");
      if (page.isEmpty()) {
        break;
      }
      pages++;
      page.forEach(artist -> {
        walked.add(artist.id());
        assertTrue(!artist.albums().isEmpty());
      });
      last = page.get(page.size() - 1);
    }
    assertEquals(keys("SELECT ArtistId FROM Artist WHERE ArtistId IN (SELECT ArtistId FROM Album)"
        + " ORDER BY Name DESC, ArtistId"), walked);
    assertEquals(204, walked.size()); // 275 artists, 71 without an album
    assertEquals(6, pages);
  }

  @Test
  void afterIsForListsOfEntities() {
    TrackRepository tracks = new TrackRepository(db);
    Track first = tracks.query().first().orElseThrow();
    assertThrows(KilnException.class, () -> tracks.query().after(first).delete());
    assertThrows(KilnException.class, () -> tracks.query().after(first)
        .select(Track_.UNIT_PRICE).list());
    assertEquals(new BigDecimal("0.99"), tracks.query().after(first).first().orElseThrow()
        .unitPrice().stripTrailingZeros().setScale(2));
  }

  /** Every track id, {@code pageSize} at a time, each page after the last row of the one before. */
  private static List<Long> walk(List<Order<Track>> order, int pageSize) {
    TrackRepository tracks = new TrackRepository(db);
    List<Long> ids = new ArrayList<>();
    Track last = null;
    while (true) {
      var query = tracks.query().orderBy(order.toArray(Order[]::new)).limit(pageSize);
      if (last != null) {
        query.after(last);
      }
      List<Track> page = query.list();
      if (page.isEmpty()) {
        return ids;
      }
      page.forEach(track -> ids.add(track.id()));
      last = page.get(page.size() - 1);
    }
  }
}
