package dev.kiln.migrations;

import dev.kiln.migrations.script.Migrations;
import java.nio.file.Path;
import org.sqlite.SQLiteDataSource;

/**
 * Migrates a database file from a folder of migrations and prints the versions it applied: the
 * second process of {@link MigratorRaceTest}.
 */
public final class MigrateMain {

  private MigrateMain() {}

  public static void main(String[] args) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + args[0]);
    MigrationResult result = Migrator.builder(ds)
        .migrations(Migrations.fromDirectory(Path.of(args[1])))
        .build().migrate();
    System.out.println("applied " + result.versions());
  }
}
