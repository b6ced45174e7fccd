package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Database;
import dev.kiln.it.chinook.Artist;
import dev.kiln.it.chinook.ArtistRepository;
import dev.kiln.it.model.Note;
import dev.kiln.it.model.NoteRepository;
import dev.kiln.it.model.Note_;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiln reads SQLite text as the column's UTF-8 bytes rather than through sqlite-jdbc's
 * {@code getString}: every string must come back as {@code getString} returns it, whatever the
 * text holds, whatever a legacy column stores, and on a database file that stores UTF-16.
 */
class SqliteTextTest extends ChinookFixture {

  private static final List<String> TEXTS = List.of("", "plain", "a\u0000b", "é", "Élan",
      "日本語", "emoji 😀 end", "\uD7FFz", "\uE000", "\uDBFF\uDFFF", "tail \\", "x".repeat(70_000));

  @TempDir Path own;

  @Test
  void everyTextComesBackAsStored() throws SQLException {
    Path file = own.resolve("utf8.db");
    try (Database db = Database.open(file)) {
      db.migrate();
      check(db, file, "UTF-8");
    }
  }

  /**
   * A UTF-16 file gives UTF-16 bytes: read as UTF-8 they would be other text, so its connections
   * go through {@code getString}, which converts.
   */
  @Test
  void aUtf16DatabaseReadsTheSameStrings() throws SQLException {
    Path file = own.resolve("utf16.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA encoding = 'UTF-16le'");
      st.execute("CREATE TABLE created_as_utf16 (x)"); // the encoding is fixed once a table exists
    }
    try (Database db = Database.open(file)) {
      db.migrate();
      check(db, file, "UTF-16le");
    }
  }

  /** A legacy column may hold a BLOB where text belongs; it reads as getString reads it. */
  @Test
  void aBlobInALegacyTextColumnReadsAsGetStringDoes() throws SQLException {
    try (PreparedStatement ps = jdbc.prepareStatement(
        "INSERT INTO Artist (ArtistId, Name) VALUES (?, ?)")) {
      ps.setLong(1, 90_001);
      ps.setBytes(2, "é and ü".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ps.executeUpdate();
    }
    String expected = rows("SELECT Name FROM Artist WHERE ArtistId = 90001").get(0)[0];
    Artist read = new ArtistRepository(db).findById(90_001).orElseThrow();
    assertEquals("é and ü", expected);
    assertEquals(expected, read.name());
    assertEquals("BLOB", rows("SELECT typeof(Name) FROM Artist WHERE ArtistId = 90001")
        .get(0)[0].toUpperCase());
  }

  /** Stores {@link #TEXTS}, reads them through Kiln and through sqlite-jdbc, and compares. */
  private static void check(Database db, Path file, String encoding) throws SQLException {
    NoteRepository notes = new NoteRepository(db);
    List<Note> stored = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      stored.add(new Note(i + 1, TEXTS.get(i)));
    }
    notes.insertAll(stored);
    assertEquals(stored, notes.findAll());
    assertEquals(stored, notes.query().where(Note_.ID.gt(0L)).list());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA encoding")) {
        assertEquals(encoding, rs.getString(1));
      }
      try (ResultSet rs = st.executeQuery("SELECT id, body FROM note ORDER BY id")) {
        for (Note note : stored) {
          rs.next();
          assertEquals(note.body(), rs.getString(2), "note " + note.id());
        }
      }
    }
  }
}
