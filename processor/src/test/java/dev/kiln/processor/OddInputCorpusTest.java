package dev.kiln.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd and broken entities and DAOs, as users write them by mistake or on purpose. Each either
 * compiles, or fails with a {@code KILN-} error on the line that needs the fix; none may reach
 * KILN-010 ("a bug in Kiln") or leak an exception.
 */
class OddInputCorpusTest {

  private static final JavaFileObject POST = source("Post",
      "@Table",
      "@Index(columns = \"title\")",
      "public record Post(@Id long id, String title) {}");

  /** One input: its sources, and the code and line of the error it must get (null: compiles). */
  record Case(String name, String code, String line, List<JavaFileObject> sources) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    // ---- SQL in annotations that SQLite refuses -------------------------------------------
    cases.add(entity("index condition that is not SQL", "KILN-024", "@Index(columns",
        "@Table", "@Index(columns = \"title\", where = \"title >\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(entity("index condition on a property name", "KILN-024", "@Index(columns",
        "@Table", "@Index(columns = \"createdAt\", where = \"createdAt > 0\")",
        "public record Post(@Id long id, long createdAt) {}"));
    cases.add(entity("index condition with a parameter", "KILN-024", "@Index(columns",
        "@Table", "@Index(columns = \"title\", where = \"title > ?\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(entity("index condition that ends the statement", "KILN-024", "@Index(columns",
        "@Table", "@Index(columns = \"title\", where = \"1; DROP TABLE post\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(entity("index condition that closes a parenthesis", "KILN-024", "@Index(columns",
        "@Table", "@Index(columns = \"title\", where = \"1) OR (1\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(entity("index condition that is not deterministic", "KILN-024", "@Index(columns",
        "@Table", "@Index(columns = \"title\", where = \"random() > 0\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(entity("default that is not a literal", "KILN-023", "String title",
        "@Table",
        "public record Post(@Id long id,",
        "    @Column(defaultValue = \"'unterminated\") String title) {}"));
    cases.add(entity("default that is a name", "KILN-023", "int n",
        "@Table",
        "public record Post(@Id long id,",
        "    @Column(defaultValue = \"abc\") int n) {}"));
    cases.add(entity("default that ends the statement", "KILN-023", "int n",
        "@Table",
        "public record Post(@Id long id,",
        "    @Column(defaultValue = \"1); DROP TABLE post; --\") int n) {}"));
    cases.add(entity("default of another type in a STRICT table", "KILN-023", "int n",
        "@Table",
        "public record Post(@Id long id,",
        "    @Column(defaultValue = \"'x'\") int n) {}"));
    cases.add(entity("default NULL for a NOT NULL column", "KILN-023", "String title",
        "@Table",
        "public record Post(@Id long id,",
        "    @Column(defaultValue = \"NULL\") String title) {}"));
    cases.add(entity("default that is an expression", null, null,
        "@Table",
        "public record Post(@Id long id,",
        "    @Column(defaultValue = \"(1 + 2)\") int n,",
        "    @Column(defaultValue = \"CURRENT_TIMESTAMP\") String at,",
        "    @Column(defaultValue = \"X'00ff'\") byte[] bytes,",
        "    @Column(defaultValue = \"-1.5\") double d) {}"));
    // ---- Names -----------------------------------------------------------------------------
    cases.add(entity("table named like SQLite's own", "KILN-026", "@Table",
        "@Table(name = \"sqlite_post\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(new Case("entity named like Kiln's history table", "KILN-026",
        "@Table", List.of(source("KilnSchemaHistory", "@Table",
            "public record KilnSchemaHistory(@Id long id, String title) {}"))));
    cases.add(entity("index named like SQLite's own", "KILN-026", "@Index(name",
        "@Table", "@Index(name = \"sqlite_autoindex_x\", columns = \"title\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(new Case("index named like a table", "KILN-025", "@Index(name", List.of(
        source("Tag", "@Table", "public record Tag(@Id long id, String name) {}"),
        source("Post", "@Table", "@Index(name = \"tag\", columns = \"title\")",
            "public record Post(@Id long id, String title) {}"))));
    cases.add(entity("properties whose constants collide", "KILN-029", "String foo_bar",
        "@Table",
        "public record Post(@Id long id, String fooBar,",
        "    @Column(name = \"other\") String foo_bar) {}"));
    cases.add(entity("reserved words as names", null, null,
        "@Table(name = \"order\")", "@Index(columns = \"group\")",
        "public record Post(@Id long id, String group, String select, long rowid) {}"));
    cases.add(entity("quotes in names", null, null,
        "@Table(name = \"po\\\"st\")",
        "public record Post(@Id long id, @Column(name = \"ti'tle\") String title) {}"));
    cases.add(entity("a 300-character table name", null, null,
        "@Table(name = \"" + "x".repeat(300) + "\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(entity("properties named like generated locals", null, null,
        "@Table",
        "public record Post(@Id long id, String e, String rs, String ps, String db, int i,",
        "    String sql, String entity, String conn, String statement, String values) {}"));
    cases.add(new Case("entity named like java.util types", null, null, List.of(
        source("Optional", "@Table", "public record Optional(@Id long id, String list) {}"),
        source("List", "@Table", "public record List(@Id long id, String stream) {}"))));
    cases.add(entity("blank names mean the defaults", null, null,
        "@Table(name = \"\")", "@Index(name = \" \", columns = \"title\")",
        "public record Post(@Id long id, @Column(name = \"\") String title) {}"));
    cases.add(entity("an index over an empty property name", "KILN-003", "@Index(columns",
        "@Table", "@Index(columns = \"\")",
        "public record Post(@Id long id, String title) {}"));
    cases.add(entity("an index over no properties", "KILN-019", "@Index(columns",
        "@Table", "@Index(columns = {})",
        "public record Post(@Id long id, String title) {}"));
    // ---- Keys and versions -----------------------------------------------------------------
    cases.add(new Case("entity that is only a generated key", null, null, List.of(
        source("Ticket", "@Table", "public record Ticket(@Id(autoGenerate = true) long id) {}"),
        POST)));
    cases.add(entity("entity that is only a key", null, null,
        "@Table", "public record Post(@Id long id) {}"));
    cases.add(entity("key that is also the version", "KILN-028", "long id",
        "@Table",
        "public record Post(",
        "    @Id @Version long id,",
        "    String title) {}"));
    cases.add(entity("no components", "KILN-001", "public record Post",
        "@Table", "public record Post() {}"));
    cases.add(entity("enum as entity", "KILN-011", "public enum Post",
        "@Table", "public enum Post { A }"));
    cases.add(entity("interface as entity", "KILN-011", "public interface Post",
        "@Table", "public interface Post {}"));
    cases.add(entity("generic entity", "KILN-018", "public record Post",
        "@Table", "public record Post<T>(@Id long id, String title) {}"));
    cases.add(new Case("inner class as entity", "KILN-009", "public class Post", List.of(
        source("Outer", "public class Outer {",
            "  @Table public class Post { @Id public long id; public Post() {} }", "}"))));
    cases.add(entity("150 properties", null, null,
        "@Table", "public record Post(@Id long id, " + manyProperties(150) + ") {}"));
    cases.add(new Case("foreign keys in a cycle", null, null, List.of(
        source("A", "@Table", "@Index(columns = \"bId\")",
            "public record A(@Id long id, @Column(nullable = true) @ForeignKey(B.class) Long bId) {}"),
        source("B", "@Table", "@Index(columns = \"aId\")",
            "public record B(@Id long id, @Column(nullable = true) @ForeignKey(A.class) Long aId) {}"))));
    cases.add(entity("foreign key to its own table", null, null,
        "@Table", "@Index(columns = \"parentId\")",
        "public record Post(@Id long id,",
        "    @Column(nullable = true) @ForeignKey(Post.class) Long parentId) {}"));
    cases.add(new Case("a relation that sets no mode", "KILN-065", "Post post", List.of(
        POST, source("Note", "@Table",
            "public record Note(@Id long id, @Relation Post post) {}"))));
    cases.add(new Case("a relation through a foreign key that does not exist", "KILN-061",
        "Post post", List.of(POST, source("Note", "@Table",
            "public record Note(@Id long id, @Relation(foreignKey = \"nope\") Post post) {}"))));
    // ---- @Dao --------------------------------------------------------------------------------
    cases.add(dao("empty @Sql", "KILN-051", "@Sql(\"\")",
        "  @Sql(\"\") java.util.List<Post> all();",
        "  java.util.Optional<Post> findByTitle(String title);"));
    cases.add(dao("@Sql of only a comment", "KILN-051", "-- nothing",
        "  @Sql(\"  -- nothing\") java.util.List<Post> all();"));
    cases.add(dao("@Sql of two statements", "KILN-052", "DELETE FROM post;",
        "  @Sql(\"DELETE FROM post; DELETE FROM post WHERE id = 1\") int wipe();"));
    cases.add(dao("@Sql with a semicolon in a literal", null, null,
        "  @Sql(\"SELECT * FROM post WHERE title = 'a;b' ;\") java.util.List<Post> odd();"));
    cases.add(dao("@Sql with a NUL in a literal", "KILN-040", "@Sql",
        "  @Sql(\"SELECT * FROM post WHERE title = 'a\\u0000b'\") java.util.List<Post> odd();"));
    cases.add(new Case("generic @Dao", "KILN-053", "public interface Posts", List.of(POST,
        source("Posts", "@Dao", "public interface Posts<T> {",
            "  java.util.List<Post> findByTitle(String title);", "}"))));
    cases.add(dao("@Dao with default and static methods", null, null,
        "  java.util.List<Post> findByTitle(String title);",
        "  default int two() { return 2; }",
        "  static int three() { return 3; }"));
    cases.add(dao("@Dao method with a type parameter", null, null,
        "  <T> java.util.List<Post> findByTitle(String title);"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachInputCompilesOrGetsAKilnErrorOnTheLineToFix(Case c) {
    Compilation compilation = compile(c.sources().toArray(new JavaFileObject[0]));

    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(Locale.ROOT);
      assertWithMessage("%s: %s", c.name(), message).that(message).doesNotContain("KILN-010");
      assertWithMessage("%s: %s", c.name(), message).that(message).doesNotContain("Exception");
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        assertWithMessage("%s: every error is Kiln's", c.name()).that(message)
            .startsWith("[KILN-");
      }
    }
    if (c.code() == null) {
      assertThat(compilation).succeeded();
    } else {
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContaining("[" + c.code() + "]")
          .inFile(c.sources().get(c.sources().size() - 1))
          .onLineContaining(c.line());
    }
  }

  private static Case entity(String name, String code, String line, String... lines) {
    return new Case(name, code, line, List.of(source("Post", lines)));
  }

  private static Case dao(String name, String code, String line, String... methods) {
    List<String> lines = new ArrayList<>(List.of("@Dao", "@AllowScan", "public interface Posts {"));
    lines.addAll(List.of(methods));
    lines.add("}");
    return new Case(name, code, line, List.of(POST, source("Posts", lines.toArray(String[]::new))));
  }

  private static String manyProperties(int n) {
    StringBuilder properties = new StringBuilder();
    for (int i = 0; i < n; i++) {
      properties.append(i == 0 ? "" : ", ").append("String p").append(i);
    }
    return properties.toString();
  }
}
