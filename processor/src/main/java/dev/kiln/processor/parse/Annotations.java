package dev.kiln.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations as mirrors, never as reflective proxies: class-valued members
 * ({@code @Convert(MoneyConverter.class)}) of a type being compiled cannot be loaded as classes,
 * and a mirror lets errors point at the exact annotation value.
 */
public final class Annotations {

  public static final String PACKAGE = "dev.kiln.annotations.";

  private final Elements elements;

  public Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The element utilities these annotations are read with. */
  Elements elements() {
    return elements;
  }

  /** The annotation {@code Kiln's simpleName} on any of {@code sources}, first found. */
  public Optional<AnnotationMirror> find(String simpleName, Element... sources) {
    String qualified = PACKAGE + simpleName;
    for (Element source : sources) {
      if (source == null) {
        continue;
      }
      for (AnnotationMirror mirror : source.getAnnotationMirrors()) {
        TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
        if (type.getQualifiedName().contentEquals(qualified)) {
          return Optional.of(mirror);
        }
      }
    }
    return Optional.empty();
  }

  /** Every {@code @Index} on {@code type}, whether written once or repeated. */
  public List<AnnotationMirror> indexes(TypeElement type) {
    List<AnnotationMirror> found = new ArrayList<>();
    find("Index", type).ifPresent(found::add);
    find("Index.List", type).ifPresent(container -> {
      for (Object item : (List<?>) value(container, "value").getValue()) {
        found.add((AnnotationMirror) ((AnnotationValue) item).getValue());
      }
    });
    return found;
  }

  /** The value of member {@code name}, or its default. */
  public AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no member " + name + " in " + mirror);
  }

  public String string(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name).getValue();
  }

  public boolean bool(AnnotationMirror mirror, String name) {
    return (Boolean) value(mirror, name).getValue();
  }

  /**
   * The type of a class-valued member. javac gives a class literal it cannot resolve as the
   * string {@code "<error>"}, not as a type; as with any missing type, another processor may
   * generate it in a later round, so the entity waits for it.
   */
  public TypeMirror type(AnnotationMirror mirror, String name) {
    Object value = value(mirror, name).getValue();
    if (!(value instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR) {
      throw new Deferral(value instanceof TypeMirror type ? type.toString()
          : "the class named in @" + mirror.getAnnotationType().asElement().getSimpleName());
    }
    return type;
  }

  /** The strings of an array member. */
  public List<String> strings(AnnotationMirror mirror, String name) {
    List<String> values = new ArrayList<>();
    for (Object item : (List<?>) value(mirror, name).getValue()) {
      values.add((String) ((AnnotationValue) item).getValue());
    }
    return values;
  }

  /** The name of an enum constant member, such as {@code CASCADE}. */
  public String enumConstant(AnnotationMirror mirror, String name) {
    return ((Element) value(mirror, name).getValue()).getSimpleName().toString();
  }

  /**
   * Whether any declaration or type-use annotation named {@code Nullable} is present, whatever its
   * package: JSpecify, JSR-305, Jakarta, JetBrains, Checker Framework and Android's all count.
   */
  public static boolean hasNullable(TypeMirror type, Element... sources) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (isNullable(mirror)) {
        return true;
      }
    }
    // A type-use @Nullable written before byte[] (JSpecify's) annotates the element type byte,
    // where it cannot mean anything: the writer meant the array, as they would with a
    // declaration annotation in the same place, and Kiln reads it so.
    if (type instanceof ArrayType array && array.getComponentType().getKind().isPrimitive()) {
      for (AnnotationMirror mirror : array.getComponentType().getAnnotationMirrors()) {
        if (isNullable(mirror)) {
          return true;
        }
      }
    }
    for (Element source : sources) {
      if (source == null) {
        continue;
      }
      for (AnnotationMirror mirror : source.getAnnotationMirrors()) {
        if (isNullable(mirror)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNullable(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable");
  }
}
