package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the errors about an entity type as a whole: what it must be (a concrete, accessible
 * record or class with a key), and that its table name and the names of the types generated for
 * it are its own. Each error is reported once, on the type's declaration, with its code and how
 * to fix it.
 */
class EntityValidationTest {

  @Test
  void entityWithoutId() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(long id, String name) {}");

    Compilation compilation = compile(author);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-001] Author has no @Id: mark its primary-key property with @Id")
        .inFile(author)
        .onLineContaining("public record Author");
  }

  @Test
  void twoEntitiesWithTheSameTable() {
    JavaFileObject author = source("Author",
        "@Table(name = \"person\")",
        "public record Author(@Id long id) {}");
    JavaFileObject reader = source("Reader",
        "@Table(name = \"Person\")",
        "public record Reader(@Id long id) {}");

    Compilation compilation = compile(author, reader);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-005] table 'Person' is already the table of test.Author: give"
            + " one of them another @Table(name = ...)")
        .inFile(reader)
        .onLineContaining("public record Reader");
  }

  @Test
  void defaultTableNameClashesWithAGivenOne() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject writer = source("Writer",
        "@Table(name = \"author\")",
        "public record Writer(@Id long id) {}");

    assertThat(compile(author, writer))
        .hadErrorContaining("[KILN-005] table 'author'")
        .inFile(writer)
        .onLineContaining("public record Writer");
  }

  @Test
  void innerClassEntity() {
    JavaFileObject library = source("Library",
        "public class Library {",
        "  @Table",
        "  public class Shelf {",
        "    @Id long id;",
        "  }",
        "}");

    Compilation compilation = compile(library);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-009] Shelf cannot be an entity because it is an inner"
            + " (non-static) class; declare it static")
        .inFile(library)
        .onLineContaining("public class Shelf");
  }

  @Test
  void privateNestedEntity() {
    JavaFileObject library = source("Library",
        "public class Library {",
        "  @Table",
        "  private record Shelf(@Id long id) {}",
        "}");

    Compilation compilation = compile(library);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-009] Shelf cannot be an entity because it is private:"
            + " entities must be top-level or static nested types that are not private")
        .inFile(library)
        .onLineContaining("private record Shelf");
  }

  @Test
  void entityNestedInAPrivateType() {
    JavaFileObject library = source("Library",
        "public class Library {",
        "  private static class Wing {",
        "    @Table",
        "    static class Shelf {",
        "      @Id long id;",
        "    }",
        "  }",
        "}");

    assertThat(compile(library))
        .hadErrorContaining("[KILN-009] Shelf cannot be an entity because it is inside the"
            + " private type Wing")
        .inFile(library)
        .onLineContaining("static class Shelf");
  }

  @Test
  void staticNestedEntityIsFine() {
    JavaFileObject library = source("Library",
        "public class Library {",
        "  @Table",
        "  public record Shelf(@Id long id) {}",
        "}");

    Compilation compilation = compile(library);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ShelfRepository");
  }

  @Test
  void tableOnAnInterface() {
    JavaFileObject shape = source("Shape",
        "@Table",
        "public interface Shape {}");

    Compilation compilation = compile(shape);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-011] @Table goes on a record or a class; Shape is an interface")
        .inFile(shape)
        .onLineContaining("public interface Shape");
  }

  @Test
  void tableOnAnEnum() {
    JavaFileObject color = source("Color",
        "@Table",
        "public enum Color { RED, GREEN }");

    Compilation compilation = compile(color);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-011] @Table goes on a record or a class; Color is an enum")
        .inFile(color)
        .onLineContaining("public enum Color");
  }

  @Test
  void tableOnAnAbstractClass() {
    JavaFileObject shape = source("Shape",
        "@Table",
        "public abstract class Shape {",
        "  @Id long id;",
        "}");

    assertThat(compile(shape))
        .hadErrorContaining("[KILN-011] @Table goes on a record or a class; Shape is abstract")
        .inFile(shape)
        .onLineContaining("public abstract class Shape");
  }

  @Test
  void typeNamedLikeTheRepositoryAlreadyExists() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject handWritten = source("AuthorRepository",
        "public class AuthorRepository {}");

    Compilation compilation = compile(author, handWritten);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-022] Kiln cannot generate test.AuthorRepository for Author:"
            + " the compilation already has a type of that name")
        .inFile(author)
        .onLineContaining("public record Author");
    assertThat(compilation).hadErrorContaining("rename that type or the entity");
  }

  @Test
  void nestedEntitiesWithTheSameSimpleName() {
    JavaFileObject library = source("Library",
        "public class Library {",
        "  @Table(name = \"library_shelf\")",
        "  public record Shelf(@Id long id) {}",
        "}");
    JavaFileObject store = source("Store",
        "public class Store {",
        "  @Table(name = \"store_shelf\")",
        "  public record Shelf(@Id long id) {}",
        "}");

    Compilation compilation = compile(library, store);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[KILN-022] Kiln cannot generate test.Shelf_ for Shelf")
        .inFile(store)
        .onLineContaining("public record Shelf");
  }

  @Test
  void genericEntity() {
    JavaFileObject box = source("Box",
        "@Table",
        "public record Box<T>(@Id long id, T content) {}");

    Compilation compilation = compile(box);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-018] Box has type parameters; an entity must be a concrete"
            + " type: remove the type parameters")
        .inFile(box)
        .onLineContaining("public record Box");
  }
}
