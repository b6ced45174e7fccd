package readme.operations;

import dev.kiln.Database;
import dev.kiln.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The README's operations snippet. */
final class Operations {

  private Operations() {}

  static List<String> open(Path file) {
    Database db = Database.builder(file)
        .profile(Profile.PRODUCTION)
        .maintenanceEvery(Duration.ofHours(1))
        .backups(Path.of("backups"), Duration.ofHours(6), 28)
        .build();

    List<String> problems = db.maintenance().integrityCheck();
    db.close();
    return problems;
  }
}
