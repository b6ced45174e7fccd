package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.Book;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code @Sql} methods over {@link Author} and {@link Book}, one per result form: entities (from
 * {@code SELECT *} and from columns in another order), record and class projections matched by
 * name, scalars, each alone or in {@code Optional}, {@code List} or {@code Stream}; and writes
 * returning the rows changed. Plus the few derived deletes the cache tests need.
 */
@Dao(Book.class)
public interface LibraryQueries {

  // ---- entities -------------------------------------------------------------------------------

  @Sql("SELECT * FROM book WHERE author_id = :authorId ORDER BY id")
  List<Book> booksOf(long authorId);

  /** The columns in another order than the entity's, and one qualified. */
  @Sql("SELECT version, published, price, title, b.author_id, id FROM book b WHERE id = :id")
  Book book(long id);

  @Sql("SELECT * FROM book WHERE id = :id")
  Optional<Book> findBook(long id);

  @Sql("SELECT a.* FROM author a WHERE a.id IN (SELECT author_id FROM book) ORDER BY a.name")
  Stream<Author> authorsWithBooks();

  @Sql("SELECT * FROM author WHERE name = :term OR email = :term")
  Optional<Author> authorByNameOrEmail(String term);

  @Sql("SELECT * FROM book WHERE author_id IN (:authors) ORDER BY id")
  List<Book> booksOfAny(Collection<Long> authors);

  // ---- projections ----------------------------------------------------------------------------

  /** Components matched to snake_case columns (book_id), camelCase aliases and plain names. */
  @Sql("SELECT a.name AS authorName, b.price, b.id AS book_id, b.title AS book_title, b.published"
      + " FROM book b JOIN author a ON a.id = b.author_id WHERE b.author_id = :authorId"
      + " ORDER BY b.id")
  List<BookLine> bookLines(long authorId);

  @Sql("SELECT b.id AS book_id, b.title AS book_title, a.name AS author_name, b.price,"
      + " b.published FROM book b JOIN author a ON a.id = b.author_id WHERE b.id = :id")
  Optional<BookLine> bookLine(long id);

  @Sql("SELECT b.id AS book_id, b.title AS book_title, a.name AS author_name, b.price,"
      + " b.published FROM book b JOIN author a ON a.id = b.author_id WHERE b.id = :id")
  BookLine bookLineOrNull(long id);

  @Sql("SELECT b.id AS book_id, b.title AS book_title, a.name AS author_name, b.price,"
      + " b.published FROM book b JOIN author a ON a.id = b.author_id"
      + " WHERE b.author_id IN (:authors) ORDER BY b.id")
  Stream<BookLine> streamBookLines(List<Long> authors);

  @AllowScan("every author, to report on")
  @Sql("SELECT a.name, count(b.id) AS book_count, max(b.published) AS last_published"
      + " FROM author a LEFT JOIN book b ON b.author_id = a.id GROUP BY a.id ORDER BY a.name")
  List<AuthorSummary> authorSummaries();

  // ---- scalars --------------------------------------------------------------------------------

  @Sql("SELECT count(*) FROM book WHERE author_id = :authorId")
  long bookCount(long authorId);

  @Sql("SELECT name FROM author WHERE id = :id")
  String authorName(long id);

  @Sql("SELECT bio FROM author WHERE id = :id")
  @Nullable String authorBio(long id);

  @Sql("SELECT price FROM book WHERE id = :id")
  BigDecimal price(long id);

  @Sql("SELECT published FROM book WHERE id = :id")
  Optional<Long> published(long id);

  @Sql("SELECT title FROM book WHERE author_id = :authorId ORDER BY id")
  List<String> titles(long authorId);

  @Sql("SELECT price FROM book WHERE author_id = :authorId ORDER BY id")
  Stream<BigDecimal> prices(long authorId);

  @Sql("SELECT id FROM book WHERE author_id IN (:authors) AND id NOT IN (:except) ORDER BY id")
  List<Long> bookIds(List<Long> authors, Collection<Long> except);

  /** A primitive cannot hold NULL: {@code max} over no rows is refused, not read as 0. */
  @Sql("SELECT max(published) FROM book WHERE author_id = :authorId")
  int lastPublished(long authorId);

  /** The same for a projection's primitive component, NULL through a {@code LEFT JOIN}. */
  @Sql("SELECT a.name, max(b.published) AS last_published FROM author a"
      + " LEFT JOIN book b ON b.author_id = a.id GROUP BY a.id ORDER BY a.name")
  List<LastYear> lastYears();

  /** {@code IS :bio} with a null argument is {@code IS NULL}. */
  @AllowScan("bio has no index; the tests have a handful of authors")
  @Sql(value = "SELECT count(*) FROM author WHERE bio IS :bio",
      postgresql = "SELECT count(*) FROM author WHERE bio IS NOT DISTINCT FROM :bio")
  int authorsWithBio(@Nullable String bio);

  /**
   * The isolation level and read-only setting of the transaction this runs in, such as
   * {@code "repeatable read on"}: PostgreSQL's own settings; SQLite has neither.
   */
  @Sql(value = "SELECT 'serializable off'",
      postgresql = "SELECT current_setting('transaction_isolation') || ' '"
          + " || current_setting('transaction_read_only')")
  String transactionMode();

  /** A {@code :word} inside a string literal is text, not a parameter. */
  @Sql("SELECT ':id is ' || :id")
  String echo(long id);

  // ---- writes ---------------------------------------------------------------------------------

  @Sql("INSERT INTO book (author_id, title, price, published, version)"
      + " VALUES (:authorId, :title, :price, :published, 0)")
  int addBook(long authorId, String title, BigDecimal price, @Nullable Integer published);

  @Sql("UPDATE book SET price = :price, version = version + 1 WHERE author_id = :authorId")
  long reprice(long authorId, BigDecimal price);

  @Sql("UPDATE book SET published = :year WHERE id IN (:ids)")
  int setPublished(@Nullable Integer year, Collection<Long> ids);

  @Sql("UPDATE author SET name = :name WHERE id = :id")
  void renameAuthor(long id, String name);

  @Sql("DELETE FROM author WHERE id = :id")
  int deleteAuthor(long id);

  @Sql("DELETE FROM book WHERE author_id = :authorId")
  void deleteBooksOf(long authorId);

  @Sql("DELETE FROM book")
  int deleteAllBooks();

  @Sql("UPDATE book SET title = :title WHERE id = :id RETURNING *")
  Optional<Book> retitle(long id, String title);

  // ---- derived --------------------------------------------------------------------------------

  int deleteByAuthorId(long authorId);

  long deleteAuthorsByEmail(String email);

  /** A row of {@link #bookLines}: components in another order than the columns. */
  record BookLine(long bookId, String bookTitle, String authorName, BigDecimal price,
      @Nullable Integer published) {}

  /** A row of {@link #lastYears}, whose year is primitive. */
  record LastYear(String name, int lastPublished) {}

  /** A class projection, built through its public constructor. */
  final class AuthorSummary {
    private final String name;
    private final long bookCount;
    private final @Nullable Integer lastPublished;

    public AuthorSummary(String name, long bookCount, @Nullable Integer lastPublished) {
      this.name = name;
      this.bookCount = bookCount;
      this.lastPublished = lastPublished;
    }

    public String name() {
      return name;
    }

    public long bookCount() {
      return bookCount;
    }

    public @Nullable Integer lastPublished() {
      return lastPublished;
    }
  }
}
