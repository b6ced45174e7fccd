package dev.kiln.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.ShopEntities.compileWithShop;
import static dev.kiln.processor.ShopEntities.queries;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the errors about a {@code @Dao} as a whole: it must be an interface, and the entity
 * its {@code count}, {@code exists} and {@code delete} methods work on must be known, from the
 * method name, from {@code @Dao(Entity.class)} or from the one entity its methods return. Each
 * error says how to fix it, and each fix compiles.
 */
class DaoValidationTest {

  @Test
  void daoOnAClass() {
    JavaFileObject queries = queries(
        "@Dao",
        "public abstract class Queries {",
        "  public abstract List<Author> findByName(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-047] @Dao goes on an interface; Queries is a class")
        .inFile(queries)
        .onLineContaining("public abstract class Queries");
  }

  @Test
  void daoOnARecord() {
    JavaFileObject queries = queries(
        "@Dao",
        "public record Queries(String name) {}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-047] @Dao goes on an interface; Queries is a record")
        .inFile(queries)
        .onLineContaining("public record Queries");
  }

  @Test
  void countWhoseEntityCannotBeTold() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  long countByName(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-048] countByName: Kiln cannot tell which entity it works on:"
            + " name it in the method (count<Entity>ByName), or on the interface with"
            + " @Dao(YourEntity.class)")
        .inFile(queries)
        .onLineContaining("long countByName");
  }

  @Test
  void existsAndDeleteWhoseEntityCannotBeTold() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  boolean existsByEmail(String email);",
        "  int deleteByName(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[KILN-048] existsByEmail: Kiln cannot tell which entity it works on:"
            + " name it in the method (exists<Entity>ByEmail)")
        .inFile(queries)
        .onLineContaining("existsByEmail");
    assertThat(compilation)
        .hadErrorContaining("[KILN-048] deleteByName: Kiln cannot tell which entity it works on:"
            + " name it in the method (delete<Entity>ByName)")
        .inFile(queries)
        .onLineContaining("deleteByName");
  }

  @Test
  void entityNamedOnTheInterface() {
    JavaFileObject queries = queries(
        "@Dao(Author.class)",
        "public interface Queries {",
        "  long countByName(String name);",
        "  boolean existsByEmail(String email);",
        "  int deleteByName(String name);",
        "}");

    assertThat(compileWithShop(queries)).succeededWithoutWarnings();
  }

  @Test
  void entityNamedInTheMethod() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  long countAuthorsByName(String name);",
        "  boolean existsAuthorByEmail(String email);",
        "  long countBooksByAuthorId(long authorId);",
        "  void deleteBooksByAuthorId(long authorId);",
        "}");

    assertThat(compileWithShop(queries)).succeededWithoutWarnings();
  }

  @Test
  void entityThatTheFindersReturn() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  Optional<Author> findByEmail(String email);",
        "  long countByName(String name);",
        "}");

    assertThat(compileWithShop(queries)).succeededWithoutWarnings();
  }

  @Test
  void countTakesTheOneReturnedEntityWhosePropertiesItNames() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  Optional<Author> findByEmail(String email);",
        "  List<Book> findByAuthorId(long authorId);",
        "  long countByTitle(String title);",
        "  boolean existsByEmail(String email);",
        "  int deleteByTitleAndPrice(String title, java.math.BigDecimal price);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).succeeded();
    assertThat(TestCompiler.generatedSource(compilation, "test.Queries_Impl"))
        .contains("SELECT count(*) FROM \\\"book\\\" WHERE");
  }

  @Test
  void countWhosePropertiesFitTwoReturnedEntitiesIsUndecided() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  Optional<Author> findByEmail(String email);",
        "  List<Book> findByAuthorId(long authorId);",
        "  long countById(long id);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-048] countById")
        .inFile(queries)
        .onLineContaining("countById");
  }

  @Test
  void daoNamingATypeThatIsNotAnEntity() {
    JavaFileObject queries = queries(
        "@Dao(String.class)",
        "public interface Queries {",
        "  long countByName(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-050] @Dao(java.lang.String.class) names a type that is not a"
            + " @Table entity of this compilation: name the entity the count, exists and delete"
            + " methods of Queries work on, or leave the value out")
        .inFile(queries)
        .onLineContaining("@Dao(String.class)");
  }
}
