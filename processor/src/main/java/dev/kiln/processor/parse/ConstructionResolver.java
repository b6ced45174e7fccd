package dev.kiln.processor.parse;

import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.Construction;
import dev.kiln.processor.model.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Decides how generated code creates an entity: a record's canonical constructor; for a class, a
 * constructor whose parameters are (at least) all persisted properties, matched by name and type,
 * followed by a setter or field assignment for each relation it does not take; otherwise a
 * no-argument constructor followed by a setter or field assignment for each property. A relation
 * that can be given to an instance in neither way is an error: a fetch could never fill it.
 */
final class ConstructionResolver {

  private final Types types;
  private final Diagnostics diagnostics;

  ConstructionResolver(Types types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** The construction, or null after reporting that there is none. */
  Construction resolve(TypeElement type, List<Candidate> candidates, List<Slot> slots) {
    if (type.getKind() == ElementKind.RECORD) {
      return new Construction(true, slots, List.of());
    }
    Map<String, Slot> byName = new HashMap<>();
    Map<String, Candidate> candidateByName = new HashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      byName.put(slots.get(i).name(), slots.get(i));
      candidateByName.put(candidates.get(i).name(), candidates.get(i));
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements())
        .stream().filter(c -> !c.getModifiers().contains(Modifier.PRIVATE)).toList();
    Construction best = null;
    for (ExecutableElement constructor : constructors) {
      List<Slot> ordered = matchParameters(constructor, byName, candidateByName);
      if (ordered != null && !ordered.isEmpty()
          && (best == null || ordered.size() > best.slots().size())) {
        best = new Construction(true, ordered, List.of());
      }
    }
    if (best != null) {
      List<Slot> taken = best.slots();
      List<Slot> setAfter = slots.stream()
          .filter(s -> s.relation() != null && !taken.contains(s) && s.mutator() != null)
          .toList();
      return relationsSettable(type, slots, s -> taken.contains(s) || setAfter.contains(s))
          ? new Construction(true, taken, setAfter) : null;
    }
    boolean noArgs = constructors.stream().anyMatch(c -> c.getParameters().isEmpty());
    List<String> unsettable = slots.stream()
        .filter(s -> s.column() != null && s.mutator() == null).map(Slot::name).toList();
    if (noArgs && unsettable.isEmpty()) {
      List<Slot> set = slots.stream().filter(s -> s.mutator() != null).toList();
      return relationsSettable(type, slots, set::contains)
          ? new Construction(false, set, List.of()) : null;
    }
    String persisted = slots.stream().filter(s -> s.column() != null).map(Slot::name)
        .collect(Collectors.joining(", "));
    diagnostics.error(type, Code.NO_CONSTRUCTOR, type.getSimpleName(), persisted,
        noArgs ? "; these have neither: " + String.join(", ", unsettable) : "");
    return null;
  }

  /** Reports each relation that {@code reached} leaves out; true when there is none. */
  private boolean relationsSettable(TypeElement type, List<Slot> slots, Predicate<Slot> reached) {
    boolean settable = true;
    for (Slot slot : slots) {
      if (slot.relation() != null && !reached.test(slot)) {
        diagnostics.error(slot.relation().element(), Code.RELATION_NOT_SETTABLE,
            type.getSimpleName(), slot.name());
        settable = false;
      }
    }
    return settable;
  }

  /**
   * The slots in parameter order when every parameter names a property of the same type and every
   * persisted property is among them; otherwise null.
   */
  private List<Slot> matchParameters(ExecutableElement constructor, Map<String, Slot> byName,
      Map<String, Candidate> candidates) {
    List<Slot> ordered = new ArrayList<>();
    for (VariableElement parameter : constructor.getParameters()) {
      String name = parameter.getSimpleName().toString();
      Candidate candidate = candidates.get(name);
      if (candidate == null || !types.isSameType(
          types.erasure(parameter.asType()), types.erasure(candidate.type()))) {
        return null;
      }
      ordered.add(byName.get(name));
    }
    boolean allColumns = byName.values().stream()
        .filter(s -> s.column() != null).allMatch(ordered::contains);
    return allColumns ? ordered : null;
  }
}
