package dev.kiln.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.generatedSource;
import static dev.kiln.processor.TestCompiler.schema;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies class entities: the three ways Kiln creates one (a public constructor over the
 * persisted properties; a no-argument constructor with setters; a no-argument constructor with
 * non-final fields), how it reads their properties, and the errors for a class it cannot create
 * (KILN-008) or read (KILN-016).
 */
class ClassEntityTest {

  @Test
  void classWithAllPropertiesConstructorIsCreatedThroughIt() {
    Compilation compilation = compile(source("Customer",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public class Customer {",
        "  @Id private final long id;",
        "  private final String name;",
        "  private final @Nullable String note;",
        "",
        "  public Customer(long id, String name, @Nullable String note) {",
        "    this.id = id;",
        "    this.name = name;",
        "    this.note = note;",
        "  }",
        "",
        "  public long getId() { return id; }",
        "  public String getName() { return name; }",
        "  public @Nullable String getNote() { return note; }",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    String repository = generatedSource(compilation, "test.CustomerRepository");
    assertThat(repository).contains("return new Customer(");
    assertThat(repository).contains("ps.setLong(1, entity.getId());");
    assertThat(schema(compilation)).contains("\"note\" TEXT,");
  }

  @Test
  void constructorParametersMayComeInAnyOrder() {
    Compilation compilation = compile(source("Customer",
        "@Table",
        "public class Customer {",
        "  @Id private final long id;",
        "  private final String name;",
        "",
        "  public Customer(String name, long id) {",
        "    this.id = id;",
        "    this.name = name;",
        "  }",
        "",
        "  public long getId() { return id; }",
        "  public String getName() { return name; }",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.CustomerRepository").replaceAll("\\s+", " "))
        .contains("return new Customer( JdbcValues.getString(rs, first + 1),"
            + " JdbcValues.requireLong(rs, first));");
  }

  @Test
  void classWithNoArgumentConstructorIsFilledThroughSetters() {
    Compilation compilation = compile(source("Customer",
        "@Table",
        "public class Customer {",
        "  @Id private long id;",
        "  private String name;",
        "  private boolean active;",
        "",
        "  public Customer() {}",
        "",
        "  public long getId() { return id; }",
        "  public void setId(long id) { this.id = id; }",
        "  public String getName() { return name; }",
        "  public void setName(String name) { this.name = name; }",
        "  public boolean isActive() { return active; }",
        "  public void setActive(boolean active) { this.active = active; }",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    String repository = generatedSource(compilation, "test.CustomerRepository");
    assertThat(repository).contains("Customer created = new Customer();");
    assertThat(repository).contains("created.setName(JdbcValues.getString(rs, first + 1));");
    assertThat(repository).contains("created.setActive(JdbcValues.requireBoolean(rs, first + 2));");
    assertThat(repository).contains("ps.setBoolean(3, entity.isActive());");
  }

  @Test
  void classWithNoArgumentConstructorIsFilledThroughPackagePrivateFields() {
    Compilation compilation = compile(source("Customer",
        "@Table",
        "public class Customer {",
        "  @Id long id;",
        "  String name;",
        "  @Version int version;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    String repository = generatedSource(compilation, "test.CustomerRepository");
    assertThat(repository).contains("created.name = JdbcValues.getString(rs, first + 1);");
    assertThat(repository).contains("JdbcValues.setString(ps, 2, entity.name);");
  }

  @Test
  void mutableClassEntityIsCopiedForTheCache() {
    Compilation compilation = compile(source("Customer",
        "@Table",
        "public class Customer {",
        "  @Id long id;",
        "  String name;",
        "}"));

    assertThat(generatedSource(compilation, "test.CustomerRepository"))
        .contains("public Customer copy(Customer entity)");
  }

  @Test
  void superclassFieldsArePersistedToo() {
    Compilation compilation = compile(
        source("Audited",
            "import java.time.Instant;",
            "",
            "public abstract class Audited {",
            "  Instant createdAt;",
            "}"),
        source("Customer",
            "@Table",
            "public class Customer extends Audited {",
            "  @Id long id;",
            "}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("\"created_at\" TEXT NOT NULL");
  }

  @Test
  void classThatCannotBeCreated() {
    JavaFileObject customer = source("Customer",
        "@Table",
        "public class Customer {",
        "  @Id private final long id;",
        "  private final String name;",
        "",
        "  public Customer(long id) {",
        "    this.id = id;",
        "    this.name = \"\";",
        "  }",
        "",
        "  public long getId() { return id; }",
        "  public String getName() { return name; }",
        "}");

    Compilation compilation = compile(customer);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-008] Customer has no constructor Kiln can use: add a public"
            + " constructor whose parameters are the persisted properties (id, name)")
        .inFile(customer)
        .onLineContaining("public class Customer");
  }

  @Test
  void classWithNoArgumentConstructorButAFinalFieldCannotBeFilled() {
    JavaFileObject customer = source("Customer",
        "@Table",
        "public class Customer {",
        "  @Id long id;",
        "  final String name = \"\";",
        "}");

    Compilation compilation = compile(customer);

    assertThat(compilation)
        .hadErrorContaining("[KILN-008]")
        .inFile(customer)
        .onLineContaining("public class Customer");
    assertThat(compilation)
        .hadErrorContaining("with a setter or non-final field for each of them; these have"
            + " neither: name");
  }

  @Test
  void privateFieldWithoutGetter() {
    JavaFileObject customer = source("Customer",
        "@Table",
        "public class Customer {",
        "  @Id long id;",
        "  private String name;",
        "",
        "  public void setName(String name) { this.name = name; }",
        "}");

    Compilation compilation = compile(customer);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-016] property 'name' of Customer cannot be read by generated"
            + " code: make the field non-private, or add a public getter getName()")
        .inFile(customer)
        .onLineContaining("private String name;");
  }
}
