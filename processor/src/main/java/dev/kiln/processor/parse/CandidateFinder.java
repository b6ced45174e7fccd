package dev.kiln.processor.parse;

import dev.kiln.processor.model.Accessor;
import dev.kiln.processor.model.Mutator;
import dev.kiln.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds the properties of an entity: a record's components, or a class's instance fields
 * (superclass fields first), with how generated code can read and set each.
 */
final class CandidateFinder {

  private final Types types;

  CandidateFinder(Types types) {
    this.types = types;
  }

  List<Candidate> find(TypeElement type) {
    return type.getKind() == ElementKind.RECORD ? recordComponents(type) : fields(type);
  }

  private List<Candidate> recordComponents(TypeElement type) {
    List<Candidate> found = new ArrayList<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      List<Element> sources = new ArrayList<>();
      sources.add(component);
      sources.add(component.getAccessor());
      field(type, name).ifPresent(sources::add);
      found.add(new Candidate(name, component, checked(component.asType()), sources,
          new Accessor(name, null), null, false));
    }
    return found;
  }

  private List<Candidate> fields(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null && !t.getQualifiedName().contentEquals("java.lang.Object");
        t = superclass(t)) {
      chain.add(0, t);
    }
    List<Candidate> found = new ArrayList<>();
    for (TypeElement owner : chain) {
      for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        String name = field.getSimpleName().toString();
        TypeMirror fieldType = checked(field.asType());
        ExecutableElement getter = getter(type, name, fieldType);
        ExecutableElement setter = setter(type, name, fieldType);
        boolean fieldVisible = !field.getModifiers().contains(Modifier.PRIVATE);
        Accessor accessor = getter != null ? new Accessor(getter.getSimpleName().toString(), null)
            : fieldVisible ? new Accessor(null, name) : null;
        Mutator mutator = setter != null ? new Mutator(setter.getSimpleName().toString(), null)
            : fieldVisible && !field.getModifiers().contains(Modifier.FINAL)
                ? new Mutator(null, name) : null;
        List<Element> sources = new ArrayList<>();
        sources.add(field);
        if (getter != null) {
          sources.add(getter);
        }
        found.add(new Candidate(name, field, fieldType, sources, accessor, mutator,
            field.getModifiers().contains(Modifier.TRANSIENT)));
      }
    }
    return found;
  }

  private TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }

  private java.util.Optional<VariableElement> field(TypeElement type, String name) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .filter(f -> f.getSimpleName().contentEquals(name)).findFirst();
  }

  /** {@code getName()}, {@code isName()} for booleans, or {@code name()}; public, no arguments. */
  private ExecutableElement getter(TypeElement type, String name, TypeMirror fieldType) {
    List<String> names = List.of("get" + Names.capitalize(name), "is" + Names.capitalize(name),
        name);
    for (ExecutableElement method : methods(type)) {
      if (method.getParameters().isEmpty()
          && names.contains(method.getSimpleName().toString())
          && method.getModifiers().contains(Modifier.PUBLIC)
          && types.isSameType(method.getReturnType(), fieldType)) {
        return method;
      }
    }
    return null;
  }

  private ExecutableElement setter(TypeElement type, String name, TypeMirror fieldType) {
    String setterName = "set" + Names.capitalize(name);
    for (ExecutableElement method : methods(type)) {
      if (method.getSimpleName().contentEquals(setterName)
          && method.getParameters().size() == 1
          && method.getModifiers().contains(Modifier.PUBLIC)
          && types.isSameType(method.getParameters().get(0).asType(), fieldType)) {
        return method;
      }
    }
    return null;
  }

  private List<ExecutableElement> methods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      methods.addAll(ElementFilter.methodsIn(t.getEnclosedElements()));
    }
    return methods;
  }

  private static TypeMirror checked(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      throw new Deferral(type.toString());
    }
    return type;
  }
}
