package dev.kiln;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kiln.migrations.MigrationResult;
import org.junit.jupiter.api.Test;

/**
 * The runtime reads as layers — the API ({@code dev.kiln}, {@code dev.kiln.query},
 * {@code dev.kiln.migrations}) → what generated code calls ({@code dev.kiln.spi}) → the engine's
 * internals ({@code dev.kiln.internal}, with the migration run in {@code .migrate}) → one package
 * per engine → what generated code is made of ({@code dev.kiln.mapping}) — and no package uses
 * one above it. The API's exceptions and plain values ({@link Dialect}, {@link Stats},
 * {@link MigrationResult}) are the exception: every layer may throw or return them.
 */
class LayersTest {

  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kiln");

  /** What every layer may use of the API: its exceptions and its plain values. */
  private static final DescribedPredicate<JavaClass> API_VALUES =
      assignableTo(KilnException.class)
          .or(belongToAnyOf(Dialect.class, Stats.class, StatementStats.class, PoolStats.class,
              Health.class, SlowQuery.class,
              MigrationResult.class,
              ConstraintViolationException.Kind.class))
          .as("the API's exceptions and values");

  private static DescribedPredicate<JavaClass> inAny(String... packages) {
    return resideInAnyPackage(packages).and(not(API_VALUES));
  }

  @Test
  void spiUsesNoPublicApiButItsExceptionsAndValues() {
    noClasses().that().resideInAPackage("dev.kiln.spi..")
        .should().dependOnClassesThat(inAny("dev.kiln", "dev.kiln.query..", "dev.kiln.migrations"))
        .check(RUNTIME);
  }

  @Test
  void internalsUseNeitherTheApiNorTheSpi() {
    noClasses().that().resideInAPackage("dev.kiln.internal..")
        .should().dependOnClassesThat(
            inAny("dev.kiln", "dev.kiln.query..", "dev.kiln.migrations", "dev.kiln.spi.."))
        .check(RUNTIME);
  }

  @Test
  void theEngineSeamKnowsNoEngine() {
    noClasses().that().resideInAnyPackage("dev.kiln.internal", "dev.kiln.internal.fetch..",
            "dev.kiln.internal.migrate..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.kiln.internal.sqlite..", "dev.kiln.internal.postgresql..")
        .check(RUNTIME);
  }

  @Test
  void enginesDoNotUseEachOther() {
    noClasses().that().resideInAPackage("dev.kiln.internal.sqlite..")
        .should().dependOnClassesThat().resideInAPackage("dev.kiln.internal.postgresql..")
        .check(RUNTIME);
    noClasses().that().resideInAPackage("dev.kiln.internal.postgresql..")
        .should().dependOnClassesThat().resideInAPackage("dev.kiln.internal.sqlite..")
        .check(RUNTIME);
  }

  @Test
  void mappingUsesNothingAboveIt() {
    noClasses().that().resideInAPackage("dev.kiln.mapping..")
        .should().dependOnClassesThat(inAny("dev.kiln", "dev.kiln.query..", "dev.kiln.migrations",
            "dev.kiln.spi..", "dev.kiln.internal.."))
        .check(RUNTIME);
  }
}
