package dev.kiln.processor.migrate;

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
 * Writes a new migration twice: into the source folder, where the user reviews and commits it,
 * and into the class output under {@code db/kiln/}, because the build copied its resources before
 * compiling and would otherwise package the application without the migration it needs.
 */
final class MigrationWriter {

  private final Filer filer;

  MigrationWriter(Filer filer) {
    this.filer = filer;
  }

  void write(Path folder, String name, String content, List<? extends Element> origins)
      throws IOException {
    Files.createDirectories(folder);
    // Written next to its final name and moved, so that a failed build leaves no half file.
    Path partial = folder.resolve(name + ".partial");
    Files.writeString(partial, content, StandardCharsets.UTF_8);
    Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
        Migrations.DEFAULT_LOCATION + "/" + name, origins.toArray(Element[]::new))
        .openWriter()) {
      out.write(content);
    }
  }
}
