package dev.kiln.processor.dao;

import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.SqlVariant;
import dev.kiln.migrations.plan.PlanCheck;
import dev.kiln.processor.verify.QueryLog;
import dev.kiln.processor.verify.QueryVerifier;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What the {@code @Dao} parsers share: the entities, the shadow database statements are checked
 * on, the plan check and its strictness, and the query log.
 */
public final class DaoContext {

  final ProcessingEnvironment env;
  final Types types;
  final Diagnostics diagnostics;
  final Map<String, EntityModel> byType;
  final QueryVerifier shadow;
  final PlanCheck planCheck;
  final boolean plansAreErrors;
  final QueryLog log;

  public DaoContext(ProcessingEnvironment env, Diagnostics diagnostics,
      Map<String, EntityModel> byType, QueryVerifier shadow, boolean plansAreErrors,
      QueryLog log) {
    this.env = env;
    this.types = env.getTypeUtils();
    this.diagnostics = diagnostics;
    this.byType = byType;
    this.shadow = shadow;
    this.planCheck = new PlanCheck(shadow.schema());
    this.plansAreErrors = plansAreErrors;
    this.log = log;
  }

  /** The entity {@code type} is, if it is one of this compilation's entities. */
  Optional<EntityModel> entity(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return Optional.ofNullable(byType.get(element.getQualifiedName().toString()));
  }

  /** The entity whose table is {@code table}. */
  Optional<EntityModel> entityOfTable(String table) {
    return byType.values().stream().filter(e -> e.table().equalsIgnoreCase(table)).findFirst();
  }

  /**
   * Logs PostgreSQL's statement of {@code owner} where it differs from SQLite's, so that the
   * query list shows it and the runtime names it; the server plans it, not the build.
   */
  void logPostgresql(String owner, String sqliteSql, SqlVariant postgresql) {
    if (postgresql != null && !postgresql.sql().equals(sqliteSql)) {
      log.add(owner + " (postgresql)", postgresql.sql(),
          List.of("(planned by the PostgreSQL server)"));
    }
  }

  /**
   * Logs {@code sql} under {@code owner} and reports its table scans on {@code element}, unless
   * {@code allowScan}. {@code suggested} names the property to index when the caller knows it.
   */
  void checkPlan(Element element, String owner, String sql, boolean allowScan,
      PropertyModel suggested) {
    List<String> plan;
    try {
      plan = shadow.plan(sql);
    } catch (SQLException e) {
      return; // the statement was prepared already; a plan failure is not the user's problem
    }
    log.add(owner, sql, plan);
    if (allowScan) {
      return;
    }
    for (PlanCheck.Scan scan : planCheck.scans(sql, plan)) {
      Optional<EntityModel> entity = entityOfTable(scan.table());
      if (entity.isPresent() && isAllowed(entity.get())) {
        continue;
      }
      String fix = fix(scan, entity, suggested);
      if (plansAreErrors) {
        diagnostics.error(element, Code.PLAN_SCAN, owner, scan.table(), scan.planLine(), fix);
      } else {
        diagnostics.warning(element, Code.PLAN_SCAN, owner, scan.table(), scan.planLine(), fix);
      }
    }
  }

  private static boolean isAllowed(EntityModel entity) {
    return entity.element().getAnnotationMirrors().stream().anyMatch(a ->
        ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
            .contentEquals("dev.kiln.annotations.AllowScan"));
  }

  /**
   * The index to add: on {@code suggested} unless one already starts with it, else on the
   * column the plan check found. An index that exists but was not used cannot be the fix.
   */
  private static String fix(PlanCheck.Scan scan, Optional<EntityModel> entity,
      PropertyModel suggested) {
    if (entity.isEmpty()) {
      return "add an index on the filtered columns of " + scan.table();
    }
    EntityModel e = entity.get();
    boolean suggestable = suggested != null && e.columns().contains(suggested);
    if (suggestable
        && suggested.kind().ordering() != dev.kiln.migrations.schema.Ordering.NATIVE) {
      // Decimal text and offset date-times compare through an expression, which an index on
      // the bare column cannot serve: suggesting one would not help.
      return e.simpleName() + "." + suggested.name() + " is compared through an expression ("
          + dev.kiln.migrations.dialect.SqlDialect.SQLITE.wrap(suggested.kind().ordering(),
              suggested.column()) + ") that an index on the"
          + " column cannot serve: also filter on a property an index can search by";
    }
    String property = suggestable && !e.leadsAnIndex(suggested) ? suggested.name()
        : scan.column() == null ? null : e.columns().stream()
            .filter(p -> p.column().equalsIgnoreCase(scan.column()))
            .map(PropertyModel::name).findFirst().orElse(null);
    if (property != null) {
      return "add @Index(columns = \"" + property + "\") to " + e.simpleName();
    }
    if (suggestable) {
      return "the index on " + e.simpleName() + "." + suggested.name() + " cannot serve this"
          + " condition (SQLite uses none for LIKE, a negation or IgnoreCase, nor for a"
          + " BigDecimal, BigInteger or OffsetDateTime, which Kiln compares through an"
          + " expression): also filter on a property it can search by";
    }
    return "add an @Index on the filtered properties to " + e.simpleName();
  }

}
