package dev.kiln.processor.model;

import java.util.List;

/**
 * How generated code creates an entity instance.
 *
 * @param viaConstructor true for a constructor taking the slots in order (a record's canonical
 *     constructor, or a class's all-properties constructor); false for a no-argument constructor
 *     followed by each slot's mutator
 * @param slots the properties in constructor-parameter order, or in setter order
 */
public record Construction(boolean viaConstructor, List<Slot> slots) {

  public Construction {
    slots = List.copyOf(slots);
  }
}
