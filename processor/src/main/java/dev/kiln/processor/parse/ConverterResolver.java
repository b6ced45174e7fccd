package dev.kiln.processor.parse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.ValueKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @Convert} class: a concrete, accessible {@code Converter<J, S>} with a
 * no-argument constructor, whose {@code J} is the property's type and whose {@code S} is a
 * built-in type.
 */
final class ConverterResolver {

  /** A usable converter: its class, and how its storage type is stored. */
  record Resolved(TypeName converter, ValueKind kind, ClassName enumType) {}

  private final Types types;
  private final Annotations annotations;
  private final Diagnostics diagnostics;

  ConverterResolver(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.types = env.getTypeUtils();
    this.annotations = new Annotations(env.getElementUtils());
    this.diagnostics = diagnostics;
  }

  Resolved resolve(Element property, AnnotationMirror convert, TypeMirror propertyType) {
    TypeMirror converterType = annotations.type(convert, "value");
    TypeElement converter = (TypeElement) ((DeclaredType) converterType).asElement();
    String name = converter.getSimpleName() + ".class";
    String problem = problemWith(converter);
    if (problem != null) {
      diagnostics.error(property, convert, null, Code.BAD_CONVERTER, name,
          property.getSimpleName(), problem);
      return null;
    }
    DeclaredType contract = converterSupertype(converterType);
    List<? extends TypeMirror> arguments = contract.getTypeArguments();
    TypeMirror javaSide = arguments.get(0);
    TypeMirror storedSide = arguments.get(1);
    TypeMirror boxedProperty = propertyType.getKind().isPrimitive()
        ? types.boxedClass((javax.lang.model.type.PrimitiveType) propertyType).asType()
        : propertyType;
    if (!types.isSameType(types.erasure(javaSide), types.erasure(boxedProperty))) {
      diagnostics.error(property, convert, null, Code.BAD_CONVERTER, name,
          property.getSimpleName(), "it converts " + javaSide + ", but the property is "
              + TypeName.get(propertyType).withoutAnnotations()
              + "; use a Converter<" + TypeName.get(boxedProperty) + ", ...>");
      return null;
    }
    ValueKind kind = PropertyTypes.kindOf(storedSide);
    if (kind == null || storedSide.getKind() == TypeKind.TYPEVAR) {
      diagnostics.error(property, convert, null, Code.BAD_CONVERTER, name,
          property.getSimpleName(), "it stores " + storedSide + ", which is not a built-in type;"
              + " make it store String, a number, byte[] or a date-time type");
      return null;
    }
    ClassName enumType = kind == ValueKind.ENUM
        ? ClassName.get((TypeElement) ((DeclaredType) storedSide).asElement()) : null;
    return new Resolved(TypeName.get(converterType), kind, enumType);
  }

  private String problemWith(TypeElement converter) {
    if (converter.getKind() != ElementKind.CLASS) {
      return "it is not a class";
    }
    if (converter.getModifiers().contains(Modifier.ABSTRACT)) {
      return "it is abstract; name a concrete class";
    }
    if (converter.getModifiers().contains(Modifier.PRIVATE)) {
      return "it is private; make it package-private or public";
    }
    if (converter.getEnclosingElement() instanceof TypeElement
        && !converter.getModifiers().contains(Modifier.STATIC)) {
      return "it is an inner class; declare it static";
    }
    if (converterSupertype(converter.asType()) == null) {
      return "it does not implement dev.kiln.annotations.Converter";
    }
    boolean noArgs = ElementFilter.constructorsIn(converter.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    return noArgs ? null : "it needs a public no-argument constructor";
  }

  private DeclaredType converterSupertype(TypeMirror type) {
    Deque<TypeMirror> queue = new ArrayDeque<>(List.of(type));
    while (!queue.isEmpty()) {
      TypeMirror next = queue.poll();
      if (next instanceof DeclaredType declared && ((TypeElement) declared.asElement())
          .getQualifiedName().contentEquals(Annotations.PACKAGE + "Converter")) {
        return declared;
      }
      queue.addAll(types.directSupertypes(next));
    }
    return null;
  }
}
