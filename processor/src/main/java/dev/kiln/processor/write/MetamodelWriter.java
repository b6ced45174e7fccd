package dev.kiln.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.ValueKind;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Author_}: one typed column constant per persisted property, from which queries
 * build conditions and orderings ({@code Author_.EMAIL.eq("ann@example.org")}).
 */
public final class MetamodelWriter {

  private final Filer filer;

  public MetamodelWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(EntityModel entity) {
    TypeSpec.Builder type = GeneratedFiles.newClass(entity.metamodelName(), entity.element())
        .addJavadoc("The metamodel of {@link $T}: typed columns for queries, such as\n"
            + "{@code $T.query().where($T.$L.eq(…))}.\n", entity.type(), entity.repositoryName(),
            entity.metamodelName(), entity.columns().get(0).constantName());
    for (PropertyModel p : entity.columns()) {
      type.addField(column(entity, p));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    GeneratedFiles.write(filer, entity.type().packageName(), type.build());
  }

  private FieldSpec column(EntityModel entity, PropertyModel p) {
    ClassName columnClass;
    TypeName fieldType;
    if (p.converter() == null && p.kind() == ValueKind.STRING) {
      columnClass = Spi.TEXT_COLUMN;
      fieldType = ParameterizedTypeName.get(columnClass, entity.type());
    } else {
      columnClass = p.converter() == null && p.kind().comparable()
          ? Spi.COMPARABLE_COLUMN : Spi.COLUMN;
      fieldType = ParameterizedTypeName.get(columnClass, entity.type(), p.boxedType());
    }
    return FieldSpec.builder(fieldType, p.constantName(),
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@code $L}, stored in column {@code $L}.\n", p.name(), p.column())
        .initializer("new $T<>($S, $S, $S, $L)", columnClass, entity.table(), p.column(),
            p.name(), ValueCode.valueType(p))
        .build();
  }
}
