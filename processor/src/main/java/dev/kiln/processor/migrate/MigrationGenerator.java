package dev.kiln.processor.migrate;

import dev.kiln.migrations.diff.Change;
import dev.kiln.migrations.diff.DataLoss;
import dev.kiln.migrations.diff.ManagedIndexes;
import dev.kiln.migrations.diff.MigrationFile;
import dev.kiln.migrations.diff.MigrationPlan;
import dev.kiln.migrations.diff.Renames;
import dev.kiln.migrations.diff.Risk;
import dev.kiln.migrations.diff.SchemaDiff;
import dev.kiln.migrations.diff.SchemaObject;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import dev.kiln.migrations.script.ScriptException;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.schema.SchemaBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The shadow-database stage: replays the migrations already in the {@code -Akiln.migrations}
 * folder into an in-memory SQLite, reads the schema they produce, compares it with the entities'
 * schema and, when they differ, writes the next migration.
 *
 * <p>Nothing is written when a step would destroy data that the build was not allowed to
 * destroy, or when the new file, replayed after the others, would not produce exactly the
 * entities' schema. Without the option, the build only warns: the runtime then creates missing
 * tables from the compiled-in schema.
 */
public final class MigrationGenerator {

  private final Elements elements;
  private final Diagnostics diagnostics;
  private final MigrationWriter writer;
  private final String folderOption;
  private final String allowOption;
  private final String dialectsOption;

  /**
   * @param folderOption the {@code kiln.migrations} option, or null
   * @param allowOption the {@code kiln.allowDestructive} option, or null
   * @param dialectsOption the {@code kiln.dialects} option, or null for SQLite alone
   */
  public MigrationGenerator(Filer filer, Elements elements, Diagnostics diagnostics,
      String folderOption, String allowOption, String dialectsOption) {
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.writer = new MigrationWriter(filer);
    this.folderOption = folderOption;
    this.allowOption = allowOption;
    this.dialectsOption = dialectsOption;
  }

  /** Writes the next migration for {@code entities}, all the entities of the compilation. */
  public void generate(List<EntityModel> entities) {
    if (entities.isEmpty()) {
      return;
    }
    if (folderOption == null || folderOption.isBlank()) {
      diagnostics.note(Code.MIGRATIONS_OPTION_MISSING);
      return;
    }
    Path folder = Path.of(folderOption).toAbsolutePath().normalize();
    java.util.Set<String> dialects = dialects();
    if (dialects == null) {
      return;
    }
    boolean refused = false;
    if (dialects.contains("sqlite")) {
      refused = generateSqlite(entities, folder);
    }
    if (dialects.contains("postgresql") && !refused) {
      new PostgresMigrationGenerator(this, diagnostics, writer).generate(entities,
          folder.resolve("postgresql"), new Allowances(allowOption), !dialects.contains("sqlite"));
    }
  }

  /** The engines named by {@code -Akiln.dialects}, or null after reporting an unknown one. */
  private java.util.Set<String> dialects() {
    java.util.Set<String> dialects = new java.util.LinkedHashSet<>();
    String option = dialectsOption == null || dialectsOption.isBlank() ? "sqlite" : dialectsOption;
    for (String name : option.split(",")) {
      String dialect = name.strip().toLowerCase(java.util.Locale.ROOT);
      if (!dialect.equals("sqlite") && !dialect.equals("postgresql")) {
        diagnostics.error(Code.DIALECTS_UNKNOWN, name.strip());
        return null;
      }
      dialects.add(dialect);
    }
    return dialects;
  }

  /** Writes SQLite's next migration; returns whether a loss of data refused it. */
  private boolean generateSqlite(List<EntityModel> entities, Path folder) {
    List<Migration> existing;
    try {
      existing = Migrations.fromDirectory(folder);
      Migrations.checkSequence(existing);
    } catch (ScriptException e) {
      diagnostics.error(Code.MIGRATION_FOLDER_INVALID, folder, e.getMessage());
      return false;
    }
    try (ShadowDatabase shadow = ShadowDatabase.open()) {
      if (replay(shadow, existing, folder)) {
        return next(shadow, existing, folder, entities);
      }
    } catch (SQLException | RuntimeException e) {
      diagnostics.error(current(entities.get(0).element()), Code.INTERNAL_ERROR,
          "the migration stage failed", e);
    }
    return false;
  }

