package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.ShopEntities.compileWithShop;
import static dev.kiln.processor.ShopEntities.queries;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the compile errors of derived finders: a name Kiln cannot read (KILN-043) and
 * parameters that do not fit the conditions (KILN-044). Each is reported once, on the method (or
 * the parameter at fault), with its code and how to fix it.
 */
class DerivedQueryValidationTest {

  private static final String GRAMMAR = ". Derived finders read"
      + " find|findFirst|findTop<N>|count|exists|delete + By + conditions on properties joined by"
      + " And/Or + optional OrderBy<Property>Asc|Desc, or give the method @Sql";

  @Test
  void unknownProperty() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNmae(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-043] findByNmae is not a query Kiln can derive: 'nmae' is not"
            + " a persisted property of Author (did you mean 'name'?)" + GRAMMAR)
        .inFile(queries)
        .onLineContaining("findByNmae");
  }

  @Test
  void unknownPropertyWithNothingClose() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByShoeSize(int size);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("'shoeSize' is not a persisted property of Author (properties: id,"
            + " name, email, rank, active, createdAt, bio)" + GRAMMAR)
        .inFile(queries)
        .onLineContaining("findByShoeSize");
  }

  @Test
  void unknownPropertyToOrderBy() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNameOrderByRnkDesc(String name);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-043] findByNameOrderByRnkDesc is not a query Kiln can derive:"
            + " 'rnk' is not a persisted property of Author (did you mean 'rank'?)")
        .inFile(queries)
        .onLineContaining("findByNameOrderByRnkDesc");
  }

  @Test
  void unknownVerb() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> fetchByName(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-043] fetchByName is not a query Kiln can derive: it does not"
            + " start with find…By, count…By, exists…By or delete…By" + GRAMMAR)
        .inFile(queries)
        .onLineContaining("fetchByName");
  }

  @Test
  void unknownVerbIsReportedAsSuchWhenNoEntityIsKnown() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  long tallyByName(String name);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-043] tallyByName is not a query Kiln can derive: it does not"
            + " start with find…By")
        .inFile(queries)
        .onLineContaining("tallyByName");
  }

  @Test
  void findByWithoutCondition() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findBy();",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-043] findBy is not a query Kiln can derive: By is followed by"
            + " no condition: name a property after By" + GRAMMAR)
        .inFile(queries)
        .onLineContaining("findBy();");
  }

  @Test
  void fewerParametersThanConditions() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNameAndRankBetween(String name, int low);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-044] Queries.findByNameAndRankBetween: the name asks for 3"
            + " parameter(s) (name, rank, rank) but the method has 2: declare one for each value"
            + " the conditions compare with, in the order of the name")
        .inFile(queries)
        .onLineContaining("findByNameAndRankBetween");
  }

  @Test
  void parameterForAConditionWithoutValue() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByActiveTrue(boolean active);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-044] Queries.findByActiveTrue: the name asks for 0"
            + " parameter(s) but the method has 1")
        .inFile(queries)
        .onLineContaining("findByActiveTrue");
  }

  @Test
  void parameterTypeNotThePropertyType() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNameAndRank(",
        "      String name,",
        "      long rank);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-044] Queries.findByNameAndRank: parameter 'rank' is long but"
            + " Author.rank is int: declare it as int")
        .inFile(queries)
        .onLineContaining("long rank");
  }

  @Test
  void boxedParameterFitsAPrimitiveProperty() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByRank(Integer rank);",
        "}");

    assertThat(compileWithShop(queries)).succeeded();
  }

  @Test
  void inWithoutACollection() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNameIn(String names);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-044] Queries.findByNameIn: parameter 'names' is"
            + " java.lang.String but In takes a collection of Author.name values: declare it as"
            + " Collection<java.lang.String>")
        .inFile(queries)
        .onLineContaining("findByNameIn");
  }

  @Test
  void startingWithOnANumber() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByRankStartingWith(int rank);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-044] Queries.findByRankStartingWith: StartingWith matches"
            + " text, but Author.rank is int: use it on a String property, or compare rank with"
            + " Is, LessThan, GreaterThan or Between")
        .inFile(queries)
        .onLineContaining("findByRankStartingWith");
  }

  @Test
  void trueOnANumber() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByRankTrue();",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-044] Queries.findByRankTrue: True needs a boolean property,"
            + " but Author.rank is int: compare rank with Is and a parameter instead")
        .inFile(queries)
        .onLineContaining("findByRankTrue");
  }

  @Test
  void isNullOnAPropertyThatIsNeverNull() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByEmailIsNull();",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-044] Queries.findByEmailIsNull: Author.email is never null, so"
            + " IsNull would always be false: remove the condition, or mark email @Nullable if it"
            + " may be absent")
        .inFile(queries)
        .onLineContaining("findByEmailIsNull");
  }

  @Test
  void isNullOnANullableProperty() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByBioIsNull();",
        "}");

    assertThat(compileWithShop(queries)).succeeded();
  }

  @Test
  void ignoreCaseOnANumber() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByRankIgnoreCase(int rank);",
        "}");

    assertThat(compileWithShop(queries))
        .hadErrorContaining("[KILN-044] Queries.findByRankIgnoreCase: IgnoreCase needs a String"
            + " property, but Author.rank is int: remove IgnoreCase")
        .inFile(queries)
        .onLineContaining("findByRankIgnoreCase");
  }
}
