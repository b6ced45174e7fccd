package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.ShopEntities.compileWithShop;
import static dev.kiln.processor.ShopEntities.queries;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the compile errors of {@code @Sql} methods: SQL that SQLite will not prepare against
 * the entities' schema (in SQLite's own words), {@code :name} placeholders and parameters that
 * do not match, result columns that do not fit the row type, and parameters Kiln cannot bind.
 * Each is reported once, on the method, with its code and how to fix it.
 */
class SqlQueryValidationTest {

  @Test
  void syntaxError() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELEC * FROM author\")",
        "  List<Author> everyone();",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-040] @Sql of everyone does not compile against the schema:"
            + " near \"SELEC\": syntax error (SQLite); correct the statement")
        .inFile(queries)
        .onLineContaining("List<Author> everyone();");
  }

  @Test
  void unknownTable() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM authors\")",
        "  List<Author> everyone();",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-040] @Sql of everyone does not compile against the schema:"
            + " no such table: authors (SQLite); did you mean author?")
        .inFile(queries)
        .onLineContaining("List<Author> everyone();");
  }

  @Test
  void unknownColumn() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE nmae = :name\")",
        "  List<Author> named(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-040] @Sql of named does not compile against the schema:"
            + " no such column: nmae (SQLite); did you mean name?")
        .inFile(queries)
        .onLineContaining("List<Author> named(String name);");
  }

  @Test
  void propertyNameInsteadOfColumnName() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT b.* FROM book b WHERE b.authorId = :authorId\")",
        "  List<Book> booksOf(long authorId);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("no such column: b.authorId (SQLite); did you mean author_id?")
        .inFile(queries)
        .onLineContaining("List<Book> booksOf(long authorId);");
  }

  @Test
  void unknownColumnWithNothingClose() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE shoe_size = 42\")",
        "  List<Author> bigFeet();",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("no such column: shoe_size (SQLite); correct the statement: it runs"
            + " on the tables the entities create, so it names tables and columns (author_id),"
            + " not entities and properties (authorId)")
        .inFile(queries)
        .onLineContaining("List<Author> bigFeet();");
  }

  @Test
  void placeholderWithoutParameter() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE name = :nme\")",
        "  List<Author> named(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-042] @Sql of named: :nme has no parameter of that name; did"
            + " you mean :name? (placeholders bind to the method's parameters by name)")
        .inFile(queries)
        .onLineContaining("List<Author> named(String name);");
  }

  @Test
  void parameterNotUsed() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE name = :name\")",
        "  List<Author> named(String name, int rank);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-042] @Sql of named: parameter 'rank' is not used: refer to it"
            + " as :rank in the SQL, or remove it")
        .inFile(queries)
        .onLineContaining("List<Author> named(String name, int rank);");
  }

  @Test
  void placeholderInsideAStringLiteralIsNotAParameter() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE bio = ':name'\")",
        "  List<Author> literal(String name);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-042] @Sql of literal: parameter 'name' is not used")
        .inFile(queries)
        .onLineContaining("List<Author> literal(String name);");
  }

  @Test
  void entityWithoutAllItsColumns() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT id, name FROM author\")",
        "  List<Author> partly();",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-046] partly: the query's columns (id, name) do not fit"
            + " test.Author: it has no column 'email' for Author.email; select every column of"
            + " author (for example author.*)")
        .inFile(queries)
        .onLineContaining("List<Author> partly();");
  }

  @Test
  void recordComponentWithoutAColumn() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT title FROM book\")",
        "  List<Listing> listings();",
        "",
        "  record Listing(String title, java.math.BigDecimal listPrice) {}",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-046] listings: the query's columns (title) do not fit"
            + " test.Queries.Listing: no column for 'listPrice'; select one named 'list_price'"
            + " or 'listPrice' (alias it with AS)")
        .inFile(queries)
        .onLineContaining("List<Listing> listings();");
  }

  @Test
  void recordComponentWhoseColumnHasTheSameName() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT name FROM author\")",
        "  List<Card> cards();",
        "",
        "  record Card(String name, String email) {}",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("no column for 'email'; select one named 'email' (alias it with AS)")
        .inFile(queries)
        .onLineContaining("List<Card> cards();");
  }

  @Test
  void scalarWithTwoColumns() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT id, name FROM author\")",
        "  List<String> names();",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-046] names: the query's columns (id, name) do not fit"
            + " java.lang.String: a java.lang.String is one value, so select exactly one column"
            + " (or return a record with a component per column)")
        .inFile(queries)
        .onLineContaining("List<String> names();");
  }

  @Test
  void parameterKilnCannotBind() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE name = :name\")",
        "  List<Author> named(",
        "      Object name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-049] Queries.named: parameter 'name' has type"
            + " java.lang.Object, which Kiln cannot bind; use a built-in type (String, a number,"
            + " a date-time, UUID, an enum, byte[]) or a Collection of one")
        .inFile(queries)
        .onLineContaining("Object name);");
  }

  @Test
  void everyBrokenMethodIsReported() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM authr\")",
        "  List<Author> first();",
        "",
        "  @Sql(\"SELECT * FROM book WHERE titel = 'x'\")",
        "  List<Book> second();",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("no such table: authr")
        .inFile(queries).onLineContaining("first();");
    assertThat(compilation).hadErrorContaining("no such column: titel")
        .inFile(queries).onLineContaining("second();");
  }

  @Test
  void aDecimalSummedInDoublesIsWarnedOfAndTheExactSumIsNot() {
    JavaFileObject queries = queries(
        "@Dao",
        "@AllowScan",
        "public interface Queries {",
        "  @Sql(\"SELECT sum(b.price) FROM book b\")",
        "  double doubles();",
        "  @Sql(\"SELECT kiln_decimal_sum(price) FROM book\")",
        "  java.math.BigDecimal exact();",
        "  @Sql(\"SELECT avg(CAST(price AS REAL)) FROM book\")",
        "  double meant();",
        "  @Sql(\"SELECT sum(author_id) FROM book\")",
        "  long integers();",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-054] @Sql of doubles computes sum(price) in doubles")
        .inFile(queries).onLineContaining("double doubles();");
  }
}
