package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the errors about single properties: types Kiln cannot store, converters that do not
 * fit, misused {@code @Id} and {@code @Version}, and clashing column names. Each error is
 * reported once, on the property or on the annotation at fault, with its code and how to fix it.
 */
class PropertyValidationTest {

  @Test
  void unsupportedPropertyTypeSuggestsConvert() {
    JavaFileObject post = source("Post",
        "import java.util.List;",
        "",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    List<String> tags) {}");

    Compilation compilation = compile(post);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-002] property 'tags' has type java.util.List<java.lang.String>,"
            + " which Kiln cannot store")
        .inFile(post)
        .onLineContaining("List<String> tags");
    assertThat(compilation)
        .hadErrorContaining("or add @Convert(YourConverter.class) with a"
            + " Converter<java.util.List<java.lang.String>, String>");
    assertThat(compilation).hadErrorContaining("or mark it @Transient");
  }

  @Test
  void unsupportedFieldTypeOfAClassEntity() {
    JavaFileObject post = source("Post",
        "@Table",
        "public class Post {",
        "  @Id long id;",
        "  char initial;",
        "}");

    assertThat(compile(post))
        .hadErrorContaining("[KILN-002] property 'initial' has type char")
        .inFile(post)
        .onLineContaining("char initial;");
  }

  @Test
  void duplicateColumnNames() {
    JavaFileObject person = source("Person",
        "@Table",
        "public record Person(",
        "    @Id long id,",
        "    @Column(name = \"name\") String fullName,",
        "    String name) {}");

    Compilation compilation = compile(person);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-004] column 'name' is used by both 'fullName' and 'name': give"
            + " one of them another @Column(name = ...)")
        .inFile(person)
        .onLineContaining("String name)");
  }

  @Test
  void autoGenerateOnAStringKey() {
    JavaFileObject tag = source("Tag",
        "@Table",
        "public record Tag(",
        "    @Id(autoGenerate = true)",
        "    String name) {}");

    Compilation compilation = compile(tag);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-006] @Id(autoGenerate = true) needs a single key property of"
            + " type long, int, Long or Integer")
        .inFile(tag)
        .onLineContaining("@Id(autoGenerate = true)");
    assertThat(compilation).hadErrorContaining("'name' is java.lang.String. Remove autoGenerate"
        + " and assign the key yourself, or use an integer key");
  }

  @Test
  void autoGenerateOnAPartOfACompositeKey() {
    JavaFileObject line = source("OrderLine",
        "@Table",
        "public record OrderLine(",
        "    @Id(autoGenerate = true) long orderId,",
        "    @Id int lineNo) {}");

    Compilation compilation = compile(line);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-006] @Id(autoGenerate = true) needs a single key property")
        .inFile(line)
        .onLineContaining("long orderId");
    assertThat(compilation).hadErrorContaining("'orderId' is part of a composite key. Remove"
        + " autoGenerate and assign the key yourself");
  }

  @Test
  void versionOnAString() {
    JavaFileObject account = source("Account",
        "@Table",
        "public record Account(",
        "    @Id long id,",
        "    @Version String version) {}");

    Compilation compilation = compile(account);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-007] @Version needs a long or int property")
        .inFile(account)
        .onLineContaining("@Version String version");
  }

  @Test
  void twoVersions() {
    JavaFileObject account = source("Account",
        "@Table",
        "public record Account(",
        "    @Id long id,",
        "    @Version long version,",
        "    @Version long revision) {}");

    Compilation compilation = compile(account);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-014] Account has more than one @Version property ('version'"
            + " and 'revision'): keep one")
        .inFile(account)
        .onLineContaining("long revision");
  }

  @Test
  void nullableId() {
    JavaFileObject tag = source("Tag",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Tag(",
        "    @Id @Nullable String name) {}");

    Compilation compilation = compile(tag);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-017] @Id property 'name' is nullable, but a primary key may"
            + " not be null: remove @Nullable")
        .inFile(tag)
        .onLineContaining("@Nullable String name");
  }

  @Test
  void converterWithoutNoArgumentConstructor() {
    JavaFileObject product = source("Product",
        "@Table",
        "public record Product(",
        "    @Id long id,",
        "    @Convert(Product.Upper.class) String code) {",
        "",
        "  static final class Upper implements Converter<String, String> {",
        "    Upper(boolean strict) {}",
        "    @Override public String toSql(String value) { return value.toUpperCase(); }",
        "    @Override public String fromSql(String value) { return value; }",
        "  }",
        "}");

    Compilation compilation = compile(product);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-012] @Convert(Upper.class) cannot convert 'code': it needs a"
            + " public no-argument constructor")
        .inFile(product)
        .onLineContaining("@Convert(Product.Upper.class)");
  }

  @Test
  void converterOfAnotherJavaType() {
    JavaFileObject product = source("Product",
        "@Table",
        "public record Product(",
        "    @Id long id,",
        "    @Convert(Product.Cents.class) String price) {",
        "",
        "  static final class Cents implements Converter<Integer, Long> {",
        "    @Override public Long toSql(Integer value) { return value.longValue(); }",
        "    @Override public Integer fromSql(Long value) { return value.intValue(); }",
        "  }",
        "}");

    Compilation compilation = compile(product);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-012] @Convert(Cents.class) cannot convert 'price': it converts"
            + " java.lang.Integer, but the property is java.lang.String; use a"
            + " Converter<java.lang.String, ...>")
        .inFile(product)
        .onLineContaining("@Convert(Product.Cents.class)");
  }

  @Test
  void converterToATypeThatIsNotBuiltIn() {
    JavaFileObject product = source("Product",
        "import java.util.List;",
        "",
        "@Table",
        "public record Product(",
        "    @Id long id,",
        "    @Convert(Product.Split.class) String tags) {",
        "",
        "  static final class Split implements Converter<String, List<String>> {",
        "    @Override public List<String> toSql(String value) { return List.of(value); }",
        "    @Override public String fromSql(List<String> value) { return value.get(0); }",
        "  }",
        "}");

    assertThat(compile(product))
        .hadErrorContaining("[KILN-012] @Convert(Split.class) cannot convert 'tags': it stores"
            + " java.util.List<java.lang.String>, which is not a built-in type; make it store"
            + " String, a number, byte[] or a date-time type")
        .inFile(product)
        .onLineContaining("@Convert(Product.Split.class)");
  }

  @Test
  void createdAtNeedsAnInstant() {
    JavaFileObject post = source("Post",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @CreatedAt String created) {}");

    Compilation compilation = compile(post);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-055] @CreatedAt needs an Instant property (Kiln fills it with"
            + " the time of the write); 'created' is java.lang.String")
        .inFile(post)
        .onLineContaining("@CreatedAt String created");
  }

  @Test
  void auditTimesAreOneEachOnPropertiesOfTheirOwn() {
    JavaFileObject post = source("Post",
        "import java.time.Instant;",
        "",
        "@Table",
        "public record Post(",
        "    @Id @UpdatedAt Instant id,",
        "    @UpdatedAt Instant changed,",
        "    @UpdatedAt Instant touched,",
        "    @CreatedAt @UpdatedAt Instant both) {}");

    Compilation compilation = compile(post);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[KILN-056] @UpdatedAt on 'id': a key or @Version property is not a"
            + " time Kiln fills in")
        .inFile(post).onLineContaining("@Id @UpdatedAt Instant id");
    assertThat(compilation)
        .hadErrorContaining("[KILN-056] @CreatedAt on 'both': a property is either @CreatedAt or"
            + " @UpdatedAt")
        .inFile(post).onLineContaining("@CreatedAt @UpdatedAt Instant both");
    assertThat(compilation)
        .hadErrorContaining("Post already has @UpdatedAt")
        .inFile(post).onLineContaining("@UpdatedAt Instant touched");
  }

  @Test
  void softDeleteNeedsABooleanOrANullableInstantOfItsOwn() {
    JavaFileObject post = source("Post",
        "import java.time.Instant;",
        "",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @SoftDelete String gone,",
        "    @SoftDelete Instant removedAt) {}");

    Compilation compilation = compile(post);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[KILN-057] @SoftDelete on 'gone': it needs a boolean (true when"
            + " deleted) or an Instant (when it was deleted); it is java.lang.String")
        .inFile(post).onLineContaining("@SoftDelete String gone");
    assertThat(compilation)
        .hadErrorContaining("[KILN-057] @SoftDelete on 'removedAt': an Instant that marks deleted"
            + " rows is null for a live row: mark it @Nullable")
        .inFile(post).onLineContaining("@SoftDelete Instant removedAt");
  }

  @Test
  void aToOneOfAnEntityThatMarksDeletedRowsIsNullable() {
    JavaFileObject club = source("Club",
        "@Table",
        "public record Club(@Id long id, @SoftDelete boolean closed) {}");
    JavaFileObject member = source("Member",
        "@Table",
        "@Index(columns = \"clubId\")",
        "public record Member(@Id long id, @ForeignKey(Club.class) long clubId,",
        "    @Relation(foreignKey = \"clubId\") Club club) {}");

    Compilation compilation = compile(club, member);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("Club marks deleted rows (@SoftDelete), so the related one may be"
            + " absent: mark 'club' @Nullable")
        .inFile(member).onLineContaining("Club club");
  }
}
