package dev.kiln.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Another process that takes SQLite's write lock on a database file and keeps it: started by
 * {@link WriteLockTest} with {@code <file> <millis>}, it prints {@code locked} once it holds the
 * lock, holds it for {@code millis}, then commits and exits.
 */
public final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 10000");
      st.execute("BEGIN IMMEDIATE");
      st.execute("INSERT INTO note (id, body) VALUES (1000, 'from another process')");
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]));
      st.execute("COMMIT");
    }
  }
}
