package dev.kiln.processor.parse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.Construction;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.ForeignKeyModel;
import dev.kiln.processor.model.IndexModel;
import dev.kiln.processor.model.Names;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.RelationModel;
import dev.kiln.processor.model.Slot;
import dev.kiln.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Parses one {@code @Table} type into an {@link EntityModel}, reporting each problem on the
 * element it concerns. Returns nothing when it reported an error, so that no code is generated
 * from a broken model; never writes files.
 */
public final class EntityParser {

  private final Types types;
  private final Annotations annotations;
  private final Diagnostics diagnostics;
  private final CandidateFinder finder;
  private final ConverterResolver converters;
  private final ConstructionResolver constructions;
  private final RelationParser relations;

  public EntityParser(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.types = env.getTypeUtils();
    this.annotations = new Annotations(env.getElementUtils());
    this.diagnostics = diagnostics;
    this.finder = new CandidateFinder(types);
    this.converters = new ConverterResolver(env, diagnostics);
    this.constructions = new ConstructionResolver(types, diagnostics);
    this.relations = new RelationParser(env, diagnostics);
  }

  /** The parsed entity, or empty when an error was reported on it. */
  public Optional<EntityModel> parse(TypeElement type) {
    int errorsBefore = diagnostics.errorCount();
    if (!checkShape(type)) {
      return Optional.empty();
    }
    AnnotationMirror table = annotations.find("Table", type).orElseThrow();
    String tableName = annotations.string(table, "name").isBlank()
        ? Names.snake(type.getSimpleName().toString()) : annotations.string(table, "name");

    List<Candidate> candidates = finder.find(type);
    List<PropertyModel> columns = new ArrayList<>();
    List<RelationModel> relationModels = new ArrayList<>();
    List<Slot> slots = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Optional<AnnotationMirror> relation =
          annotations.find("Relation", candidate.annotationSources());
      boolean notColumn = candidate.javaTransient() || relation.isPresent()
          || annotations.find("Transient", candidate.annotationSources()).isPresent();
      PropertyModel column = notColumn ? null : property(type, candidate);
      if (column != null) {
        columns.add(column);
      }
      RelationModel relationModel = relation
          .map(r -> relations.parse(candidate, r, relationModels.size()))
          .orElse(null);
      if (relationModel != null) {
        relationModels.add(relationModel);
      }
      slots.add(new Slot(candidate.name(), TypeName.get(candidate.type()).withoutAnnotations(),
          column, candidate.accessor(), candidate.mutator(), relationModel));
    }
    checkKeys(type, columns);
    Construction construction = constructions.resolve(type, candidates, slots);
    List<IndexModel> indexes = new ArrayList<>();
    for (AnnotationMirror index : annotations.indexes(type)) {
      indexes.add(IndexModel.of(annotations.string(index, "name"),
          annotations.strings(index, "columns"), annotations.bool(index, "unique"),
          annotations.string(index, "where"), index));
    }
    if (diagnostics.errorCount() > errorsBefore || construction == null) {
      return Optional.empty();
    }
    String renamedFrom = annotations.string(table, "renamedFrom");
    return Optional.of(new EntityModel(type, ClassName.get(type), tableName,
        annotations.bool(table, "strict"), type.getKind() == ElementKind.RECORD, columns,
        construction, indexes, relationModels, renamedFrom.isBlank() ? null : renamedFrom));
  }

  private boolean checkShape(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD && type.getKind() != ElementKind.CLASS) {
      diagnostics.error(type, Code.NOT_A_CLASS, type.getSimpleName(), switch (type.getKind()) {
        case INTERFACE -> "an interface";
        case ENUM -> "an enum";
        case ANNOTATION_TYPE -> "an annotation type";
        default -> "a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
      });
      return false;
    }
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(type, Code.NOT_ACCESSIBLE_TYPE, type.getSimpleName(),
            t == type ? "private" : "inside the private type " + t.getSimpleName());
        return false;
      }
      if (t.getNestingKind() == NestingKind.MEMBER && t.getKind() == ElementKind.CLASS
          && !t.getModifiers().contains(Modifier.STATIC)) {
        diagnostics.error(type, Code.NOT_ACCESSIBLE_TYPE, type.getSimpleName(),
            "an inner (non-static) class; declare it static");
        return false;
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        diagnostics.error(type, Code.NOT_ACCESSIBLE_TYPE, type.getSimpleName(), "local");
        return false;
      }
    }
    if (type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT)) {
      diagnostics.error(type, Code.NOT_A_CLASS, type.getSimpleName(), "abstract");
      return false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(type, Code.GENERIC_ENTITY, type.getSimpleName());
      return false;
    }
    return true;
  }

  private PropertyModel property(TypeElement entity, Candidate candidate) {
    Element[] sources = candidate.annotationSources();
    Element element = candidate.element();
    TypeMirror type = candidate.type();
    Optional<AnnotationMirror> id = annotations.find("Id", sources);
    Optional<AnnotationMirror> column = annotations.find("Column", sources);
    Optional<AnnotationMirror> convert = annotations.find("Convert", sources);
    Optional<AnnotationMirror> version = annotations.find("Version", sources);
    Optional<AnnotationMirror> foreignKey = annotations.find("ForeignKey", sources);
    Optional<AnnotationMirror> createdAt = annotations.find("CreatedAt", sources);
    Optional<AnnotationMirror> updatedAt = annotations.find("UpdatedAt", sources);
    Optional<AnnotationMirror> softDelete = annotations.find("SoftDelete", sources);

    if (candidate.accessor() == null) {
      diagnostics.error(element, Code.NOT_READABLE, candidate.name(), entity.getSimpleName(),
          "get" + Names.capitalize(candidate.name()));
      return null;
    }
    ValueKind kind;
    ClassName enumType = null;
    TypeName converter = null;
    if (convert.isPresent()) {
      ConverterResolver.Resolved resolved = converters.resolve(element, convert.get(), type);
      if (resolved == null) {
        return null;
      }
      kind = resolved.kind();
      enumType = resolved.enumType();
      converter = resolved.converter();
    } else {
      kind = PropertyTypes.kindOf(type);
      if (kind == null) {
        TypeName name = TypeName.get(type).withoutAnnotations();
        diagnostics.error(element, Code.UNSUPPORTED_TYPE, candidate.name(), name, name);
        return null;
      }
      if (kind == ValueKind.ENUM) {
        enumType = ClassName.get((TypeElement) ((DeclaredType) type).asElement());
      }
    }
    boolean primitive = type.getKind().isPrimitive();
    boolean nullable = !primitive && (Annotations.hasNullable(type, sources)
        || column.map(c -> annotations.bool(c, "nullable")).orElse(false));
    boolean autoGenerate = id.map(i -> annotations.bool(i, "autoGenerate")).orElse(false);
    if (id.isPresent() && nullable) {
      diagnostics.error(element, Code.NULLABLE_ID, candidate.name(),
          autoGenerate ? " (a null autoGenerate key is allowed on insert without it)" : "");
    }
    if (autoGenerate && (converter != null
        || (kind != ValueKind.LONG && kind != ValueKind.INT))) {
      diagnostics.error(element, id.get(), null, Code.AUTO_GENERATE_NOT_INTEGER,
          candidate.name(), TypeName.get(type).withoutAnnotations());
    }
    if (version.isPresent() && (converter != null
        || (kind != ValueKind.LONG && kind != ValueKind.INT))) {
      diagnostics.error(element, version.get(), null, Code.VERSION_NOT_INTEGER,
          candidate.name(), TypeName.get(type).withoutAnnotations());
    }
    PropertyModel.Audit audit = audit(candidate, createdAt, updatedAt, kind, converter,
        id.isPresent() || version.isPresent());
    boolean taken = id.isPresent() || version.isPresent() || audit != PropertyModel.Audit.NONE;
    boolean softDeleted = softDelete.isPresent()
        && softDelete(candidate, softDelete.get(), kind, converter, nullable, taken);
    String columnName = column.map(c -> annotations.string(c, "name")).filter(n -> !n.isBlank())
        .orElse(Names.snake(candidate.name()));
    String defaultValue = column.map(c -> annotations.string(c, "defaultValue"))
        .filter(d -> !d.isBlank()).orElse(null);
    String renamedFrom = column.map(c -> annotations.string(c, "renamedFrom"))
        .filter(d -> !d.isBlank()).orElse(null);
    ForeignKeyModel fk = foreignKey.map(f -> foreignKey(candidate, f)).orElse(null);
    return new PropertyModel(element, candidate.name(), columnName,
        TypeName.get(type).withoutAnnotations(), kind, enumType, converter, nullable,
        id.isPresent(), autoGenerate, version.isPresent(), audit, softDeleted,
        column.map(c -> annotations.bool(c, "unique")).orElse(false), defaultValue, renamedFrom,
        fk, candidate.accessor());
  }

  /** Which time Kiln fills in the property, after reporting a misplaced annotation. */
  private PropertyModel.Audit audit(Candidate candidate, Optional<AnnotationMirror> createdAt,
      Optional<AnnotationMirror> updatedAt, ValueKind kind, TypeName converter,
      boolean keyOrVersion) {
    Optional<AnnotationMirror> mark = createdAt.or(() -> updatedAt);
    if (mark.isEmpty()) {
      return PropertyModel.Audit.NONE;
    }
    String name = createdAt.isPresent() ? "CreatedAt" : "UpdatedAt";
    Element element = candidate.element();
    if (createdAt.isPresent() && updatedAt.isPresent()) {
      diagnostics.error(element, mark.get(), null, Code.BAD_AUDIT, name, candidate.name(),
          "a property is either @CreatedAt or @UpdatedAt; declare one of each");
    } else if (keyOrVersion) {
      diagnostics.error(element, mark.get(), null, Code.BAD_AUDIT, name, candidate.name(),
          "a key or @Version property is not a time Kiln fills in; use a property of its own");
    } else if (kind != ValueKind.INSTANT || converter != null) {
      diagnostics.error(element, mark.get(), null, Code.AUDIT_NOT_INSTANT, name,
          candidate.name(), TypeName.get(candidate.type()).withoutAnnotations());
    } else {
      return createdAt.isPresent() ? PropertyModel.Audit.CREATED_AT
          : PropertyModel.Audit.UPDATED_AT;
    }
    return PropertyModel.Audit.NONE; // reported: one error, not more about the same property
  }

  /** Whether the property can mark deleted rows; reports why not. */
  private boolean softDelete(Candidate candidate, AnnotationMirror mark, ValueKind kind,
      TypeName converter, boolean nullable, boolean taken) {
    Element element = candidate.element();
    String problem = taken ? "a key, @Version or audit property cannot also mark deleted rows;"
            + " use a property of its own"
        : converter != null || (kind != ValueKind.BOOLEAN && kind != ValueKind.INSTANT)
            ? "it needs a boolean (true when deleted) or an Instant (when it was deleted); it is "
                + TypeName.get(candidate.type()).withoutAnnotations()
        : kind == ValueKind.INSTANT && !nullable
            ? "an Instant that marks deleted rows is null for a live row: mark it @Nullable"
        : null;
    if (problem != null) {
      diagnostics.error(element, mark, null, Code.BAD_SOFT_DELETE, candidate.name(), problem);
      return false;
    }
    return true;
  }

  /** The foreign key, or null after reporting a target that cannot be an entity. */
  private ForeignKeyModel foreignKey(Candidate candidate, AnnotationMirror foreignKey) {
    TypeMirror target = annotations.type(foreignKey, "value");
    if (target.getKind() != TypeKind.DECLARED) {
      diagnostics.error(candidate.element(), foreignKey, null, Code.BAD_FOREIGN_KEY,
          candidate.name(), target + " is not a @Table entity; reference an entity");
      return null;
    }
    return new ForeignKeyModel((TypeElement) ((DeclaredType) target).asElement(),
        sql(annotations.enumConstant(foreignKey, "onDelete")),
        sql(annotations.enumConstant(foreignKey, "onUpdate")), foreignKey);
  }

  private void checkKeys(TypeElement type, List<PropertyModel> columns) {
    List<PropertyModel> keys = columns.stream().filter(PropertyModel::id).toList();
    if (keys.isEmpty()) {
      diagnostics.error(type, Code.NO_ID, type.getSimpleName());
    }
    if (keys.size() > 1) {
      keys.stream().filter(PropertyModel::autoGenerate).forEach(k ->
          diagnostics.error(k.element(), Code.AUTO_GENERATE_NOT_INTEGER, k.name(),
              "part of a composite key"));
    }
    List<PropertyModel> versions = columns.stream().filter(PropertyModel::version).toList();
    if (versions.size() > 1) {
      diagnostics.error(versions.get(1).element(), Code.SEVERAL_VERSIONS, type.getSimpleName(),
          versions.get(0).name(), versions.get(1).name());
    }
    List<PropertyModel> softDeletes = columns.stream().filter(PropertyModel::softDelete).toList();
    if (softDeletes.size() > 1) {
      diagnostics.error(softDeletes.get(1).element(), Code.BAD_SOFT_DELETE,
          softDeletes.get(1).name(), type.getSimpleName() + " already marks deleted rows with '"
              + softDeletes.get(0).name() + "'; keep one");
    }
    for (PropertyModel.Audit audit : List.of(PropertyModel.Audit.CREATED_AT,
        PropertyModel.Audit.UPDATED_AT)) {
      List<PropertyModel> marked = columns.stream().filter(p -> p.audit() == audit).toList();
      if (marked.size() > 1) {
        String name = audit == PropertyModel.Audit.CREATED_AT ? "CreatedAt" : "UpdatedAt";
        diagnostics.error(marked.get(1).element(), Code.BAD_AUDIT, name, marked.get(1).name(),
            type.getSimpleName() + " already has @" + name + " '" + marked.get(0).name()
                + "'; keep one");
      }
    }
  }

  /** {@code SET_NULL} → {@code SET NULL}. */
  private static String sql(String action) {
    return action.replace('_', ' ');
  }
}
