package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.ConstraintViolationException;
import dev.kiln.ConstraintViolationException.Kind;
import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Author_;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear {@link KilnException} naming the entity and property, and loses
 * nothing; values are bound, never concatenated, so hostile strings are stored verbatim.
 */
@Tag("engines")
class ErrorsTest {

  @TempDir Path dir;
  Database db;
  AuthorRepository authors;
  BookRepository books;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    authors = new AuthorRepository(db);
    books = new BookRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aNullForANotNullPropertyIsRefusedBeforeAnySql() {
    long statements = db.stats().statementsExecuted();
    KilnException refused = assertThrows(KilnException.class,
        () -> authors.insert(new Author(0, null, "a@x.org", Instant.EPOCH, null)));
    assertTrue(refused.getMessage().startsWith("Author.name is null"), refused.getMessage());
    assertTrue(refused.getMessage().contains("@Nullable"), refused.getMessage());
    assertEquals(statements, db.stats().statementsExecuted());
    assertEquals(0, authors.count());
  }

  @Test
  void aUniqueViolationNamesEntityAndProperty() {
    authors.insert(RepositoryTest.author("Ann"));
    ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
        () -> authors.insert(RepositoryTest.author("Ann")));
    assertEquals(Kind.UNIQUE, e.kind());
    assertEquals("Author", e.entity());
    assertTrue(e.getMessage().contains("Author.email"), e.getMessage());
    assertEquals(1, authors.count());
  }

  @Test
  void aPrimaryKeyViolationIsReported() {
    authors.insert(new Author(5, "Ann", "ann@x.org", Instant.EPOCH, null));
    ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
        () -> authors.insert(new Author(5, "Bob", "bob@x.org", Instant.EPOCH, null)));
    assertEquals(Kind.PRIMARY_KEY, e.kind());
    assertTrue(e.getMessage().contains("Author.id"), e.getMessage());
  }

  @Test
  void aForeignKeyViolationIsReportedAndNothingIsStored() {
    ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
        () -> books.insert(new Book(0, 999, "Orphan", BigDecimal.ONE, null, 0)));
    assertEquals(Kind.FOREIGN_KEY, e.kind());
    assertTrue(e.getMessage().contains("Book"), e.getMessage());
    assertEquals(0, books.count());
  }

  @Test
  void foreignKeysCascadeAsDeclared() {
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    books.insert(new Book(0, ann.id(), "One", BigDecimal.ONE, null, 0));
    authors.delete(ann);
    assertEquals(0, books.count());
  }

  @Test
  @Tag("sqlite")
  void injectionStringsAreStoredVerbatim() {
    String[] hostile = {"Robert'); DROP TABLE author;--", "\" OR 1=1 --", "%_\\", "\u0000nul",
        "ünïcødé ☃ 𝄞"};
    for (int i = 0; i < hostile.length; i++) {
      Author stored = authors.insert(new Author(0, hostile[i], "h" + i + "@x.org", Instant.EPOCH,
          hostile[i]));
      Author read = authors.findById(stored.id()).orElseThrow();
      assertEquals(hostile[i], read.name());
      assertEquals(hostile[i], read.bio());
      assertEquals(1, authors.query().where(Author_.NAME.eq(hostile[i])).count());
      if (hostile[i].indexOf('\u0000') < 0) { // SQLite's LIKE stops reading a pattern at NUL
        assertEquals(1, authors.query().where(Author_.NAME.contains(hostile[i])).count());
      }
    }
    assertEquals(hostile.length, authors.count());
  }

  @Test
  @Tag("sqlite")
  void aStoredValueThatDoesNotParseNamesEntityAndProperty() throws Exception {
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    try (var jdbc = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
        var st = jdbc.prepareStatement("UPDATE author SET created_at = 'yesterday' WHERE id = ?")) {
      st.setLong(1, ann.id());
      st.executeUpdate();
    }
    KilnException e = assertThrows(KilnException.class, () -> authors.findById(ann.id()));
    assertTrue(e.getMessage().contains("Author.createdAt"), e.getMessage());
    assertTrue(e.getMessage().contains("'yesterday'"), e.getMessage());
    assertTrue(e.getMessage().contains("Instant"), e.getMessage());
  }

  @Test
  void queryValuesMayNotBeNull() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Author_.NAME.eq(null));
    assertTrue(e.getMessage().contains("isNull()"), e.getMessage());
  }
}
