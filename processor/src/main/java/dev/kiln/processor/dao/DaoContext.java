package dev.kiln.processor.dao;

import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.verify.PlanCheck;
import dev.kiln.processor.verify.QueryLog;
import dev.kiln.processor.verify.ShadowDatabase;
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
  final ShadowDatabase shadow;
  final PlanCheck planCheck;
  final boolean plansAreErrors;
  final QueryLog log;

  public DaoContext(ProcessingEnvironment env, Diagnostics diagnostics,
      Map<String, EntityModel> byType, ShadowDatabase shadow, boolean plansAreErrors,
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

  private static String fix(PlanCheck.Scan scan, Optional<EntityModel> entity,
      PropertyModel suggested) {
    if (entity.isEmpty()) {
      return "add an index on the filtered columns of " + scan.table();
    }
    Optional<PropertyModel> property = suggested != null
        && entity.get().columns().contains(suggested) ? Optional.of(suggested)
        : Optional.ofNullable(scan.column()).flatMap(c -> entity.get().columns().stream()
            .filter(p -> p.column().equalsIgnoreCase(c)).findFirst());
    if (property.isEmpty()) {
      return "add an @Index on the filtered properties to " + entity.get().simpleName();
    }
    if (property.get().kind().ordering() != dev.kiln.migrations.schema.Ordering.NATIVE) {
      // Decimal text and offset date-times compare through an expression, which an index on
      // the bare column cannot serve.
      return entity.get().simpleName() + "." + property.get().name() + " is compared through"
          + " an expression (" + property.get().kind().ordering().wrap(property.get().column())
          + ") that an index on the column cannot serve; filter on an indexed property as well";
    }
    return "add @Index(columns = \"" + property.get().name() + "\") to "
        + entity.get().simpleName();
  }

}
