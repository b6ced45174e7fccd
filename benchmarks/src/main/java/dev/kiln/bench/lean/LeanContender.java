package dev.kiln.bench.lean;

import java.nio.file.Path;
import java.util.List;

/** One way of running the lean operations: Kiln, or hand-written JDBC. */
public interface LeanContender extends AutoCloseable {

  /** The writer with key {@code id}, or null. */
  Writer find(long id);

  /** The writers with keys {@code first … last}, in key order, each with its notes in key order. */
  List<Writer> withNotes(long first, long last);

  /** The same writers, each note with its comments in key order: three levels, 1:N:N. */
  List<Writer> withNotesAndComments(long first, long last);

  /** The notes of writers {@code first … last}, in key order, each with its tags (M:N). */
  List<Note> notesWithTags(long first, long last);

  @Override
  void close();

  /**
   * The contender named {@code name} ({@code jdbc}, {@code kiln}, {@code jdbc-pg},
   * {@code kiln-pg}), on a copy of the lean data in {@code dir} or on PostgreSQL.
   */
  static LeanContender open(String name, Path dir) {
    return switch (name) {
      case "jdbc" -> new JdbcLean(LeanData.copyTo(dir));
      case "kiln" -> new KilnLean(LeanData.copyTo(dir));
      case "jdbc-pg" -> new JdbcLean(LeanData.copyToPostgres());
      case "kiln-pg" -> new KilnLean(LeanData.copyToPostgres());
      default -> throw new IllegalArgumentException("no lean contender named " + name);
    };
  }
}