  private boolean replay(ShadowDatabase shadow, List<Migration> existing, Path folder) {
    for (Migration m : existing) {
      try {
        shadow.replay(m);
      } catch (ScriptException e) {
        diagnostics.error(Code.MIGRATION_REPLAY_FAILED, m.script(), e.getMessage(), folder);
        return false;
      }
    }
    return true;
  }

  private boolean next(ShadowDatabase shadow, List<Migration> existing, Path folder,
      List<EntityModel> entities) throws SQLException {
    Schema target = ShadowDatabase.schemaOf(
        SqliteDdl.createSchema(SchemaBuilder.build(entities)));
    // Indexes written by hand are left alone: out of the comparison, and carried across rebuilds.
    ManagedIndexes managed = ManagedIndexes.of(target, existing);
    Schema current = shadow.schema().withIndexes(managed::manages);
    Renames renames = renames(entities);
    // Views, triggers and indexes are read after the renames, which SQLite carries into their SQL.
    for (Change rename : renames.steps(current, target)) {
      shadow.execute(rename.statements());
    }
    List<SchemaObject> dependents = new ArrayList<>(SchemaObject.read(shadow.connection()));
    dependents.addAll(SchemaObject.indexes(shadow.connection(), name -> !managed.manages(name)));
    MigrationPlan plan = SchemaDiff.plan(current, target, renames, dependents);
    int version = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).version() + 1;
    Allowances allowances = new Allowances(allowOption);
    boolean refused = false;
    for (DataLoss loss : plan.losses()) {
      if (!allowances.allows(loss)) {
        refuse(loss, entities, folder, version);
        refused = true;
      }
    }
    allowances.unused().forEach(name -> diagnostics.note(Code.UNUSED_ALLOWANCE, name));
    if (refused) {
      return true;
    }
    if (plan.isEmpty()) {
      publish(existing, entities);
      return false;
    }
    String name = MigrationFile.name(version, plan);
    String content = MigrationFile.render(name, basis(existing), plan);
    if (!producesTarget(existing, name, content, target, folder)) {
      return false;
    }
    for (Risk risk : plan.risks()) {
      Element element = property(entities, risk.table(), risk.column())
          .map(p -> current(p.element())).orElse(null);
      if (element != null) {
        diagnostics.warning(element, Code.MIGRATION_RISK, risk.table(), risk.column(),
            risk.problem(), name);
      } else {
        diagnostics.note(Code.MIGRATION_RISK, risk.table(), risk.column(), risk.problem(), name);
      }
    }
    try {
      writer.create(folder, name, content);
    } catch (IOException | RuntimeException e) {
      diagnostics.error(Code.MIGRATION_WRITE_FAILED, name, folder, e);
      return false;
    }
    diagnostics.info(Code.MIGRATION_WRITTEN, name, folder, plan.changes().stream()
        .map(Change::description).filter(d -> !d.isEmpty()).collect(Collectors.joining("; ")));
    List<Migration> all = new ArrayList<>(existing);
    all.add(Migration.of(name, content, folder.resolve(name).toString()));
    publish(all, entities);
    return false;
  }

  private void publish(List<Migration> migrations, List<EntityModel> entities) {
    try {
      writer.publish(migrations, entities.stream().map(e -> current(e.element())).toList());
    } catch (IOException | RuntimeException e) {
      diagnostics.error(Code.MIGRATION_WRITE_FAILED, "files", "the class output (db/kiln/)", e);
    }
  }

  void refuse(DataLoss loss, List<EntityModel> entities, Path folder, int version) {
    String hint;
    if (loss.column() == null) {
      hint = "If the entity was renamed, keep the table and its rows with @Table(renamedFrom"
          + " = \"" + loss.table() + "\") on it, or keep the old name with @Table(name = \""
          + loss.table() + "\"). ";
    } else if (entity(entities, loss.table()).flatMap(e -> e.columns().stream()
        .filter(p -> p.column().equalsIgnoreCase(loss.column())).findFirst()).isEmpty()) {
      hint = "If the property was renamed, keep the data with @Column(renamedFrom = \""
          + loss.column() + "\") on it instead. ";
    } else {
      hint = "";
    }
    String where = folder.resolve("V" + version + "__<description>.sql").toString();
    Object[] args = {loss.what(), loss.allowKey(), loss.allowKey(), hint, where};
    Optional<Element> element = property(entities, loss.table(), loss.column())
        .map(p -> current(p.element()))
        .or(() -> entity(entities, loss.table()).map(e -> current(e.element())));
    if (element.isPresent()) {
      diagnostics.error(element.get(), Code.MIGRATION_DROPS_DATA, args);
    } else {
      diagnostics.error(Code.MIGRATION_DROPS_DATA, args);
    }
  }

  /** Replays everything plus the new file in a fresh database: it must give the target. */
  private boolean producesTarget(List<Migration> existing, String name, String content,
      Schema target, Path folder) throws SQLException {
    MigrationPlan left;
    try (ShadowDatabase check = ShadowDatabase.open()) {
      List<Migration> all = new ArrayList<>(existing);
      all.add(Migration.of(name, content, name));
      all.forEach(check::replay);
      ManagedIndexes managed = ManagedIndexes.of(target, all);
      left = SchemaDiff.compare(check.schema().withIndexes(managed::manages), target);
    } catch (ScriptException e) {
      diagnostics.error(Code.MIGRATION_SELF_CHECK, name, e.getMessage(), folder);
      return false;
    }
    if (!left.isEmpty()) {
      diagnostics.error(Code.MIGRATION_SELF_CHECK, name, left.changes().stream()
          .map(Change::description).collect(Collectors.joining("; ")), folder);
      return false;
    }
    return true;
  }

  /**
   * The element of this round for one parsed in an earlier round, since javac's elements do not
   * outlive their round and migrations are written in the last one. A record component becomes
   * its field: javac gives record components no source position, so a message on one would name
   * no file.
   */
  Element current(Element earlier) {
    if (earlier instanceof TypeElement type) {
      TypeElement now = elements.getTypeElement(type.getQualifiedName());
      return now != null ? now : earlier;
    }
    ElementKind kind = earlier.getKind() == ElementKind.RECORD_COMPONENT ? ElementKind.FIELD
        : earlier.getKind();
    Element owner = current(earlier.getEnclosingElement());
    for (Element member : owner.getEnclosedElements()) {
      if (member.getKind() == kind
          && member.getSimpleName().contentEquals(earlier.getSimpleName())) {
        return member;
      }
    }
    return owner;
  }

  static Renames renames(List<EntityModel> entities) {
    Renames renames = Renames.none();
    for (EntityModel entity : entities) {
      if (entity.renamedFrom() != null) {
        renames.addTable(entity.renamedFrom(), entity.table());
      }
      for (PropertyModel p : entity.columns()) {
        if (p.renamedFrom() != null) {
          renames.add(entity.table(), p.renamedFrom(), p.column());
        }
      }
    }
    return renames;
  }

  static String basis(List<Migration> existing) {
    if (existing.isEmpty()) {
      return "an empty database";
    }
    int last = existing.get(existing.size() - 1).version();
    return existing.size() == 1 ? "V" + last : "V" + existing.get(0).version() + " to V" + last;
  }

  private static Optional<EntityModel> entity(List<EntityModel> entities, String table) {
    return entities.stream().filter(e -> e.table().equalsIgnoreCase(table)).findFirst();
  }

  static Optional<PropertyModel> property(
      List<EntityModel> entities, String table, String column) {
    if (column == null) {
      return Optional.empty();
    }
    return entity(entities, table).flatMap(e -> e.columns().stream()
        .filter(p -> p.column().equalsIgnoreCase(column)).findFirst());
  }
}
