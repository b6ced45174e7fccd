package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.StatementStats;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Author_;
import dev.kiln.query.Order;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order by a unique NOT NULL column ({@code Author.email}) is already total: Kiln adds no
 * tie-break by key to it, nor to its keyset condition, and the pages are the same rows. An order
 * by a column that is not unique keeps the tie-break; an order by the key is not broken by the
 * key again.
 */
@Tag("engines")
class UniqueOrderTest {

  @TempDir Path dir;
  Database db;
  AuthorRepository authors;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    authors = new AuthorRepository(db);
    // names repeat (a tie-break matters there); emails do not
    authors.insertAll(IntStream.range(0, 250).mapToObj(i -> RepositoryTest.author("N" + i)
        .withName("Name " + (i % 7))).toList());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aKeysetWalkByAUniqueColumnHasNoTieBreakAndMissesNoRow() {
    List<String> walked = walk(Author_.EMAIL.desc(), 40).stream().map(Author::email).toList();
    assertEquals(authors.findAll().stream().map(Author::email)
        .sorted(Comparator.reverseOrder()).toList(), walked);
    List<String> pages = querySql().stream()
        .filter(sql -> sql.substring(sql.indexOf("ORDER BY")).contains("email")).toList();
    assertEquals(2, pages.size(), pages.toString()); // the first page, and those after one
    for (String sql : pages) {
      assertFalse(sql.substring(sql.indexOf("ORDER BY")).contains("\"id\""), sql);
      assertFalse(sql.contains("\"id\" >"), sql);
    }
  }

  @Test
  void anOrderByAColumnThatIsNotUniqueKeepsTheTieBreak() {
    List<Author> byName = authors.query().orderBy(Author_.NAME.asc()).list();
    assertEquals(250, byName.size());
    for (int i = 1; i < byName.size(); i++) {
      Author a = byName.get(i - 1);
      Author b = byName.get(i);
      assertTrue(a.name().compareTo(b.name()) < 0
          || a.name().equals(b.name()) && a.id() < b.id(), a + " before " + b);
    }
    assertTrue(querySql().stream().anyMatch(sql -> sql.endsWith("\"id\"")
        || sql.contains("\"id\" LIMIT") || sql.matches(".*ORDER BY .*\"id\".*")));
  }

  @Test
  void anOrderByTheKeyIsNotTieBrokenByTheKeyAgain() {
    List<Long> walked = walk(Author_.ID.desc(), 100).stream().map(Author::id).toList();
    assertEquals(authors.findAll().stream().map(Author::id).sorted(Comparator.reverseOrder())
        .toList(), walked);
    List<String> byKey = db.stats().statements().stream()
        .filter(s -> s.name().equals("author query")).map(StatementStats::sql)
        .filter(sql -> sql.contains("ORDER BY")).toList();
    assertEquals(2, byKey.size(), byKey.toString()); // the first page, and those after one
    for (String sql : byKey) {
      String order = sql.substring(sql.indexOf("ORDER BY"));
      assertEquals(order.indexOf("\"id\""), order.lastIndexOf("\"id\""), sql);
    }
  }

  /** Every author in {@code order}, read page by page, each page after the last row before. */
  private List<Author> walk(Order<Author> order, int pageSize) {
    List<Author> walked = new ArrayList<>();
    Author last = null;
    while (true) {
      var query = authors.query().orderBy(order).limit(pageSize);
      if (last != null) {
        query.after(last);
      }
      List<Author> page = query.list();
      if (page.isEmpty()) {
        return walked;
      }
      walked.addAll(page);
      last = page.get(page.size() - 1);
    }
  }

  /** The SQL of the typed queries run so far. */
  private List<String> querySql() {
    return db.stats().statements().stream().map(StatementStats::sql)
        .filter(sql -> sql.startsWith("SELECT") && sql.contains("ORDER BY")).toList();
  }
}
