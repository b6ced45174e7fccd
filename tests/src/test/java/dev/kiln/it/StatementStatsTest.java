package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.StatementStats;
import dev.kiln.it.dao.NoteSearches;
import dev.kiln.it.dao.NoteSearches_Impl;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Note;
import dev.kiln.it.model.NoteRepository;
import dev.kiln.it.model.Note_;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db.stats().statements()}: each statement's figures, named after what the user wrote
 * (a repository method, a {@code @Dao} method) or after its table for a typed query.
 */
@Tag("engines")
class StatementStatsTest {

  @TempDir Path dir;
  Database db;
  NoteRepository notes;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    notes = new NoteRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private StatementStats named(String name) {
    return db.stats().statements().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + db.stats().statements()));
  }

  @Test
  void eachStatementHasItsFiguresUnderTheNameOfWhatRanIt() {
    notes.insertAll(List.of(new Note(1, "a"), new Note(2, "b")));
    for (int i = 0; i < 3; i++) {
      notes.findById(1);
    }
    notes.query().where(Note_.BODY.eq("b")).list();
    NoteSearches searches = new NoteSearches_Impl(db);
    searches.findByBodyContaining("a");
    assertThrows(KilnException.class, () -> notes.insert(new Note(1, "again")));

    StatementStats find = named("NoteRepository.findById");
    assertEquals(3, find.count());
    assertEquals(0, find.errors());
    assertTrue(find.sql().startsWith("SELECT"), find.sql());
    assertTrue(find.p50().compareTo(find.max()) <= 0 && find.p95().compareTo(find.max()) <= 0);
    assertTrue(find.total().compareTo(find.max()) >= 0);

    StatementStats insert = named("NoteRepository.insert");
    assertEquals(1, insert.errors(), "the duplicate key");
    assertEquals(2, insert.rows(), "the batch's two rows");
    AuthorRepository authors = new AuthorRepository(db);
    authors.insert(new Author(0, "Ann", "ann@example.org", Instant.EPOCH, null));
    authors.insert(new Author(0, "Bob", "bob@example.org", Instant.EPOCH, null));
    assertEquals(2, named("AuthorRepository.insert (generated key)").rows(),
        "an insert that returns its key counts the row it inserted");
    assertEquals(1, named("note query").count());
    assertEquals(1, named("NoteSearches.findByBodyContaining").count());
    assertEquals(1, db.stats().slowest(1).size());
  }

  @Test
  void aStreamIsCountedWithTheRowsItsReaderTook() {
    notes.insertAll(List.of(new Note(1, "a"), new Note(2, "b"), new Note(3, "c")));
    try (Stream<Note> all = notes.streamAll()) {
      assertEquals(3, all.count());
    }
    // In descending order: in key order its statement would be findAll's, and named so.
    try (Stream<Note> first = notes.query().orderBy(Note_.ID.desc()).stream()) {
      assertEquals(3, first.findFirst().orElseThrow().id());
    }
    assertEquals(1, streamAll().count());
    assertEquals(3, streamAll().rows());
    StatementStats query = named("note query");
    assertEquals(1, query.count());
    assertEquals(1, query.rows(), "the one row the stream's reader took");

    db.transaction(() -> {
      try (Stream<Note> all = notes.streamAll()) {
        assertEquals(3, all.count());
      }
    });
    assertEquals(2, streamAll().count());
    assertEquals(6, streamAll().rows(), "a stream inside a transaction counts its rows too");
  }

  /** The figures of streamAll's statement, which is findAll's and named after it. */
  private StatementStats streamAll() {
    return named("NoteRepository.findAll");
  }
}
