package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.ShopEntities.compileWithShop;
import static dev.kiln.processor.ShopEntities.queries;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies KILN-045, a {@code @Dao} method whose return type does not fit what it does: a find
 * returns entities, a count a number, an exists a boolean, a delete or an SQL update the rows it
 * changed, and {@code Top<N>} several rows. Reported on the method, under the name it is
 * declared with, with the types that would fit.
 */
class DaoReturnTypeTest {

  @Test
  void findReturningAString() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  String findByEmail(String email);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-045] findByEmail cannot return java.lang.String: a find"
            + " method returns an entity, Optional, List or Stream of one")
        .inFile(queries)
        .onLineContaining("findByEmail");
  }

  @Test
  void topThreeReturningOptional() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  Optional<Author> findTop3ByNameOrderByRankDesc(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-045] findTop3ByNameOrderByRankDesc cannot return"
            + " java.util.Optional<test.Author>: Top3 finds several rows: return a List or a"
            + " Stream")
        .inFile(queries)
        .onLineContaining("findTop3ByNameOrderByRankDesc");
  }

  @Test
  void countReturningAString() {
    JavaFileObject queries = queries(
        "@Dao(Author.class)",
        "public interface Queries {",
        "  String countByName(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-045] countByName cannot return java.lang.String: a count"
            + " returns long or int")
        .inFile(queries)
        .onLineContaining("countByName");
  }

  @Test
  void existsReturningAnInt() {
    JavaFileObject queries = queries(
        "@Dao(Author.class)",
        "public interface Queries {",
        "  int existsByEmail(String email);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-045] existsByEmail cannot return int: an exists query returns"
            + " boolean")
        .inFile(queries)
        .onLineContaining("existsByEmail");
  }

  @Test
  void deleteReturningTheEntities() {
    JavaFileObject queries = queries(
        "@Dao(Author.class)",
        "public interface Queries {",
        "  List<Author> deleteByName(String name);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-045] deleteByName cannot return java.util.List<test.Author>: a"
            + " delete returns the number of rows deleted (int or long), or void")
        .inFile(queries)
        .onLineContaining("deleteByName");
  }

  @Test
  void updateReturningAList() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"UPDATE author SET rank = :rank WHERE name = :name\")",
        "  List<Author> rerank(String name, int rank);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-045] rerank cannot return java.util.List<test.Author>: the"
            + " statement returns no rows; return int or long (the rows changed) or void")
        .inFile(queries)
        .onLineContaining("List<Author> rerank(String name, int rank);");
  }

  @Test
  void selectReturningVoid() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE name = :name\")",
        "  void touch(String name);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-045] touch cannot return void: the query returns rows: return"
            + " an entity, a record projection or a scalar, alone or in Optional, List or Stream")
        .inFile(queries)
        .onLineContaining("void touch(String name);");
  }

  @Test
  void errorsNameTheMethodAsWrittenWhenItNamesItsEntity() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  String countAuthorsByName(String name);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-045] countAuthorsByName cannot return java.lang.String")
        .inFile(queries)
        .onLineContaining("countAuthorsByName");
  }

  @Test
  void aByteArrayScalarIsReadAsIs() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT randomblob(4)\")",
        "  byte[] blob();",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.Queries_Impl")
        .contentsAsUtf8String().contains("rs -> JdbcValues.getBytes(rs, 1)");
  }
}
