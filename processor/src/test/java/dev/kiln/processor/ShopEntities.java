package dev.kiln.processor;

import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The entities the {@code @Dao} tests query, and a way to write a DAO over them, so that each
 * test shows only its interface. Every property a test filters on without expecting a plan
 * warning is indexed: {@code Author.name} by {@code @Index}, {@code Author.email} as unique,
 * {@code Book.authorId} by {@code @Index}, and the keys.
 */
final class ShopEntities {

  static final JavaFileObject AUTHOR = source("Author",
      "import java.time.Instant;",
      "import org.jspecify.annotations.Nullable;",
      "",
      "@Table",
      "@Index(columns = \"name\")",
      "public record Author(",
      "    @Id(autoGenerate = true) long id,",
      "    String name,",
      "    @Column(unique = true) String email,",
      "    int rank,",
      "    boolean active,",
      "    Instant createdAt,",
      "    @Nullable String bio) {}");

  static final JavaFileObject BOOK = source("Book",
      "import java.math.BigDecimal;",
      "",
      "@Table",
      "@Index(columns = \"authorId\")",
      "public record Book(",
      "    @Id(autoGenerate = true) long id,",
      "    @ForeignKey(Author.class) long authorId,",
      "    String title,",
      "    BigDecimal price) {}");

  private ShopEntities() {}

  /**
   * The source file {@code test/Queries.java}: {@code lines} after the imports of
   * {@code java.util.List}, {@code Optional} and {@code Stream}.
   */
  static JavaFileObject queries(String... lines) {
    List<String> all = new ArrayList<>(List.of(
        "import java.util.List;",
        "import java.util.Optional;",
        "import java.util.stream.Stream;",
        ""));
    all.addAll(List.of(lines));
    return source("Queries", all.toArray(String[]::new));
  }

  /** Compiles {@code sources} with {@link #AUTHOR} and {@link #BOOK}. */
  static Compilation compileWithShop(JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(AUTHOR, BOOK));
    all.addAll(List.of(sources));
    return compile(all.toArray(JavaFileObject[]::new));
  }
}
