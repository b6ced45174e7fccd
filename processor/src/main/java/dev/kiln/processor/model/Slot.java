package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One property in the order a constructor takes it, or in the order setters are called. A slot
 * with a column is persisted; one without (a relation or a {@code @Transient} property) gets
 * its type's default when Kiln reads a row, and keeps its value when Kiln copies an entity.
 *
 * @param name the property name
 * @param type the property's type
 * @param column the persisted property, or null for a relation or transient property
 * @param accessor how to read the property for a copy, or null when it cannot be read
 * @param mutator how to set it (no-argument construction only), or null
 * @param relation the {@code @Relation} this slot holds, or null
 */
public record Slot(
    String name, TypeName type, PropertyModel column, Accessor accessor, Mutator mutator,
    RelationModel relation) {}
