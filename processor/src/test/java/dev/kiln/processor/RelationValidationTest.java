package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the errors about {@code @Relation} properties: the target and junction are entities
 * (KILN-060); {@code foreignKey} and {@code mappedBy} name a {@code @ForeignKey} to the right
 * entity (KILN-061); a junction has a foreign key to each side (KILN-062); a to-many property is
 * a {@code List} (KILN-063); a to-one agrees with its foreign key about null (KILN-064); exactly
 * one of {@code foreignKey}, {@code mappedBy} and {@code through} is set (KILN-065). Each is
 * reported once, on the relation, with how to fix it.
 */
class RelationValidationTest {

  private static final JavaFileObject BOOK = source("Book",
      "@Table",
      "@Index(columns = \"authorId\")",
      "public record Book(@Id long id, @ForeignKey(Author.class) long authorId, String title) {}");

  private static final JavaFileObject TAG = source("Tag",
      "@Table",
      "public record Tag(@Id long id, String label) {}");

  @Test
  void targetIsNotAnEntity() {
    JavaFileObject author = source("Author",
        "import java.util.List;",
        "",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"authorId\") List<Draft> drafts) {}");
    JavaFileObject draft = source("Draft",
        "public record Draft(long id, long authorId) {}");

    Compilation compilation = compile(author, draft);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-060] @Relation 'drafts' points to Draft, which is not a @Table"
            + " entity: annotate Draft with @Table, or mark the property @Transient")
        .inFile(author)
        .onLineContaining("List<Draft> drafts");
  }

  @Test
  void junctionIsNotAnEntity() {
    JavaFileObject post = source("Post",
        "import java.util.List;",
        "",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @Relation(through = PostTag.class) List<Tag> tags) {}");
    JavaFileObject postTag = source("PostTag",
        "public record PostTag(long postId, long tagId) {}");

    Compilation compilation = compile(post, TAG, postTag);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-060] @Relation 'tags' points to PostTag, which is not a @Table"
            + " entity: annotate PostTag with @Table")
        .inFile(post)
        .onLineContaining("List<Tag> tags");
  }

  @Test
  void mappedByNamesNoProperty() {
    JavaFileObject author = source("Author",
        "import java.util.List;",
        "",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"autorId\")",
        "    List<Book> books) {}");

    Compilation compilation = compile(author, BOOK);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-061] @Relation 'books': 'autorId' is not a persisted property"
            + " of Book; did you mean 'authorId'?")
        .inFile(author)
        .onLineContaining("@Relation(mappedBy = \"autorId\")");
  }

  @Test
  void mappedByNamesAPropertyThatIsNotAForeignKey() {
    JavaFileObject author = source("Author",
        "import java.util.List;",
        "",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"authorId\") List<Book> books) {}");
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(@Id long id, long authorId) {}");

    Compilation compilation = compile(author, book);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-061] @Relation 'books': Book.authorId is not a foreign key to"
            + " Author: annotate it with @ForeignKey(Author.class) in Book")
        .inFile(author)
        .onLineContaining("List<Book> books");
  }

  @Test
  void mappedByNamesAForeignKeyToAnotherEntity() {
    JavaFileObject author = source("Author",
        "import java.util.List;",
        "",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"publisherId\") List<Book> books) {}");
    JavaFileObject publisher = source("Publisher",
        "@Table",
        "public record Publisher(@Id long id) {}");
    JavaFileObject book = source("Book",
        "@Table",
        "@Index(columns = \"publisherId\")",
        "public record Book(@Id long id, @ForeignKey(Publisher.class) long publisherId) {}");

    assertThat(compile(author, publisher, book))
        .hadErrorContaining("[KILN-061] @Relation 'books': Book.publisherId is not a foreign key"
            + " to Author: annotate it with @ForeignKey(Author.class) in Book")
        .inFile(author)
        .onLineContaining("List<Book> books");
  }

  @Test
  void foreignKeyNamesNoProperty() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) long authorId,",
        "    @Relation(foreignKey = \"writerId\") Author author) {}");

    Compilation compilation = compile(author, book);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-061] @Relation 'author': 'writerId' is not a persisted"
            + " property of Book")
        .inFile(book)
        .onLineContaining("Author author");
  }

  @Test
  void foreignKeyNamesAForeignKeyToAnotherEntity() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Book.class) long sequelId,",
        "    @Relation(foreignKey = \"sequelId\") Author author) {}");

    assertThat(compile(author, book))
        .hadErrorContaining("[KILN-061] @Relation 'author': Book.sequelId is not a foreign key to"
            + " Author: annotate it with @ForeignKey(Author.class)")
        .inFile(book)
        .onLineContaining("Author author");
  }

  @Test
  void foreignKeyOnAList() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "import java.util.List;",
        "",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) long authorId,",
        "    @Relation(foreignKey = \"authorId\") List<Author> authors) {}");

    assertThat(compile(author, book))
        .hadErrorContaining("[KILN-061] @Relation 'authors': foreignKey names this entity's own"
            + " foreign key, which leads to one row: declare the property as test.Author, or use"
            + " mappedBy for a list of the rows that reference this one")
        .inFile(book)
        .onLineContaining("List<Author> authors");
  }

  @Test
  void junctionWithoutAForeignKeyToTheTarget() {
    JavaFileObject post = source("Post",
        "import java.util.List;",
        "",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @Relation(through = PostTag.class) List<Tag> tags) {}");
    JavaFileObject postTag = source("PostTag",
        "@Table",
        "public record PostTag(@Id @ForeignKey(Post.class) long postId, @Id long tagId) {}");

    Compilation compilation = compile(post, TAG, postTag);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-062] @Relation(through = PostTag.class) 'tags': PostTag has no"
            + " @ForeignKey(Tag.class) property; add one holding the key of Tag")
        .inFile(post)
        .onLineContaining("List<Tag> tags");
  }

  @Test
  void junctionWithoutAForeignKeyToTheOwner() {
    JavaFileObject post = source("Post",
        "import java.util.List;",
        "",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @Relation(through = PostTag.class) List<Tag> tags) {}");
    JavaFileObject postTag = source("PostTag",
        "@Table",
        "public record PostTag(@Id long postId, @Id @ForeignKey(Tag.class) long tagId) {}");

    assertThat(compile(post, TAG, postTag))
        .hadErrorContaining("[KILN-062] @Relation(through = PostTag.class) 'tags': PostTag has no"
            + " @ForeignKey(Post.class) property; add one holding the key of Post")
        .inFile(post)
        .onLineContaining("List<Tag> tags");
  }

  @Test
  void toManyDeclaredAsASet() {
    JavaFileObject author = source("Author",
        "import java.util.Set;",
        "",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"authorId\") Set<Book> books) {}");

    Compilation compilation = compile(author, BOOK);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-063] @Relation 'books' is to-many and must be declared as"
            + " java.util.List<test.Book>, not java.util.Set<test.Book>")
        .inFile(author)
        .onLineContaining("Set<Book> books");
  }

  @Test
  void toManyDeclaredAsAnArray() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"authorId\") Book[] books) {}");

    Compilation compilation = compile(author, BOOK);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-063] @Relation 'books' is to-many and must be declared as"
            + " java.util.List<test.Book>, not test.Book[]")
        .inFile(author)
        .onLineContaining("Book[] books");
  }

  @Test
  void toManyFieldOfAClassEntity() {
    JavaFileObject author = source("Author",
        "import java.util.Collection;",
        "",
        "@Table",
        "public class Author {",
        "  @Id public long id;",
        "  @Relation(mappedBy = \"authorId\") public Collection<Book> books;",
        "}");

    assertThat(compile(author, BOOK))
        .hadErrorContaining("[KILN-063] @Relation 'books' is to-many and must be declared as"
            + " java.util.List<test.Book>, not java.util.Collection<test.Book>")
        .inFile(author)
        .onLineContaining("Collection<Book> books;");
  }

  @Test
  void nullableForeignKeyWithARelationThatIsNot() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) @Nullable Long authorId,",
        "    @Relation(foreignKey = \"authorId\") Author author) {}");

    Compilation compilation = compile(author, book);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-064] @Relation(foreignKey = \"authorId\") 'author': 'authorId'"
            + " is nullable, so the related Author may be absent: mark 'author' @Nullable too")
        .inFile(book)
        .onLineContaining("Author author");
  }

  @Test
  void nonNullForeignKeyWithANullableRelation() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) long authorId,",
        "    @Relation(foreignKey = \"authorId\") @Nullable Author author) {}");

    Compilation compilation = compile(author, book);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-064] @Relation(foreignKey = \"authorId\") 'author': 'authorId'"
            + " is never null, so the related Author always exists: remove @Nullable from"
            + " 'author'")
        .inFile(book)
        .onLineContaining("@Nullable Author author");
  }

  @Test
  void agreeingNullabilityCompiles() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) long authorId,",
        "    @ForeignKey(Author.class) @Nullable Long editorId,",
        "    @Relation(foreignKey = \"authorId\") Author author,",
        "    @Relation(foreignKey = \"editorId\") @Nullable Author editor) {}");

    assertThat(compile(author, book)).succeededWithoutWarnings();
  }

  @Test
  void relationWithNoMode() {
    JavaFileObject author = source("Author",
        "import java.util.List;",
        "",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation List<Book> books) {}");

    Compilation compilation = compile(author, BOOK);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-065] @Relation 'books' must set exactly one of foreignKey (this"
            + " entity's foreign key, for a to-one), mappedBy (the target's foreign key) or"
            + " through (a junction entity, for many-to-many)")
        .inFile(author)
        .onLineContaining("List<Book> books");
  }

  @Test
  void relationWithTwoModes() {
    JavaFileObject author = source("Author",
        "import java.util.List;",
        "",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"authorId\", foreignKey = \"id\")",
        "    List<Book> books) {}");

    Compilation compilation = compile(author, BOOK);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-065] @Relation 'books' must set exactly one of foreignKey")
        .inFile(author)
        .onLineContaining("@Relation(mappedBy = \"authorId\", foreignKey = \"id\")");
  }
}
