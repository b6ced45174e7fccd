package dev.kiln.bench.lean;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.contenders.ConnectionStatements;
import dev.kiln.bench.contenders.JdbcTransactions;
import dev.kiln.bench.contenders.Pool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written JDBC done well on the lean data set, as {@code JdbcContender}'s WELL style: the
 * same pool as the other contenders, each statement prepared once per physical connection and
 * reused (sqlite-jdbc has no statement cache of its own), columns read by index, and the eager
 * load as two statements in one read transaction — the second keyed by the range of writer keys,
 * the fastest plan there is for it — so that both see one snapshot, as Kiln's do.
 */
public final class JdbcLean implements LeanContender {

  private static final String[] SQL = {
      "SELECT id, name, rating FROM lean_writer WHERE id = ?",
      "SELECT id, name, rating FROM lean_writer WHERE id BETWEEN ? AND ? ORDER BY id",
      "SELECT id, writer_id, title, pages, weight FROM lean_note WHERE writer_id BETWEEN ? AND ?"
          + " ORDER BY writer_id, id",
      "SELECT id, note_id, body, score FROM lean_comment WHERE note_id BETWEEN ? AND ?"
          + " ORDER BY note_id, id",
      "SELECT id, writer_id, title, pages, weight FROM lean_note WHERE writer_id BETWEEN ? AND ?"
          + " ORDER BY id",
      "SELECT nt.note_id, t.id, t.name FROM lean_note_tag nt JOIN lean_tag t ON t.id = nt.tag_id"
          + " WHERE nt.note_id BETWEEN ? AND ? ORDER BY nt.note_id, t.id"};
  private static final int FIND = 0;
  private static final int WRITERS = 1;
  private static final int NOTES = 2;
  private static final int COMMENTS = 3;
  private static final int NOTES_ONLY = 4;
  private static final int TAGS = 5;

  private final HikariDataSource pool;
  private final ConnectionStatements statements = new ConnectionStatements(SQL);

  /** On a SQLite file. */
  public JdbcLean(Path file) {
    this(Pool.open(file, "jdbc-lean"));
  }

  /** On PostgreSQL. */
  public JdbcLean(String url) {
    this(Pool.openPostgres(url, "jdbc-lean-postgresql"));
  }

  private JdbcLean(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public Writer find(long id) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, FIND);
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Writer(rs.getLong(1), rs.getString(2), rs.getDouble(3)) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Writer> withNotes(long first, long last) {
    return inReadTransaction(c -> withNotes(c, first, last));
  }

  /** The writers with their notes, read on {@code c} inside its transaction. */
  private List<Writer> withNotes(Connection c, long first, long last) throws SQLException {
    List<Writer> writers = new ArrayList<>((int) (last - first + 1));
    PreparedStatement byRange = prepare(c, WRITERS);
    byRange.setLong(1, first);
    byRange.setLong(2, last);
    try (ResultSet rs = byRange.executeQuery()) {
      while (rs.next()) {
        writers.add(new Writer(rs.getLong(1), rs.getString(2), rs.getDouble(3)));
      }
    }
    List<List<Note>> notes = new ArrayList<>(writers.size());
    for (int i = 0; i < writers.size(); i++) {
      notes.add(new ArrayList<>());
    }
    PreparedStatement byWriters = prepare(c, NOTES);
    byWriters.setLong(1, first);
    byWriters.setLong(2, last);
    try (ResultSet rs = byWriters.executeQuery()) {
      while (rs.next()) {
        long writer = rs.getLong(2);
        notes.get((int) (writer - first)).add(new Note(rs.getLong(1), writer, rs.getString(3),
            rs.getInt(4), rs.getDouble(5)));
      }
    }
    List<Writer> result = new ArrayList<>(writers.size());
    for (int i = 0; i < writers.size(); i++) {
      result.add(writers.get(i).withNotes(notes.get(i)));
    }
    return result;
  }

  @Override
  public List<Writer> withNotesAndComments(long first, long last) {
    return inReadTransaction(c -> {
      List<Writer> writers = withNotes(c, first, last);
      // The notes of a range of writers are a range of note keys (ten per writer).
      long firstNote = (first - 1) * LeanData.NOTES_PER_WRITER + 1;
      long lastNote = last * LeanData.NOTES_PER_WRITER;
      List<List<Comment>> comments = new ArrayList<>();
      for (long n = firstNote; n <= lastNote; n++) {
        comments.add(new ArrayList<>());
      }
      PreparedStatement ps = prepare(c, COMMENTS);
      ps.setLong(1, firstNote);
      ps.setLong(2, lastNote);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long note = rs.getLong(2);
          comments.get((int) (note - firstNote)).add(new Comment(rs.getLong(1), note,
              rs.getString(3), rs.getInt(4)));
        }
      }
      List<Writer> result = new ArrayList<>(writers.size());
      for (Writer w : writers) {
        List<Note> notes = new ArrayList<>(w.notes().size());
        for (Note n : w.notes()) {
          notes.add(n.withComments(comments.get((int) (n.id() - firstNote))));
        }
        result.add(w.withNotes(notes));
      }
      return result;
    });
  }

  @Override
  public List<Note> notesWithTags(long first, long last) {
    return inReadTransaction(c -> {
      List<Note> notes = new ArrayList<>();
      PreparedStatement ps = prepare(c, NOTES_ONLY);
      ps.setLong(1, first);
      ps.setLong(2, last);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          notes.add(new Note(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
              rs.getDouble(5)));
        }
      }
      if (notes.isEmpty()) {
        return notes;
      }
      long firstNote = notes.get(0).id();
      List<List<Tag>> tags = new ArrayList<>(notes.size());
      for (int i = 0; i < notes.size(); i++) {
        tags.add(new ArrayList<>(2));
      }
      PreparedStatement byNotes = prepare(c, TAGS);
      byNotes.setLong(1, firstNote);
      byNotes.setLong(2, notes.get(notes.size() - 1).id());
      try (ResultSet rs = byNotes.executeQuery()) {
        while (rs.next()) {
          tags.get((int) (rs.getLong(1) - firstNote)).add(new Tag(rs.getLong(2),
              rs.getString(3)));
        }
      }
      List<Note> result = new ArrayList<>(notes.size());
      for (int i = 0; i < notes.size(); i++) {
        result.add(notes.get(i).withTags(tags.get(i)));
      }
      return result;
    });
  }

  /**
   * Runs {@code work} in one transaction, so that its statements see one snapshot; not marked
   * read-only, as this contender has always measured it.
   */
  private <T> T inReadTransaction(JdbcTransactions.Work<T> work) {
    return JdbcTransactions.inTransaction(pool, false, work);
  }

  private PreparedStatement prepare(Connection c, int which) throws SQLException {
    return statements.get(c, which);
  }

  @Override
  public void close() {
    statements.closeAll();
    pool.close();
  }
}
