package dev.kiln.processor.sql;

import static dev.kiln.migrations.schema.SqliteDdl.quote;

import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.ValueKind;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SQL of one entity's repository, built in one place. Every statement binds values with
 * {@code ?}; column lists follow {@link EntityModel#columns()} order, which is also the order in
 * which the generated code binds and reads them.
 */
public final class EntitySql {

  private final EntityModel entity;
  private final String table;

  public EntitySql(EntityModel entity) {
    this.entity = entity;
    this.table = quote(entity.table());
  }

  /** {@code "id", "name", …}: what every {@code SELECT} reads. */
  public String columns() {
    return join(entity.columns(), p -> quote(p.column()), ", ");
  }

  public String findById() {
    return "SELECT " + columns() + " FROM " + table + " WHERE " + keyCondition() + andLive();
  }

  public String findAll() {
    return "SELECT " + columns() + " FROM " + table + whereLive() + " ORDER BY " + keyList();
  }

  /** The part of {@code findAllById} before its {@code ?, ?, …} list. */
  public String findAllByIdPrefix() {
    String live = entity.liveCondition(c -> quote(c));
    return "SELECT " + columns() + " FROM " + table + " WHERE "
        + (live == null ? "" : live + " AND ") + keyList() + " IN (";
  }

  public String findAllByIdSuffix() {
    return ") ORDER BY " + keyList();
  }

  public String count() {
    return "SELECT count(*) FROM " + table + whereLive();
  }

  public String existsById() {
    return "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + keyCondition() + andLive()
        + ")";
  }

  /** Inserts every column, the key included. */
  public String insert() {
    return "INSERT INTO " + table + " (" + columns() + ") VALUES ("
        + placeholders(entity.columns().size()) + ")";
  }

  /** Inserts every column but the generated key, and returns the key SQLite assigned. */
  public String insertGenerated() {
    PropertyModel key = entity.generatedKey().orElseThrow();
    return insertWithoutKey() + " RETURNING " + quote(key.column());
  }

  /** Inserts every column but the generated key, for the database to assign it. */
  public String insertWithoutKey() {
    PropertyModel key = entity.generatedKey().orElseThrow();
    List<PropertyModel> rest = entity.columns().stream().filter(p -> p != key).toList();
    // An entity that is nothing but its generated key (a sequence, a ticket) has no column to
    // list, and "INSERT INTO t () VALUES ()" is not SQL.
    String values = rest.isEmpty() ? " DEFAULT VALUES"
        : " (" + join(rest, p -> quote(p.column()), ", ") + ") VALUES ("
            + placeholders(rest.size()) + ")";
    return "INSERT INTO " + table + values;
  }

  /**
   * Updates the non-key columns by key. A {@code @Version} column is not bound but incremented,
   * and must match the version the entity was read with.
   */
  public String update() {
    String set = entity.nonKeys().stream()
        .map(p -> quote(p.column()) + " = " + (p.version() ? quote(p.column()) + " + 1" : "?"))
        .collect(Collectors.joining(", "));
    return "UPDATE " + table + " SET " + set + " WHERE " + keyCondition() + versionCondition()
        + andLive();
  }

  /**
   * {@code INSERT … ON CONFLICT (key) DO UPDATE}: inserts the row, or updates it in place. With a
   * {@code @Version}, the update happens only when the versions match, and {@code RETURNING}
   * tells the caller which version is stored (no row: a conflict).
   */
  public String upsert() {
    String conflict = " ON CONFLICT (" + keyList() + ") DO ";
    List<PropertyModel> nonKeys = entity.nonKeys();
    if (nonKeys.isEmpty()) {
      return insert() + conflict + "NOTHING";
    }
    // The stored row's columns are qualified with the table: beside "excluded" a bare name is
    // ambiguous to PostgreSQL.
    // A row's @CreatedAt stays the time it was first inserted.
    String set = nonKeys.stream()
        .map(p -> quote(p.column()) + " = " + (p.version()
            ? table + "." + quote(p.column()) + " + 1"
            : p.audit() == PropertyModel.Audit.CREATED_AT
                ? "coalesce(" + table + "." + quote(p.column()) + ", excluded."
                    + quote(p.column()) + ")"
                : "excluded." + quote(p.column())))
        .collect(Collectors.joining(", "));
    String sql = insert() + conflict + "UPDATE SET " + set;
    return entity.version()
        .map(v -> sql + " WHERE " + table + "." + quote(v.column()) + " = excluded."
            + quote(v.column()) + " RETURNING " + table + "." + quote(v.column()))
        .orElse(sql);
  }

  /**
   * The upsert of a versioned entity for a JDBC batch: no {@code RETURNING}, so that each row's
   * update count says whether its version matched (0 when it did not).
   */
  public String upsertBatch() {
    String sql = upsert();
    int returning = sql.lastIndexOf(" RETURNING ");
    return returning < 0 ? sql : sql.substring(0, returning);
  }

  /**
   * Deletes by key; with {@code @SoftDelete}, marks the live row deleted instead (a time is
   * bound first, as the statement's first parameter).
   */
  public String deleteById() {
    return entity.softDelete().isEmpty() ? "DELETE FROM " + table + " WHERE " + keyCondition()
        : softDelete() + " WHERE " + keyCondition() + andLive();
  }

  /** Deletes by key and version; with {@code @SoftDelete}, marks the row and bumps the version. */
  public String deleteVersioned() {
    return entity.softDelete().isEmpty() ? deleteById() + versionCondition()
        : softDelete() + " WHERE " + keyCondition() + versionCondition() + andLive();
  }

  /**
   * {@code UPDATE t SET deleted = TRUE} or {@code = ?} (a time, bound first), with the version
   * incremented: how every delete of a {@code @SoftDelete} entity begins.
   */
  public String softDelete() {
    PropertyModel mark = entity.softDelete().orElseThrow();
    String set = quote(mark.column()) + " = "
        + (mark.kind() == ValueKind.INSTANT ? "?" : "TRUE")
        + entity.version().map(v -> ", " + quote(v.column()) + " = " + quote(v.column()) + " + 1")
            .orElse("");
    return "UPDATE " + table + " SET " + set;
  }

  private String andLive() {
    String live = entity.liveCondition(c -> quote(c));
    return live == null ? "" : " AND " + live;
  }

  private String whereLive() {
    String live = entity.liveCondition(c -> quote(c));
    return live == null ? "" : " WHERE " + live;
  }

  /** Every statement the repository runs, by method, for the build's query list. */
  public java.util.Map<String, String> all() {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("findById", findById());
    all.put("findAll", findAll());
    all.put("count", count());
    all.put("existsById", existsById());
    all.put("insert", insert());
    entity.generatedKey().ifPresent(k -> {
      all.put("insert (generated key)", insertGenerated());
      all.put("bulkInsert (generated key)", insertWithoutKey());
    });
    if (!entity.nonKeys().isEmpty()) {
      all.put("update", update());
    }
    all.put("upsert", upsert());
    if (entity.version().isPresent() && entity.keys().size() == 1) {
      all.put("upsertAll", upsertBatch());
    }
    all.put("deleteById", deleteById());
    if (entity.version().isPresent()) {
      all.put("delete (versioned)", deleteVersioned());
    }
    return all;
  }

  private String versionCondition() {
    return entity.version().map(v -> " AND " + quote(v.column()) + " = ?").orElse("");
  }

  private String keyCondition() {
    return join(entity.keys(), p -> quote(p.column()) + " = ?", " AND ");
  }

  private String keyList() {
    return join(entity.keys(), p -> quote(p.column()), ", ");
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static String join(List<PropertyModel> properties,
      Function<PropertyModel, String> render, String separator) {
    return properties.stream().map(render).collect(Collectors.joining(separator));
  }
}
