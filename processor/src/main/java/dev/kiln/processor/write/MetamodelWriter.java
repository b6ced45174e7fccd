package dev.kiln.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.RelationModel;
import dev.kiln.processor.model.ResolvedRelation;
import dev.kiln.processor.model.ValueKind;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Author_}: one typed column constant per persisted property, from which queries
 * build conditions and orderings ({@code Author_.EMAIL.eq("ann@example.org")}), and one relation
 * constant per {@code @Relation}, from which fetch plans are made ({@code Author_.BOOKS}).
 */
public final class MetamodelWriter {

  private static final ClassName RELATION = ClassName.get(Spi.QUERY, "Relation");
  private static final ClassName RELATION_INFO = ClassName.get(Spi.MAPPING, "RelationInfo");

  private final Filer filer;

  public MetamodelWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(EntityModel entity, List<ResolvedRelation> relations) {
    TypeSpec.Builder type = GeneratedFiles.newClass(entity.metamodelName(), entity.element())
        .addJavadoc("The metamodel of {@link $T}: typed columns for queries, such as\n"
            + "{@code $T.query().where($T.$L.eq(…))}.\n", entity.type(), entity.repositoryName(),
            entity.metamodelName(), entity.columns().get(0).constantName());
    for (PropertyModel p : entity.columns()) {
      type.addField(column(entity, p));
    }
    for (ResolvedRelation relation : relations) {
      type.addField(relation(relation));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    GeneratedFiles.write(filer, entity.type().packageName(), type.build());
  }

  private FieldSpec relation(ResolvedRelation r) {
    RelationModel relation = r.relation();
    ClassName owner = r.owner().repositoryName();
    ClassName target = r.target().repositoryName();
    CodeBlock info = switch (r.kind()) {
      case "TO_ONE" -> CodeBlock.of("$T.toOne($S, $L, $T.MAPPING, $T.MAPPING, $S)",
          RELATION_INFO, relation.name(), relation.index(), owner, target, r.foreignKey().column());
      case "TO_ONE_INVERSE" -> CodeBlock.of("$T.toOneInverse($S, $L, $T.MAPPING, $T.MAPPING, $S)",
          RELATION_INFO, relation.name(), relation.index(), owner, target, r.foreignKey().column());
      case "TO_MANY" -> CodeBlock.of("$T.toMany($S, $L, $T.MAPPING, $T.MAPPING, $S)",
          RELATION_INFO, relation.name(), relation.index(), owner, target, r.foreignKey().column());
      default -> CodeBlock.of("$T.manyToMany($S, $L, $T.MAPPING, $T.MAPPING, $S, $S, $S)",
          RELATION_INFO, relation.name(), relation.index(), owner, target, r.junction().table(),
          r.foreignKey().column(), r.junctionTargetKey().column());
    };
    return FieldSpec.builder(
            ParameterizedTypeName.get(RELATION, r.owner().type(), r.target().type()),
            relation.constantName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The relation {@code $L}: fetch it with {@code fetch($T.$L)}.\n",
            relation.name(), r.owner().metamodelName(), relation.constantName())
        .initializer("new $T<>($L)", RELATION, info)
        .build();
  }

  private FieldSpec column(EntityModel entity, PropertyModel p) {
    ClassName columnClass;
    TypeName fieldType;
    if (p.converter() == null && p.kind() == ValueKind.STRING) {
      columnClass = Spi.TEXT_COLUMN;
      fieldType = ParameterizedTypeName.get(columnClass, entity.type());
    } else {
      columnClass = p.converter() != null ? Spi.COLUMN
          : isPrimitiveNumber(p.kind()) ? Spi.NUMBER_COLUMN
          : isDecimal(p.kind()) ? Spi.DECIMAL_COLUMN
          : p.kind().comparable() ? Spi.COMPARABLE_COLUMN : Spi.COLUMN;
      fieldType = ParameterizedTypeName.get(columnClass, entity.type(), p.boxedType());
    }
    return FieldSpec.builder(fieldType, p.constantName(),
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@code $L}, stored in column {@code $L}.\n", p.name(), p.column())
        .initializer("new $T<>($S, $S, $S, $L, $L)", columnClass, entity.table(), p.column(),
            p.name(), ValueCode.valueType(p), p.nullable())
        .build();
  }

  /** The kinds whose columns add and multiply exactly in typed updates. */
  private static boolean isDecimal(ValueKind kind) {
    return kind == ValueKind.BIG_DECIMAL || kind == ValueKind.BIG_INTEGER;
  }

  /** The kinds whose columns compare with any {@code long} or {@code double} argument. */
  private static boolean isPrimitiveNumber(ValueKind kind) {
    return switch (kind) {
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE -> true;
      default -> false;
    };
  }
}
