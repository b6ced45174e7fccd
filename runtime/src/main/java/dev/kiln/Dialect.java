package dev.kiln;

/**
 * The engine a {@link Database} runs on, chosen by its JDBC URL: {@code jdbc:sqlite:…} or
 * {@code jdbc:postgresql:…}. The same entities, repositories, metamodels and {@code @Dao}
 * implementations run on both.
 */
public enum Dialect {
  /** SQLite, through sqlite-jdbc: one file, one writer, readers in parallel. */
  SQLITE,
  /** PostgreSQL 14 and later, through its JDBC driver ({@code org.postgresql:postgresql}). */
  POSTGRESQL
}
