package dev.kiln.processor.model;

/**
 * One method parameter bound to the statement, in placeholder order (a parameter used twice is
 * bound twice).
 *
 * @param parameter the parameter name
 * @param value how it is bound
 * @param collection whether it is a collection expanded into {@code ?, ?, …}
 * @param transform the static method ({@code package.Class.method}) that turns the argument
 *     into what is bound (a {@code LIKE} pattern into SQLite's glob, a time into PostgreSQL's
 *     microsecond bound), or null to bind it as it is
 */
public record Binding(String parameter, Value value, boolean collection, String transform) {}
