package dev.kiln.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.ValueKind;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes a repository's nested {@code Mapping}: reading a row by column index into a new entity,
 * the entity's key, the not-null checks that run before SQL, and (for mutable classes) the copy
 * the entity cache keeps.
 */
final class MappingWriter {

  private final EntityModel e;

  MappingWriter(EntityModel entity) {
    this.e = entity;
  }

  TypeSpec write() {
    TypeSpec.Builder mapping = TypeSpec.classBuilder("Mapping")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Spi.ENTITY_MAPPING, e.type()))
        .addJavadoc("Reads {@link $T} rows by column index, in the order of {@link #info()}.\n",
            e.type())
        .addField(FieldSpec.builder(Spi.ENTITY_INFO, "INFO",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T(\n$>$>$S,\n$S,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L,\n$L)$<$<",
                Spi.ENTITY_INFO, e.simpleName(), e.table(),
                stringList(e.columns(), PropertyModel::column),
                stringList(e.columns(), PropertyModel::name),
                stringList(e.keys(), PropertyModel::column), columnOrNull(e.version()),
                columnOrNull(e.updatedAt()), columnOrNull(e.softDelete()),
                e.softDelete().filter(p -> p.kind() == ValueKind.INSTANT).isPresent(),
                stringList(e.uniqueColumns(), PropertyModel::column))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("info").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(Spi.ENTITY_INFO)
            .addStatement("return INFO").build())
        .addMethod(read())
        .addMethod(key())
        .addMethod(value())
        .addMethod(check());
    MethodSpec longValue = longValue();
    if (longValue != null) {
      mapping.addMethod(longValue);
    }
    mapping.addMethod(readRows());
    if (!e.relations().isEmpty()) {
      mapping.addMethod(MethodSpec.methodBuilder("relationCount").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
          .addStatement("return $L", e.relations().size()).build());
      mapping.addMethod(MethodSpec.methodBuilder("withRelations")
          .addAnnotation(Override.class)
          .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked").build())
          .addModifiers(Modifier.PUBLIC).returns(e.type())
          .addParameter(e.type(), "entity").addParameter(Object[].class, "relations")
          .addCode(Construction.returnNew(e, slot -> slot.relation() == null
              ? Construction.copied(e, slot, "entity")
              : CodeBlock.of("($T) relations[$L]", slot.type(), slot.relation().index())))
          .build());
    }
    boolean mutableValues = e.columns().stream().anyMatch(ValueCode::mayBeMutable);
    if (!e.record() || mutableValues) {
      mapping.addMethod(MethodSpec.methodBuilder("copy").addAnnotation(Override.class)
          .addJavadoc(e.record()
              ? "This record holds arrays or converted values, which may be changed in place:"
                  + " the cache keeps its own copies.\n"
              : "A class entity is mutable: the cache keeps its own copy.\n")
          .addModifiers(Modifier.PUBLIC).returns(e.type()).addParameter(e.type(), "entity")
          .addCode(Construction.returnNew(e, slot -> Construction.copied(e, slot, "entity")))
          .build());
    }
    return mapping.build();
  }

  private MethodSpec read() {
    return MethodSpec.methodBuilder("read").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(e.type())
        .addException(Spi.SQL_EXCEPTION)
        .addParameter(Spi.RESULT_SET, "rs").addParameter(TypeName.INT, "first")
        .addCode(Construction.returnNew(e, slot -> {
          if (slot.column() == null) {
            return ValueCode.defaultValue(slot.type());
          }
          int offset = e.columns().indexOf(slot.column());
          CodeBlock index = offset == 0 ? CodeBlock.of("first")
              : CodeBlock.of("first + $L", offset);
          return ValueCode.read(e, slot.column(), "rs", index);
        }))
        .build();
  }

  /**
   * The interface's {@code readRows} loop, written again in each mapping: here {@code read} and
   * {@code longValue} are calls to this final class, which the JIT inlines into the entity's own
   * loop, where the interface's one loop is shared by every entity type.
   */
  private MethodSpec readRows() {
    return MethodSpec.methodBuilder("readRows").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
        .addException(Spi.SQL_EXCEPTION)
        .addParameter(Spi.RESULT_SET, "rs").addParameter(TypeName.INT, "first")
        .addParameter(TypeName.INT, "parentKey").addParameter(TypeName.INT, "ownKey")
        .addParameter(Spi.CHILD_ROWS, "rows")
        .addComment("The interface's loop, in this class: read and longValue are direct calls.")
        .addStatement("int count = 0")
        .beginControlFlow("while (rs.next())")
        .addStatement("$T entity = read(rs, first)", e.type())
        .addStatement("rows.add(parentKey < 0 ? rs.getLong(1) : longValue(entity, parentKey),\n"
            + "ownKey < 0 ? 0 : longValue(entity, ownKey), entity)")
        .addStatement("count++")
        .endControlFlow()
        .addStatement("return count")
        .build();
  }

  private MethodSpec key() {
    CodeBlock key = e.keys().size() == 1 ? e.keys().get(0).accessor().read("entity")
        : CodeBlock.of("$T.of($L)", List.class, e.keys().stream()
            .map(k -> k.accessor().read("entity")).collect(CodeBlock.joining(", ")));
    return MethodSpec.methodBuilder("key").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(Object.class).addParameter(e.type(), "entity")
        .addStatement("return $L", key).build();
  }

  /** The column's name as a literal, or {@code null}. */
  private static CodeBlock columnOrNull(java.util.Optional<PropertyModel> property) {
    return property.map(p -> CodeBlock.of("$S", p.column())).orElse(CodeBlock.of("null"));
  }

  private MethodSpec value() {
    MethodSpec.Builder value = MethodSpec.methodBuilder("value").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(Object.class).addParameter(e.type(), "entity")
        .addParameter(TypeName.INT, "index")
        .beginControlFlow("return switch (index)");
    List<PropertyModel> columns = e.columns();
    for (int i = 0; i < columns.size(); i++) {
      value.addStatement("case $L -> $L", i, columns.get(i).accessor().read("entity"));
    }
    return value.addStatement("default -> throw new $T(index)", IndexOutOfBoundsException.class)
        .endControlFlow("")
        .build();
  }

  /**
   * {@code longValue(entity, index)} for the primitive integer properties, unboxed; null when
   * there is none (the interface's default then unboxes {@code value}).
   */
  private MethodSpec longValue() {
    List<PropertyModel> columns = e.columns();
    MethodSpec.Builder value = MethodSpec.methodBuilder("longValue").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(TypeName.LONG).addParameter(e.type(), "entity")
        .addParameter(TypeName.INT, "index")
        .beginControlFlow("return switch (index)");
    boolean any = false;
    for (int i = 0; i < columns.size(); i++) {
      TypeName type = columns.get(i).javaType();
      if (type.equals(TypeName.LONG) || type.equals(TypeName.INT) || type.equals(TypeName.SHORT)
          || type.equals(TypeName.BYTE)) {
        value.addStatement("case $L -> $L", i, columns.get(i).accessor().read("entity"));
        any = true;
      }
    }
    return !any ? null : value
        .addStatement("default -> (($T) value(entity, index)).longValue()", Number.class)
        .endControlFlow("")
        .build();
  }

  private MethodSpec check() {
    MethodSpec.Builder check = MethodSpec.methodBuilder("check")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(e.type(), "entity").addParameter(Spi.DIALECT, "dialect");
    List<PropertyModel> narrower = new java.util.ArrayList<>();
    for (PropertyModel p : e.columns()) {
      if (!p.primitive() && !p.nullable() && !p.autoGenerate()) {
        check.addStatement("$T.notNull($L, $S, $S)", Spi.CHECKS, p.accessor().read("entity"),
            e.simpleName(), p.name());
      }
      if (p.converter() == null && mayBeRefused(p.kind())) {
        check.addStatement("$T.storable($L, $S, $S)", Spi.CHECKS, p.accessor().read("entity"),
            e.simpleName(), p.name());
      }
      if (p.converter() == null && narrowerOnPostgres(p.kind())) {
        narrower.add(p);
      }
    }
    if (!narrower.isEmpty()) {
      check.beginControlFlow("if (dialect == $T.POSTGRESQL)", Spi.DIALECT);
      for (PropertyModel p : narrower) {
        check.addStatement("$T.storableOnPostgres($L, $S, $S)", Spi.CHECKS,
            p.accessor().read("entity"), e.simpleName(), p.name());
      }
      check.endControlFlow();
    }
    return check.build();
  }

  /**
   * The kinds of which PostgreSQL's type holds less than Java's: time past the microsecond, NUL
   * in text, a decimal's negative scale.
   */
  private static boolean narrowerOnPostgres(ValueKind kind) {
    return switch (kind) {
      case STRING, BIG_DECIMAL, INSTANT, LOCAL_TIME, LOCAL_DATE_TIME -> true;
      default -> false;
    };
  }

  /** The kinds that have values SQLite cannot store exactly ({@code StorableValues}). */
  private static boolean mayBeRefused(ValueKind kind) {
    return switch (kind) {
      case STRING, FLOAT, DOUBLE, INSTANT, LOCAL_DATE, LOCAL_DATE_TIME, OFFSET_DATE_TIME -> true;
      default -> false;
    };
  }

  private static CodeBlock stringList(List<PropertyModel> properties,
      Function<PropertyModel, String> name) {
    return CodeBlock.of("$T.of($L)", List.class, properties.stream()
        .map(p -> CodeBlock.of("$S", name.apply(p))).collect(CodeBlock.joining(", ")));
  }
}
