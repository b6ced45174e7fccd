package dev.kiln.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.diag.QuietLogging;
import dev.kiln.processor.migrate.MigrationGenerator;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.parse.Deferral;
import dev.kiln.processor.parse.EntityParser;
import dev.kiln.processor.schema.SchemaBuilder;
import dev.kiln.processor.model.ResolvedRelation;
import dev.kiln.processor.validate.EntityValidator;
import dev.kiln.processor.validate.RelationValidator;
import dev.kiln.processor.dao.DaoContext;
import dev.kiln.processor.dao.DaoParser;
import dev.kiln.processor.sql.EntitySql;
import dev.kiln.processor.verify.PostgresStatements;
import dev.kiln.processor.verify.QueryLog;
import dev.kiln.processor.verify.QueryVerifier;
import dev.kiln.processor.verify.SchemaProbe;
import dev.kiln.processor.write.DaoWriter;
import dev.kiln.processor.write.MetamodelWriter;
import dev.kiln.processor.write.NameTaken;
import dev.kiln.processor.write.RepositoryWriter;
import dev.kiln.processor.write.SchemaWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Kiln's annotation processor. Each round runs the pipeline the package names show:
 * <ol>
 *   <li>{@code parse}: each {@code @Table} type into an {@code EntityModel}, reporting problems on
 *       the element; a type that mentions a not-yet-generated type waits for the next round;</li>
 *   <li>{@code validate}: the checks across properties and entities;</li>
 *   <li>{@code schema}: the schema model the entities require;</li>
 *   <li>{@code write}: metamodels, repositories and the compiled-in schema;</li>
 *   <li>{@code migrate}: once every round is done, the next migration file (the shadow
 *       database).</li>
 * </ol>
 * Nothing is generated from a round that reported an error, and no exception escapes to javac:
 * an unexpected one is reported on the element being processed.
 */
@AutoService(Processor.class)
public final class KilnProcessor extends AbstractProcessor {

  private static final String TABLE = "dev.kiln.annotations.Table";
  private static final String DAO = "dev.kiln.annotations.Dao";

