package dev.kiln.processor.dao;

import com.palantir.javapoet.ClassName;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.DaoMethod;
import dev.kiln.processor.model.DaoModel;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.parse.Annotations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Parses a {@code @Dao} interface: each abstract method is an {@code @Sql} method or a derived
 * finder, checked against the entities and the shadow database. Default and static methods are
 * the user's own and are left alone.
 */
public final class DaoParser {

  private final DaoContext context;
  private final Annotations annotations;
  private final DerivedMethodParser derived;
  private final SqlMethodParser sql;

  public DaoParser(DaoContext context) {
    this.context = context;
    this.annotations = new Annotations(context.env.getElementUtils());
    this.derived = new DerivedMethodParser(context);
    this.sql = new SqlMethodParser(context);
  }

  /** The parsed DAO, or empty when an error was reported on it. */
  public Optional<DaoModel> parse(TypeElement dao) {
    if (dao.getKind() != ElementKind.INTERFACE) {
      context.diagnostics.error(dao, Code.DAO_NOT_INTERFACE, dao.getSimpleName(),
          "a " + dao.getKind().toString().toLowerCase(java.util.Locale.ROOT));
      return Optional.empty();
    }
    int before = context.diagnostics.errorCount();
    String name = dao.getSimpleName().toString();
    EntityModel defaultEntity = defaultEntity(dao);
    boolean daoAllowsScan = annotations.find("AllowScan", dao).isPresent();
    List<DaoMethod> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(dao.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      boolean allowScan = daoAllowsScan || annotations.find("AllowScan", method).isPresent();
      Optional<AnnotationMirror> sqlAnnotation = annotations.find("Sql", method);
      DaoMethod parsed = sqlAnnotation.isPresent()
          ? sql.parse(name, method, annotations.string(sqlAnnotation.get(), "value"), allowScan)
          : derived.parse(name, method, defaultEntity, allowScan);
      if (parsed != null) {
        methods.add(parsed);
      }
    }
    if (context.diagnostics.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new DaoModel(dao, ClassName.get(dao), methods));
  }

  /**
   * The entity of derived methods whose return type names none: {@code @Dao(Entity.class)}, or
   * the one entity the interface's find methods return.
   */
  private EntityModel defaultEntity(TypeElement dao) {
    Optional<AnnotationMirror> annotation = annotations.find("Dao", dao);
    if (annotation.isPresent()) {
      TypeMirror named = annotations.type(annotation.get(), "value");
      if (named.getKind() != TypeKind.VOID) {
        return context.entity(named).orElse(null);
      }
    }
    Set<EntityModel> returned = new LinkedHashSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(dao.getEnclosedElements())) {
      context.entity(ReturnType.of(method.getReturnType()).row()).ifPresent(returned::add);
    }
    return returned.size() == 1 ? returned.iterator().next() : null;
  }
}
