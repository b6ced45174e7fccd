package dev.kiln.processor.model;

/**
 * One method parameter bound to the statement, in placeholder order (a parameter used twice is
 * bound twice).
 *
 * @param parameter the parameter name
 * @param value how it is bound
 * @param collection whether it is a collection expanded into {@code ?, ?, …}
 * @param pattern {@code startsWith}, {@code endsWith} or {@code contains} for a derived
 *     {@code LIKE} whose pattern is built from the value, or null
 */
public record Binding(String parameter, Value value, boolean collection, String pattern) {}
