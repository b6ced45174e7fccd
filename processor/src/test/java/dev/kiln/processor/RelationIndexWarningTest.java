package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the KILN-101 warning: a foreign key that a {@code mappedBy} relation or a junction is
 * loaded through, and that no index starts with, makes every fetch scan its table; the warning
 * is on the relation and names the exact {@code @Index} to add. An {@code @Index}, a unique
 * column or a primary key that starts with the foreign key silences it.
 */
class RelationIndexWarningTest {

  private static final JavaFileObject AUTHOR = source("Author",
      "import java.util.List;",
      "",
      "@Table",
      "public record Author(",
      "    @Id long id,",
      "    @Relation(mappedBy = \"authorId\") List<Book> books) {}");

  private static final JavaFileObject TAG = source("Tag",
      "@Table",
      "public record Tag(@Id long id) {}");

  @Test
  void mappedByForeignKeyWithoutIndex() {
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(@Id long id, @ForeignKey(Author.class) long authorId) {}");

    Compilation compilation = compile(AUTHOR, book);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-101] Book.authorId is used by the relation Author.books but"
            + " no index starts with it, so every fetch of the relation scans table book: add"
            + " @Index(columns = \"authorId\") to Book")
        .inFile(AUTHOR)
        .onLineContaining("List<Book> books");
  }

  @Test
  void mappedByForeignKeyWithAnIndex() {
    JavaFileObject book = source("Book",
        "@Table",
        "@Index(columns = \"authorId\")",
        "public record Book(@Id long id, @ForeignKey(Author.class) long authorId) {}");

    assertThat(compile(AUTHOR, book)).succeededWithoutWarnings();
  }

  @Test
  void mappedByForeignKeyLeadingAnIndexOfSeveralColumns() {
    JavaFileObject book = source("Book",
        "@Table",
        "@Index(columns = {\"authorId\", \"title\"})",
        "public record Book(",
        "    @Id long id, @ForeignKey(Author.class) long authorId, String title) {}");

    assertThat(compile(AUTHOR, book)).succeededWithoutWarnings();
  }

  @Test
  void mappedByForeignKeySecondInAnIndex() {
    JavaFileObject book = source("Book",
        "@Table",
        "@Index(columns = {\"title\", \"authorId\"})",
        "public record Book(",
        "    @Id long id, @ForeignKey(Author.class) long authorId, String title) {}");

    assertThat(compile(AUTHOR, book))
        .hadWarningContaining("add @Index(columns = \"authorId\") to Book")
        .inFile(AUTHOR)
        .onLineContaining("List<Book> books");
  }

  @Test
  void uniqueForeignKeyOfAnInverseOneToOne() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(",
        "    @Id long id,",
        "    @Relation(mappedBy = \"authorId\") Profile profile) {}");
    JavaFileObject profile = source("Profile",
        "@Table",
        "public record Profile(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) @Column(unique = true) long authorId) {}");

    assertThat(compile(author, profile)).succeededWithoutWarnings();
  }

  @Test
  void junctionForeignKeyWithoutIndex() {
    JavaFileObject post = source("Post",
        "import java.util.List;",
        "",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @Relation(through = PostTag.class) List<Tag> tags) {}");
    JavaFileObject postTag = source("PostTag",
        "@Table",
        "public record PostTag(",
        "    @Id(autoGenerate = true) long id,",
        "    @ForeignKey(Post.class) long postId,",
        "    @ForeignKey(Tag.class) long tagId) {}");

    Compilation compilation = compile(post, TAG, postTag);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-101] PostTag.postId is used by the relation Post.tags but no"
            + " index starts with it, so every fetch of the relation scans table post_tag: add"
            + " @Index(columns = \"postId\") to PostTag")
        .inFile(post)
        .onLineContaining("List<Tag> tags");
  }

  @Test
  void junctionForeignKeyLeadingThePrimaryKey() {
    JavaFileObject post = source("Post",
        "import java.util.List;",
        "",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @Relation(through = PostTag.class) List<Tag> tags) {}");
    JavaFileObject postTag = source("PostTag",
        "@Table",
        "public record PostTag(",
        "    @Id @ForeignKey(Post.class) long postId,",
        "    @Id @ForeignKey(Tag.class) long tagId) {}");

    assertThat(compile(post, TAG, postTag)).succeededWithoutWarnings();
  }

  @Test
  void junctionForeignKeySecondInThePrimaryKey() {
    JavaFileObject tag = source("Tag",
        "import java.util.List;",
        "",
        "@Table",
        "public record Tag(",
        "    @Id long id,",
        "    @Relation(through = PostTag.class) List<Post> posts) {}");
    JavaFileObject post = source("Post",
        "@Table",
        "public record Post(@Id long id) {}");
    JavaFileObject postTag = source("PostTag",
        "@Table",
        "public record PostTag(",
        "    @Id @ForeignKey(Post.class) long postId,",
        "    @Id @ForeignKey(Tag.class) long tagId) {}");

    Compilation compilation = compile(tag, post, postTag);

    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-101] PostTag.tagId is used by the relation Tag.posts but no"
            + " index starts with it, so every fetch of the relation scans table post_tag: add"
            + " @Index(columns = \"tagId\") to PostTag")
        .inFile(tag)
        .onLineContaining("List<Post> posts");
  }

  @Test
  void toOneForeignKeyNeedsNoIndex() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) long authorId,",
        "    @Relation(foreignKey = \"authorId\") Author author) {}");

    assertThat(compile(author, book)).succeededWithoutWarnings();
  }
}
