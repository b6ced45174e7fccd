package dev.kiln.processor.migrate;

import dev.kiln.migrations.diff.Change;
import dev.kiln.migrations.diff.DataLoss;
import dev.kiln.migrations.diff.MigrationFile;
import dev.kiln.migrations.diff.MigrationPlan;
import dev.kiln.migrations.diff.Risk;
import dev.kiln.migrations.dialect.postgresql.PostgresMigrationPlanner;
import dev.kiln.migrations.dialect.postgresql.SchemaSnapshot;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import dev.kiln.migrations.script.ScriptException;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.schema.SchemaBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;

/**
 * Writes the next PostgreSQL migration ({@code -Akiln.dialects=…,postgresql}) into
 * {@code <kiln.migrations>/postgresql/}, from the same entity change as SQLite's, in
 * PostgreSQL's own DDL ({@link PostgresMigrationPlanner}).
 *
 * <p>The schema the existing PostgreSQL migrations produce is read from their
 * {@link SchemaSnapshot}, which this class rewrites beside every migration it writes: the build
 * has no PostgreSQL server to replay them on. Kiln writes the snapshot with every file it writes,
 * so the files after the snapshot's version are hand-written: they are welcome as long as they
 * leave Kiln's tables as the snapshot says (data, functions, triggers, the application's own
 * tables; the live schema check at start-up reports any difference), and the next generated
 * migration comes after them.
 */
final class PostgresMigrationGenerator {

  private final MigrationGenerator owner;
  private final Diagnostics diagnostics;
  private final MigrationWriter writer;

  PostgresMigrationGenerator(MigrationGenerator owner, Diagnostics diagnostics,
      MigrationWriter writer) {
    this.owner = owner;
    this.diagnostics = diagnostics;
    this.writer = writer;
  }

  /**
   * Writes the next migration when the entities differ from the snapshot.
   *
   * @param alone whether SQLite's migrations are not written in this build, so that the losses
   *     and risks are reported here rather than there
   */
  void generate(List<EntityModel> entities, Path folder, Allowances allowances, boolean alone) {
    List<Migration> existing;
    try {
      existing = Migrations.fromDirectory(folder);
      Migrations.checkSequence(existing);
    } catch (ScriptException e) {
      diagnostics.error(Code.POSTGRES_MIGRATIONS_INVALID, folder, e.getMessage());
      return;
    }
    SchemaSnapshot current = snapshot(folder, existing);
    if (current == null) {
      return;
    }
    Schema target = SchemaBuilder.build(entities);
    MigrationPlan plan = PostgresMigrationPlanner.plan(current.schema(), target,
        MigrationGenerator.renames(entities));
    int version = current.version() + 1;
    if (alone) {
      boolean refused = false;
      for (DataLoss loss : plan.losses()) {
        if (!allowances.allows(loss)) {
          owner.refuse(loss, entities, folder, version);
          refused = true;
        }
      }
      if (refused) {
        return;
      }
    }
    List<Element> origins = entities.stream().map(e -> owner.current(e.element())).toList();
    if (plan.isEmpty()) {
      publish(existing, origins);
      return;
    }
    String name = MigrationFile.name(version, plan);
    String content = MigrationFile.renderForPostgres(name, MigrationGenerator.basis(existing),
        plan);
    if (alone) {
      for (Risk risk : plan.risks()) {
        diagnostics.note(Code.MIGRATION_RISK, risk.table(), risk.column(), risk.problem(), name);
      }
    }
    try {
      writer.create(folder, name, content);
      writer.create(folder, SchemaSnapshot.FILE, new SchemaSnapshot(version, target).render());
    } catch (IOException | RuntimeException e) {
      diagnostics.error(Code.MIGRATION_WRITE_FAILED, name, folder, e);
      return;
    }
    diagnostics.info(Code.MIGRATION_WRITTEN, name, folder, plan.changes().stream()
        .map(Change::description).filter(d -> !d.isEmpty()).collect(Collectors.joining("; ")));
    List<Migration> all = new ArrayList<>(existing);
    all.add(Migration.of(name, content, folder.resolve(name).toString()));
    publish(all, origins);
  }

  /**
   * The schema the existing migrations produce, as at the last of them: none before the first,
   * otherwise the snapshot, with the hand-written files after it taken to leave Kiln's tables as
   * they were. Null after reporting why it cannot be read.
   */
  private SchemaSnapshot snapshot(Path folder, List<Migration> existing) {
    if (existing.isEmpty()) {
      return new SchemaSnapshot(0, new Schema(List.of()));
    }
    Path file = folder.resolve(SchemaSnapshot.FILE);
    int last = existing.get(existing.size() - 1).version();
    if (!Files.isRegularFile(file)) {
      diagnostics.error(Code.POSTGRES_MIGRATIONS_INVALID, folder, "there are migrations but no "
          + SchemaSnapshot.FILE + ", the record of the schema they produce from which Kiln"
          + " writes the next one. Restore it from version control");
      return null;
    }
    SchemaSnapshot snapshot;
    try {
      snapshot = SchemaSnapshot.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      diagnostics.error(Code.POSTGRES_MIGRATIONS_INVALID, folder, e.getMessage());
      return null;
    }
    if (snapshot.version() > last) {
      diagnostics.error(Code.POSTGRES_MIGRATIONS_INVALID, folder, SchemaSnapshot.FILE
          + " records the schema of V" + snapshot.version() + " but the last migration is V"
          + last + ": migrations Kiln wrote are missing. Restore them from version control");
      return null;
    }
    return new SchemaSnapshot(last, snapshot.schema());
  }

  private void publish(List<Migration> migrations, List<Element> origins) {
    try {
      writer.publish(Migrations.POSTGRESQL_LOCATION, migrations, origins);
    } catch (IOException | RuntimeException e) {
      diagnostics.error(Code.MIGRATION_WRITE_FAILED, "files",
          "the class output (" + Migrations.POSTGRESQL_LOCATION + "/)", e);
    }
  }
}