  private Diagnostics diagnostics;
  private EntityParser parser;
  private EntityValidator validator;
  private SchemaProbe probe;
  private RelationValidator relationValidator;
  private MetamodelWriter metamodels;
  private RepositoryWriter repositories;
  private SchemaWriter schemas;
  private DaoWriter daoWriter;
  private final QueryLog queryLog = new QueryLog();
  private final PostgresStatements postgresStatements = new PostgresStatements();
  private final Set<String> deferredDaos = new LinkedHashSet<>();
  private MigrationGenerator migrations;
  /** Deferred DAOs that mention a missing type, with that type's name. */
  private final Map<String, String> missingDaoTypes = new LinkedHashMap<>();
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Deferred entities that mention a missing type themselves, with that type's name. */
  private final Map<String, String> missingTypes = new LinkedHashMap<>();
  private final List<EntityModel> generated = new ArrayList<>();
  private int schemaRounds;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    QuietLogging.initialise(org.sqlite.JDBC.class.getClassLoader());
    diagnostics = new Diagnostics(env);
    parser = new EntityParser(env, diagnostics);
    validator = new EntityValidator(diagnostics);
    probe = new SchemaProbe(diagnostics);
    relationValidator = new RelationValidator(diagnostics);
    metamodels = new MetamodelWriter(env.getFiler());
    repositories = new RepositoryWriter(env.getFiler());
    schemas = new SchemaWriter(env.getFiler());
    daoWriter = new DaoWriter(env.getFiler());
    migrations = new MigrationGenerator(env.getFiler(), env.getElementUtils(), diagnostics,
        env.getOptions().get(Options.MIGRATIONS), env.getOptions().get(Options.ALLOW_DESTRUCTIVE),
        env.getOptions().get(Options.DIALECTS));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TABLE, DAO);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(Options.MIGRATIONS, Options.ALLOW_DESTRUCTIVE, Options.PLAN_CHECK,
        Options.DIALECTS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      reportMissingTypes();
      schemas.writeServiceFile();
      queryLog.write(processingEnv.getFiler());
      postgresStatements.write(processingEnv.getFiler());
      // Migrations compare the schema of every entity at once, so they wait for the last round;
      // a model with errors would look like dropped tables.
      if (diagnostics.errorCount() == 0 && !round.errorRaised()) {
        migrations.generate(generated);
      }
      return false;
    }
    processEntities(round);
    processDaos(round);
    return false;
  }

  private void processEntities(RoundEnvironment round) {
    List<TypeElement> types = typesToProcess(round);
    if (types.isEmpty()) {
      return;
    }
    List<EntityModel> models = new ArrayList<>();
    for (TypeElement type : types) {
      try {
        parser.parse(type).ifPresent(models::add);
      } catch (Deferral missing) {
        deferred.add(type.getQualifiedName().toString());
        missingTypes.put(type.getQualifiedName().toString(), missing.typeName());
      } catch (RuntimeException e) {
        internalError(type, e);
      }
    }
    if (!deferred.isEmpty()) {
      // Entities reference each other (foreign keys, relations): validate them together, once
      // every one of them can be parsed.
      types.forEach(t -> deferred.add(t.getQualifiedName().toString()));
      return;
    }
    List<EntityModel> all = new ArrayList<>(generated);
    all.addAll(models);
    if (diagnostics.errorCount() > 0 || !validator.validate(all) || !probe.check(all)) {
      return;
    }
    Map<String, EntityModel> byType = new HashMap<>();
    all.forEach(m -> byType.put(m.element().getQualifiedName().toString(), m));
    Map<EntityModel, List<ResolvedRelation>> relations = new HashMap<>();
    for (EntityModel model : models) {
      relations.put(model, relationValidator.resolve(model, byType));
    }
    if (diagnostics.errorCount() > 0) {
      return;
    }
    for (EntityModel model : models) {
      try {
        metamodels.write(model, relations.get(model));
        repositories.write(model);
      } catch (NameTaken taken) {
        diagnostics.error(model.element(), Code.NAME_TAKEN, taken.typeName(), model.simpleName());
      } catch (RuntimeException e) {
        internalError(model.element(), e);
      }
    }
    writeSchema(models, all);
    generated.addAll(models);
    logRepositoryStatements(models);
  }

  /**
   * Parses, verifies and writes the {@code @Dao} interfaces of this round against every entity
   * generated so far. They wait for a later round while entities are still deferred.
   */
  private void processDaos(RoundEnvironment round) {
    TypeElement dao = processingEnv.getElementUtils().getTypeElement(DAO);
    for (Element element : dao == null ? Set.<Element>of() : round.getElementsAnnotatedWith(dao)) {
      deferredDaos.add(((TypeElement) element).getQualifiedName().toString());
    }
    if (deferredDaos.isEmpty() || !deferred.isEmpty() || diagnostics.errorCount() > 0) {
      return;
    }
    List<TypeElement> daos = deferredDaos.stream()
        .map(name -> processingEnv.getElementUtils().getTypeElement(name))
        .filter(java.util.Objects::nonNull).toList();
    deferredDaos.clear();
    missingDaoTypes.clear();
    Map<String, EntityModel> byType = new HashMap<>();
    generated.forEach(m -> byType.put(m.element().getQualifiedName().toString(), m));
    try (QueryVerifier shadow = QueryVerifier.of(SchemaBuilder.build(generated))) {
      DaoContext context = new DaoContext(processingEnv, diagnostics, byType, shadow,
          Options.plansAreErrors(processingEnv), queryLog);
      DaoParser parser = new DaoParser(context);
      for (TypeElement type : daos) {
        try {
          parser.parse(type).ifPresent(model -> {
            daoWriter.write(model);
            String owner = String.join(".", model.type().simpleNames()) + ".";
            model.methods().forEach(m ->
                postgresStatements.add(owner + m.name(), m.variant("postgresql").sql()));
          });
        } catch (Deferral missing) {
          deferredDaos.add(type.getQualifiedName().toString());
          missingDaoTypes.put(type.getQualifiedName().toString(), missing.typeName());
        } catch (RuntimeException e) {
          internalError(type, e);
        }
      }
    } catch (java.sql.SQLException e) {
      daos.forEach(type -> internalError(type, new IllegalStateException(
          "the shadow database could not be built: " + e.getMessage(), e)));
    }
  }

  /**
   * Records the repositories' statements, with their plans, in the build's query list. The
   * schema was checked statement by statement before anything was generated, so a statement that
   * does not prepare here is Kiln's own mistake, reported on the entity it was written for.
   */
  private void logRepositoryStatements(List<EntityModel> models) {
    try (QueryVerifier shadow = QueryVerifier.of(SchemaBuilder.build(generated))) {
      for (EntityModel model : models) {
        String owner = model.repositoryName().simpleName() + ".";
        for (Map.Entry<String, String> statement : new EntitySql(model).all().entrySet()) {
          postgresStatements.add(owner + statement.getKey(), statement.getValue());
          try {
            queryLog.add(owner + statement.getKey(), statement.getValue(),
                shadow.plan(statement.getValue()));
          } catch (java.sql.SQLException e) {
            internalError(model.element(), new IllegalStateException(
                "the generated statement " + statement.getValue() + " does not prepare: "
                    + e.getMessage(), e));
          }
        }
      }
    } catch (java.sql.SQLException e) {
      internalError(models.get(0).element(), new IllegalStateException(
          "the shadow database could not be built: " + e.getMessage(), e));
    }
  }

  private List<TypeElement> typesToProcess(RoundEnvironment round) {
    Set<TypeElement> types = new LinkedHashSet<>();
    for (String name : deferred) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
          .ifPresent(types::add);
    }
    deferred.clear();
    missingTypes.clear();
    TypeElement table = processingEnv.getElementUtils().getTypeElement(TABLE);
    if (table != null) {
      for (Element element : round.getElementsAnnotatedWith(table)) {
        if (element instanceof TypeElement type) {
          types.add(type);
        }
      }
    }
    List<TypeElement> sorted = new ArrayList<>(types);
    sorted.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    return sorted;
  }

  private void writeSchema(List<EntityModel> models, List<EntityModel> all) {
    if (models.isEmpty()) {
      return;
    }
    Schema everything = SchemaBuilder.build(all);
    Set<String> tables = new LinkedHashSet<>();
    models.forEach(m -> tables.add(m.table()));
    Schema schema = new Schema(everything.tables().stream()
        .filter(t -> tables.contains(t.name())).toList());
    String packageName = models.get(0).type().packageName();
    schemaRounds++;
    ClassName name = ClassName.get(packageName,
        schemaRounds == 1 ? "KilnSchema" : "KilnSchema" + schemaRounds);
    try {
      schemas.write(name, schema, models.stream().map(EntityModel::element).toList());
    } catch (NameTaken taken) {
      diagnostics.error(models.get(0).element(), Code.NAME_TAKEN, taken.typeName(),
          models.get(0).simpleName());
    } catch (RuntimeException e) {
      internalError(models.get(0).element(), e);
    }
  }

  /**
   * Reports the entities and DAOs that still mention a missing type when processing is over:
   * that type does not exist (javac reports its name as an unresolved symbol too). Entities
   * deferred only to be validated with them have nothing wrong with them and get no message.
   */
  private void reportMissingTypes() {
    Map<String, String> all = new LinkedHashMap<>(missingTypes);
    all.putAll(missingDaoTypes);
    all.forEach((name, missing) -> {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        diagnostics.error(type, Code.MISSING_TYPE, type.getSimpleName(), missing);
      }
    });
  }

  private void internalError(Element element, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    diagnostics.error(element, Code.INTERNAL_ERROR, e.getClass().getSimpleName(), trace);
  }
}
