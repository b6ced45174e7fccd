/**
 * The types generated code is made of: how an entity maps to rows ({@link
 * dev.kiln.mapping.EntityMapping}, {@link dev.kiln.mapping.EntityInfo}, {@link
 * dev.kiln.mapping.RelationInfo}, and {@link dev.kiln.mapping.ChildRows}, where a fetch plan
 * takes the rows a mapping reads), the connection a unit of generated work runs on ({@link
 * dev.kiln.mapping.Conn}, {@link dev.kiln.mapping.SqlWork}) and the compiled-in schema ({@link
 * dev.kiln.mapping.SchemaProvider}).
 *
 * <p>They sit below the engine: {@code dev.kiln.spi} (what generated code calls) runs them on
 * {@code dev.kiln.internal}, which uses them and nothing above it but {@code dev.kiln}'s
 * exceptions and {@code Dialect}. Application code does not need them.
 */
package dev.kiln.mapping;
