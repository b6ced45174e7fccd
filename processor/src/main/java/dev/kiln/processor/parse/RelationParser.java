package dev.kiln.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.RelationModel;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Relation} property: which of {@code foreignKey}, {@code mappedBy} and
 * {@code through} it uses, and whether it is a {@code List} of an entity or one entity. Whether
 * the names it gives fit the entities is checked by the validator, which sees them all.
 */
final class RelationParser {

  private final Types types;
  private final Annotations annotations;
  private final Diagnostics diagnostics;

  RelationParser(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.types = env.getTypeUtils();
    this.annotations = new Annotations(env.getElementUtils());
    this.diagnostics = diagnostics;
  }

  /** The relation, or null after reporting why it is not one. */
  RelationModel parse(Candidate candidate, AnnotationMirror relation, int index) {
    String foreignKey = annotations.string(relation, "foreignKey");
    String mappedBy = annotations.string(relation, "mappedBy");
    TypeMirror throughType = annotations.type(relation, "through");
    boolean hasThrough = throughType.getKind() != TypeKind.VOID;
    int modes = (foreignKey.isBlank() ? 0 : 1) + (mappedBy.isBlank() ? 0 : 1)
        + (hasThrough ? 1 : 0);
    if (modes != 1) {
      diagnostics.error(candidate.element(), relation, null, Code.RELATION_MODE,
          candidate.name());
      return null;
    }
    if (hasThrough && throughType.getKind() == TypeKind.ERROR) {
      throw new Deferral(throughType.toString());
    }
    TypeMirror type = candidate.type();
    TypeName declared = TypeName.get(type).withoutAnnotations();
    boolean list = isList(type);
    TypeMirror element = list ? ((DeclaredType) type).getTypeArguments().get(0) : type;
    if (element.getKind() == TypeKind.ERROR) {
      throw new Deferral(element.toString());
    }
    boolean toMany = hasThrough || (list || isCollection(type));
    if ((hasThrough || isCollection(type)) && !list) {
      diagnostics.error(candidate.element(), relation, null, Code.RELATION_NOT_LIST,
          candidate.name(), elementName(type), declared);
      return null;
    }
    if (!foreignKey.isBlank() && toMany) {
      diagnostics.error(candidate.element(), relation, null, Code.RELATION_BAD_PROPERTY,
          candidate.name(), "foreignKey names this entity's own foreign key, which leads to one"
              + " row: declare the property as " + elementName(type) + ", or use mappedBy for a"
              + " list of the rows that reference this one");
      return null;
    }
    if (element.getKind() != TypeKind.DECLARED) {
      diagnostics.error(candidate.element(), relation, null, Code.RELATION_TARGET_NOT_ENTITY,
          candidate.name(), declared, declared);
      return null;
    }
    TypeElement target = (TypeElement) ((DeclaredType) element).asElement();
    TypeElement through = hasThrough
        ? (TypeElement) ((DeclaredType) throughType).asElement() : null;
    return new RelationModel(candidate.element(), candidate.name(), index, target, list,
        Annotations.hasNullable(type, candidate.annotationSources()), foreignKey, mappedBy,
        through, declared, relation);
  }

  private boolean isList(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals("java.util.List")
        && ((DeclaredType) type).getTypeArguments().size() == 1;
  }

  private boolean isCollection(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeMirror erased = types.erasure(type);
    for (String name : new String[] {"java.lang.Iterable", "java.util.Map"}) {
      if (types.isAssignable(erased, types.erasure(typeElement(name).asType()))) {
        return true;
      }
    }
    return false;
  }

  private TypeElement typeElement(String name) {
    return annotations.elements().getTypeElement(name);
  }

  /** The entity a relation property holds: {@code Book} for {@code Set<Book>} or {@code Book[]}. */
  private static String elementName(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return TypeName.get(array.getComponentType()).withoutAnnotations().toString();
    }
    if (type instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
      return TypeName.get(declared.getTypeArguments().get(0)).withoutAnnotations().toString();
    }
    return TypeName.get(type).withoutAnnotations().toString();
  }
}
