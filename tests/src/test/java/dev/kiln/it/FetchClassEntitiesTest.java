package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kiln.Database;
import dev.kiln.it.fetchclasses.Composer;
import dev.kiln.it.fetchclasses.ComposerRepository;
import dev.kiln.it.fetchclasses.Composer_;
import dev.kiln.it.fetchclasses.Piece;
import dev.kiln.it.fetchclasses.PieceRepository;
import dev.kiln.it.fetchclasses.Piece_;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class entities receive their fetched relations like records do, however they are made:
 * {@link Composer} through a constructor over its persisted properties (its relation is set
 * afterwards, through its setter) and {@link Piece} through its no-argument constructor and
 * setters. Unfetched relations stay {@code null}, a fetched empty list is empty.
 */
@Tag("engines")
class FetchClassEntitiesTest {

  @TempDir static Path dir;
  static Database db;
  static ComposerRepository composers;
  static PieceRepository pieces;

  @BeforeAll
  static void fill() {
    db = TestDatabase.open(dir);
    composers = new ComposerRepository(db);
    pieces = new PieceRepository(db);
    db.transaction(() -> {
      composers.insertAll(List.of(new Composer(1, "Bach"), new Composer(2, "Satie"),
          new Composer(3, "Nobody")));
      pieces.insertAll(List.of(Piece.of(10, 1, "Goldberg"), Piece.of(11, 2, "Gymnopédie"),
          Piece.of(12, 1, "Art of Fugue"), Piece.of(13, 2, "Vexations")));
    });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aConstructorMadeEntityReceivesItsToMany() {
    List<Composer> graph = counted(2, () -> composers.fetch(Composer_.PIECES).findAll());
    Map<Long, List<Long>> pieceIds = graph.stream().collect(Collectors.toMap(Composer::getId,
        c -> c.getPieces().stream().map(Piece::getId).toList()));
    assertEquals(Map.of(1L, List.of(10L, 12L), 2L, List.of(11L, 13L), 3L, List.of()), pieceIds);
    assertEquals("Bach", graph.get(0).getName());
    graph.get(0).getPieces().forEach(p -> assertNull(p.getComposer(), "not fetched"));
    assertNull(composers.findById(1).orElseThrow().getPieces(), "not fetched");
  }

  @Test
  void aSetterMadeEntityReceivesItsToOne() {
    List<Piece> graph = counted(1, () -> pieces.fetch(Piece_.COMPOSER).findAll());
    assertEquals(List.of("Bach", "Satie", "Bach", "Satie"),
        graph.stream().map(p -> p.getComposer().getName()).toList());
    assertEquals(List.of("Goldberg", "Gymnopédie", "Art of Fugue", "Vexations"),
        graph.stream().map(Piece::getTitle).toList());
    graph.forEach(p -> assertNull(p.getComposer().getPieces(), "not fetched"));
  }

  @Test
  void nestedThroughBothKinds() {
    Composer bach = counted(3, () -> composers.fetch(Composer_.PIECES.then(Piece_.COMPOSER)
        .then(Composer_.PIECES)).findById(1)).orElseThrow();
    assertEquals(2, bach.getPieces().size());
    for (Piece piece : bach.getPieces()) {
      Composer again = piece.getComposer();
      assertNotNull(again);
      assertEquals(1, again.getId());
      assertEquals(List.of(10L, 12L), again.getPieces().stream().map(Piece::getId).toList());
    }
  }

  private static <T> T counted(long expected, Supplier<T> work) {
    long before = db.stats().statementsExecuted();
    T result = work.get();
    assertEquals(expected, db.stats().statementsExecuted() - before, "statements executed");
    return result;
  }
}
