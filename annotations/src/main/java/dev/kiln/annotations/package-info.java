/**
 * The annotations that describe an application's entities and queries to Kiln.
 *
 * <p>An entity is a record (preferred: a repository returns new instances) or a class annotated
 * {@link dev.kiln.annotations.Table}. At compile time the Kiln processor reads it and generates a
 * typed repository ({@code AuthorRepository}), a metamodel for typed queries ({@code Author_}),
 * and, when the schema changed, the next migration file.
 *
 * <pre>{@code
 * @Table
 * @Index(columns = "email", unique = true)
 * public record Author(
 *     @Id(autoGenerate = true) long id,
 *     String name,                                         // column "name", NOT NULL
 *     String email,
 *     Instant createdAt,
 *     @Nullable String bio,                                // any annotation named Nullable
 *     @Relation(mappedBy = "authorId") List<Book> books) {} // not a column; see Relation
 *
 * try (Database db = Database.open("jdbc:sqlite:app.db")) {
 *   db.migrate();
 *   var authors = new AuthorRepository(db);
 *   Author ann =
 *       authors.insert(new Author(0, "Ann", "ann@example.org", Instant.now(), null, null));
 *   List<Author> withBooks = authors.fetch(Author_.BOOKS).findAll();
 * }
 * }</pre>
 *
 * <p>By role:
 *
 * <ul>
 *   <li>the table: {@link dev.kiln.annotations.Table}, {@link dev.kiln.annotations.Index},
 *       {@link dev.kiln.annotations.AllowScan};
 *   <li>a property's column: {@link dev.kiln.annotations.Id}, {@link dev.kiln.annotations.Column},
 *       {@link dev.kiln.annotations.ForeignKey}, {@link dev.kiln.annotations.Version},
 *       {@link dev.kiln.annotations.Convert} with a {@link dev.kiln.annotations.Converter};
 *   <li>properties without a column: {@link dev.kiln.annotations.Relation},
 *       {@link dev.kiln.annotations.Transient};
 *   <li>hand-declared queries: {@link dev.kiln.annotations.Dao}, {@link dev.kiln.annotations.Sql}.
 * </ul>
 *
 * <p>Every annotation has {@code CLASS} retention: only the processor reads them, and the code it
 * generates uses no reflection, so nothing needs them at run time. For the same reason this
 * package has no dependencies.
 */
package dev.kiln.annotations;
