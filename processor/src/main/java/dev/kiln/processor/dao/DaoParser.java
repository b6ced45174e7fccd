package dev.kiln.processor.dao;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.DaoMethod;
import dev.kiln.processor.model.DaoModel;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.ResultShape;
import dev.kiln.processor.parse.Annotations;
import dev.kiln.processor.parse.Deferral;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
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

  /**
   * The parsed DAO, or empty when an error was reported on it.
   *
   * @throws Deferral when a method mentions a type that does not exist (yet)
   */
  public Optional<DaoModel> parse(TypeElement dao) {
    if (dao.getKind() != ElementKind.INTERFACE) {
      context.diagnostics.error(dao, Code.DAO_NOT_INTERFACE, dao.getSimpleName(),
          "a " + dao.getKind().toString().toLowerCase(java.util.Locale.ROOT));
      return Optional.empty();
    }
    if (!dao.getTypeParameters().isEmpty()) {
      context.diagnostics.error(dao, Code.DAO_GENERIC, dao.getSimpleName(),
          "<" + dao.getTypeParameters().stream().map(Object::toString)
              .collect(java.util.stream.Collectors.joining(", ")) + ">");
      return Optional.empty();
    }
    for (ExecutableElement method : ElementFilter.methodsIn(dao.getEnclosedElements())) {
      requireExisting(method.getReturnType(), method);
      method.getParameters().forEach(p -> requireExisting(p.asType(), method));
    }
    Optional<TypeMirror> named = namedEntity(dao);
    if (named.isPresent() && context.entity(named.get()).isEmpty()) {
      AnnotationMirror annotation = annotations.find("Dao", dao).orElseThrow();
      context.diagnostics.error(dao, annotation, annotations.value(annotation, "value"),
          Code.DAO_VALUE_NOT_ENTITY, TypeName.get(named.get()), dao.getSimpleName());
      return Optional.empty();
    }
    int before = context.diagnostics.errorCount();
    String name = dao.getSimpleName().toString();
    List<EntityModel> mentioned = mentionedEntities(dao);
    EntityModel defaultEntity = named.isPresent() ? context.entity(named.get()).orElseThrow()
        : mentioned.size() == 1 ? mentioned.get(0) : null;
    boolean daoAllowsScan = annotations.find("AllowScan", dao).isPresent();
    List<DaoMethod> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(dao.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      boolean allowScan = daoAllowsScan || annotations.find("AllowScan", method).isPresent();
      Optional<AnnotationMirror> sqlAnnotation = annotations.find("Sql", method);
      DaoMethod parsed = sqlAnnotation.isPresent()
          ? sql.parse(name, method, annotations.string(sqlAnnotation.get(), "value"),
              annotations.string(sqlAnnotation.get(), "postgresql"), allowScan)
          : derived.parse(name, method, defaultEntity, mentioned, allowScan);
      if (parsed != null && annotations.find("Cached", method).isPresent()) {
        parsed = cached(name + "." + method.getSimpleName(), parsed);
      }
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
   * {@code parsed}, a {@code @Cached} method, with the tables its statement reads; null, with an
   * error on the method, when its results cannot be cached safely.
   */
  private DaoMethod cached(String label, DaoMethod parsed) {
    ExecutableElement method = parsed.element();
    ResultShape result = parsed.result();
    if (parsed.write()) {
      context.diagnostics.error(method, Code.CACHED_NOT_QUERY, label, "changes rows", "");
      return null;
    }
    if (result.wrapper() == ResultShape.Wrapper.STREAM) {
      context.diagnostics.error(method, Code.CACHED_NOT_QUERY, label,
          "returns a Stream, which is read once", ", or return a List");
      return null;
    }
    if (result.kind() == ResultShape.Kind.PROJECTION) {
      TypeMirror row = ReturnType.of(method.getReturnType()).row();
      Element type = context.env.getTypeUtils().asElement(row);
      if (type != null && type.getKind() == ElementKind.CLASS) {
        List<String> mutable = ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
            .filter(f -> !f.getModifiers().contains(Modifier.STATIC)
                && !f.getModifiers().contains(Modifier.FINAL))
            .map(f -> f.getSimpleName().toString()).toList();
        if (!mutable.isEmpty()) {
          context.diagnostics.error(method, Code.CACHED_MUTABLE_ROW, label,
              type.getSimpleName(), String.join(", ", mutable));
          return null;
        }
      }
    }
    List<String> tables;
    try {
      tables = context.shadow.readTables(parsed.sql());
    } catch (SQLException e) {
      throw new IllegalStateException("a verified statement no longer prepares: "
          + parsed.sql(), e);
    }
    context.log.note(label, "cached: dropped when a write to "
        + (tables.isEmpty() ? "no table" : String.join(", ", tables)) + " commits");
    return parsed.cachedBy(tables);
  }

  /**
   * Throws {@link Deferral} when {@code type}, in the signature of {@code method}, mentions a
   * type that does not exist, perhaps not yet: another processor may generate it, so the DAO is
   * parsed again next round.
   */
  private static void requireExisting(TypeMirror type, ExecutableElement method) {
    switch (type.getKind()) {
      case ERROR -> throw new Deferral(type.toString().equals("<any>")
          ? "a type in the signature of " + method.getSimpleName() : type.toString());
      case DECLARED -> ((DeclaredType) type).getTypeArguments()
          .forEach(argument -> requireExisting(argument, method));
      case ARRAY -> requireExisting(((ArrayType) type).getComponentType(), method);
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          requireExisting(wildcard.getExtendsBound(), method);
        }
        if (wildcard.getSuperBound() != null) {
          requireExisting(wildcard.getSuperBound(), method);
        }
      }
      default -> { }
    }
  }

  /** The type {@code @Dao(Entity.class)} names, if it names one. */
  private Optional<TypeMirror> namedEntity(TypeElement dao) {
    return annotations.find("Dao", dao).map(a -> annotations.type(a, "value"))
        .filter(type -> type.getKind() != TypeKind.VOID);
  }

  /**
   * The entities the interface's methods return, in declaration order: with exactly one, it is
   * the entity of derived methods whose return type names none ({@code countByCity}).
   */
  private List<EntityModel> mentionedEntities(TypeElement dao) {
    Set<EntityModel> returned = new LinkedHashSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(dao.getEnclosedElements())) {
      context.entity(ReturnType.of(method.getReturnType()).row()).ifPresent(returned::add);
    }
    return List.copyOf(returned);
  }
}
