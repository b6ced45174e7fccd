package dev.kiln.it;

import dev.kiln.Database;
import dev.kiln.it.chinook.AlbumRepository;
import dev.kiln.it.chinook.ArtistRepository;
import dev.kiln.it.chinook.CustomerRepository;
import dev.kiln.it.chinook.EmployeeRepository;
import dev.kiln.it.chinook.InvoiceLineRepository;
import dev.kiln.it.chinook.InvoiceRepository;
import dev.kiln.it.chinook.PlaylistRepository;
import dev.kiln.it.chinook.PlaylistTrackRepository;
import dev.kiln.it.chinook.TrackRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Chinook sample database (MIT licence, see {@code chinook/LICENSE.md} in the test
 * resources), built into a SQLite file from its script: real schema, real data, written by
 * another tool.
 */
final class ChinookData {

  private ChinookData() {}

  /** The script, a test resource (a copy of the data set, with its MIT licence beside it). */
  static String script() {
    try (var in = ChinookData.class.getResourceAsStream("/chinook/Chinook_Sqlite.sql")) {
      if (in == null) {
        throw new IllegalStateException("the Chinook script is missing from the test resources");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new Chinook database file in {@code dir}. */
  static Path create(Path dir) {
    Path file = dir.resolve("chinook.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.executeUpdate(script());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load Chinook: " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Chinook on the engine under test: the file itself on SQLite; on PostgreSQL, a new database
   * with the same rows copied in. Expected answers still come from the file.
   */
  static Database open(Path file, Path dir) {
    if (!TestDatabase.postgres()) {
      return Database.open(file);
    }
    Database db = TestDatabase.open(dir);
    copy(file, db);
    return db;
  }

  /**
   * Copies the Chinook rows in {@code file} into {@code to} through Kiln's own repositories,
   * parents first, in one transaction: how the reports run on PostgreSQL on the same data.
   */
  static void copy(Path file, Database to) {
    try (Database from = Database.open(file)) {
      to.transaction(() -> {
        new ArtistRepository(to).insertAll(new ArtistRepository(from).findAll());
        new AlbumRepository(to).insertAll(new AlbumRepository(from).findAll());
        // in key order, each employee's manager comes before the employee
        new EmployeeRepository(to).insertAll(new EmployeeRepository(from).findAll());
        new CustomerRepository(to).insertAll(new CustomerRepository(from).findAll());
        new InvoiceRepository(to).insertAll(new InvoiceRepository(from).findAll());
        new TrackRepository(to).insertAll(new TrackRepository(from).findAll());
        new InvoiceLineRepository(to).insertAll(new InvoiceLineRepository(from).findAll());
        new PlaylistRepository(to).insertAll(new PlaylistRepository(from).findAll());
        new PlaylistTrackRepository(to).insertAll(new PlaylistTrackRepository(from).findAll());
      });
    }
  }
}
