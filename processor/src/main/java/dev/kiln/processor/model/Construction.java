package dev.kiln.processor.model;

import java.util.List;

/**
 * How generated code creates an entity instance.
 *
 * @param viaConstructor true for a constructor taking the slots in order (a record's canonical
 *     constructor, or a class's all-properties constructor); false for a no-argument constructor
 *     followed by each slot's mutator
 * @param slots the properties in constructor-parameter order, or in setter order
 * @param setAfter the relations a class's constructor does not take, set through their
 *     mutators once it returned (empty for a record and for no-argument construction)
 */
public record Construction(boolean viaConstructor, List<Slot> slots, List<Slot> setAfter) {

  public Construction {
    slots = List.copyOf(slots);
    setAfter = List.copyOf(setAfter);
  }
}
