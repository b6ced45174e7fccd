package dev.kiln.migrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Indexes read back from SQLite as the model wrote them — a decimal indexed by its number
 * ({@code CAST(column AS REAL)}), with its order, beside plain and case-folding columns — and an
 * index on another expression left out of the model, as a hand-written one must be.
 */
class SchemaReaderIndexTest {

  private static final Table BOOK = new Table("book", List.of(
      new Column("id", SqlType.INTEGER, true, null),
      new Column("title", SqlType.TEXT, true, null),
      new Column("price", SqlType.TEXT, true, null, LogicalType.DECIMAL)),
      List.of("id"), true, List.of(
          new Index("ix_book_price", "book", List.of("price"), false, null,
              List.of(Index.REAL)),
          new Index("ix_book_title_price", "book", List.of("title", "price"), false, null,
              List.of(Index.NOCASE, Index.REAL + " DESC"))),
      List.of());

  @Test
  void aDecimalIndexedByItsNumberReadsBackAsWritten() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = c.createStatement()) {
      for (String ddl : SqliteDdl.createSchema(new Schema(List.of(BOOK)))) {
        st.execute(ddl);
      }
      st.execute("CREATE INDEX hand_written ON book (lower(title))");
      Table read = SchemaReader.read(c).table("book").orElseThrow();
      assertEquals(BOOK.indexes(), read.indexes());
    }
  }

  @Test
  void theDdlIndexesTheNumber() {
    assertEquals("CREATE INDEX \"ix_book_title_price\" ON \"book\" (\"title\" COLLATE NOCASE,"
        + " CAST(\"price\" AS REAL) DESC)", SqliteDdl.createIndex(BOOK.indexes().get(1)));
  }
}
