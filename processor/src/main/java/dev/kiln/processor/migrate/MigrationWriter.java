package dev.kiln.processor.migrate;

import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.StandardLocation;

/**
 * Writes migrations where the build needs them: a new one into the source folder, where the user
 * reviews and commits it, and every one into the class output under {@code db/kiln/}.
 *
 * <p>Implementation notes: the class output gets all of them, not only the new one, because
 * Maven copies resources before compiling (so a file written during this compilation would be
 * missing from the application), and because the compiler plugin deletes, before it recompiles,
 * every file the previous compilation created — including a migration it wrote that the
 * resources step has just copied again. Writing them all each time makes the class output right
 * whatever ran before; the runtime treats identical copies of a file as one migration.
 */
final class MigrationWriter {

  private final Filer filer;

  MigrationWriter(Filer filer) {
    this.filer = filer;
  }

  /** Writes a new migration into the source folder. */
  void create(Path folder, String name, String content) throws IOException {
    Files.createDirectories(folder);
    // Written next to its final name and moved, so that a failed build leaves no half file.
    Path partial = folder.resolve(name + ".partial");
    Files.writeString(partial, content, StandardCharsets.UTF_8);
    Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes every migration into the class output. */
  void publish(List<Migration> migrations, List<? extends Element> origins) throws IOException {
    publish(Migrations.DEFAULT_LOCATION, migrations, origins);
  }

  /** Writes every migration into the class output under {@code location}. */
  void publish(String location, List<Migration> migrations, List<? extends Element> origins)
      throws IOException {
    for (Migration m : migrations) {
      try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
          location + "/" + m.script(), origins.toArray(Element[]::new))
          .openWriter()) {
        out.write(m.sql());
      }
    }
  }
}
