package dev.kiln.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.migrate.MigrationGenerator;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.parse.Deferral;
import dev.kiln.processor.parse.EntityParser;
import dev.kiln.processor.schema.SchemaBuilder;
import dev.kiln.processor.model.ResolvedRelation;
import dev.kiln.processor.validate.EntityValidator;
import dev.kiln.processor.validate.RelationValidator;
import dev.kiln.processor.write.MetamodelWriter;
import dev.kiln.processor.write.RepositoryWriter;
import dev.kiln.processor.write.SchemaWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

  private Diagnostics diagnostics;
  private EntityParser parser;
  private EntityValidator validator;
  private RelationValidator relationValidator;
  private MetamodelWriter metamodels;
  private RepositoryWriter repositories;
  private SchemaWriter schemas;
  private MigrationGenerator migrations;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final List<EntityModel> generated = new ArrayList<>();
  private int schemaRounds;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    diagnostics = new Diagnostics(env.getMessager());
    parser = new EntityParser(env, diagnostics);
    validator = new EntityValidator(diagnostics);
    relationValidator = new RelationValidator(diagnostics);
    metamodels = new MetamodelWriter(env.getFiler());
    repositories = new RepositoryWriter(env.getFiler());
    schemas = new SchemaWriter(env.getFiler());
    migrations = new MigrationGenerator(env.getFiler(), env.getElementUtils(), diagnostics,
        env.getOptions().get(Options.MIGRATIONS), env.getOptions().get(Options.ALLOW_DESTRUCTIVE));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TABLE);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(Options.MIGRATIONS, Options.ALLOW_DESTRUCTIVE, Options.PLAN_CHECK);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      reportStillDeferred();
      schemas.writeServiceFile();
      // Migrations compare the schema of every entity at once, so they wait for the last round;
      // a model with errors would look like dropped tables.
      if (diagnostics.errorCount() == 0 && !round.errorRaised()) {
        migrations.generate(generated);
      }
      return false;
    }
    List<TypeElement> types = typesToProcess(round);
    if (types.isEmpty()) {
      return false;
    }
    List<EntityModel> models = new ArrayList<>();
    for (TypeElement type : types) {
      try {
        parser.parse(type).ifPresent(models::add);
      } catch (Deferral missing) {
        deferred.add(type.getQualifiedName().toString());
      } catch (RuntimeException e) {
        internalError(type, e);
      }
    }
    if (!deferred.isEmpty()) {
      // Entities reference each other (foreign keys, relations): validate them together, once
      // every one of them can be parsed.
      types.forEach(t -> deferred.add(t.getQualifiedName().toString()));
      return false;
    }
    List<EntityModel> all = new ArrayList<>(generated);
    all.addAll(models);
    if (diagnostics.errorCount() > 0 || !validator.validate(all)) {
      return false;
    }
    Map<String, EntityModel> byType = new HashMap<>();
    all.forEach(m -> byType.put(m.element().getQualifiedName().toString(), m));
    Map<EntityModel, List<ResolvedRelation>> relations = new HashMap<>();
    for (EntityModel model : models) {
      relations.put(model, relationValidator.resolve(model, byType));
    }
    if (diagnostics.errorCount() > 0) {
      return false;
    }
    for (EntityModel model : models) {
      try {
        metamodels.write(model, relations.get(model));
        repositories.write(model);
      } catch (RuntimeException e) {
        internalError(model.element(), e);
      }
    }
    writeSchema(models, all);
    generated.addAll(models);
    return false;
  }

  private List<TypeElement> typesToProcess(RoundEnvironment round) {
    Set<TypeElement> types = new LinkedHashSet<>();
    for (String name : deferred) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
          .ifPresent(types::add);
    }
    deferred.clear();
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
    } catch (RuntimeException e) {
      internalError(models.get(0).element(), e);
    }
  }

  private void reportStillDeferred() {
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        diagnostics.error(type, Code.INTERNAL_ERROR, "a type it uses never became available",
            "check that every type the entity mentions exists and compiles");
      }
    }
  }

  private void internalError(Element element, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    diagnostics.error(element, Code.INTERNAL_ERROR, e.getClass().getSimpleName(), trace);
  }
}
