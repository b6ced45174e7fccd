package readme.migrations;

import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.Migrator;
import dev.kiln.migrations.script.Migrations;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/** The README's snippet of the migrator used on its own. */
final class MigratorAlone {

  private MigratorAlone() {}

  static void run(DataSource dataSource) {
    Migrator migrator = Migrator.builder(dataSource).build();   // db/kiln/ on the class path
    MigrationResult result = migrator.migrate();                 // result.versions(): [2, 3]
    migrator.info().forEach(m -> System.out.println(m.version() + " " + m.state()));
    Migrator.builder(dataSource)
        .migrations(Migrations.fromDirectory(Path.of("migrations")))   // or an explicit list
        .lockTimeout(Duration.ofMinutes(1))
        .build()
        .migrate();
  }
}
