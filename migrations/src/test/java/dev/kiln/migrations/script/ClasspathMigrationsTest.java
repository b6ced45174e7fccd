package dev.kiln.migrations.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding migrations in class-path directories and jars. */
class ClasspathMigrationsTest {

  @TempDir Path dir;

  @Test
  void findsMigrationsInDirectoriesAndJarsInVersionOrder() throws IOException {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("db/kiln/nested"));
    Files.writeString(classes.resolve("db/kiln/V2__second.sql"), "SELECT 2;");
    Files.writeString(classes.resolve("db/kiln/README.md"), "not a migration");
    Files.writeString(classes.resolve("db/kiln/nested/V9__ignored.sql"), "SELECT 9;");
    Path jar = dir.resolve("lib.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("db/"));
      out.putNextEntry(new JarEntry("db/kiln/"));
      entry(out, "db/kiln/V1__first.sql", "SELECT 1;");
      entry(out, "db/kiln/V2__second.sql", "SELECT 2;"); // the same file twice counts once
      entry(out, "db/kiln/V3__third.sql", "SELECT 3;");
      entry(out, "db/kiln/other/V8__deeper.sql", "SELECT 8;");
      entry(out, "db/kilnish/V7__elsewhere.sql", "SELECT 7;");
    }
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL(), jar.toUri().toURL()}, null)) {
      List<Migration> found = Migrations.fromClasspath(loader, "db/kiln");
      assertEquals(List.of("V1__first.sql", "V2__second.sql", "V3__third.sql"),
          found.stream().map(Migration::script).toList());
      assertTrue(found.get(0).location().startsWith("file:"), found.get(0).location());
      assertTrue(found.get(1).location().startsWith(classes.toString()), found.get(1).location());
      assertTrue(found.get(0).location().endsWith("lib.jar!/db/kiln/V1__first.sql"));
      assertEquals("SELECT 2;", found.get(1).sql());
      Migrations.checkSequence(found);
    }
  }

  @Test
  void aMisnamedScriptIsAnErrorNotSilence() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("db/kiln"));
    Files.writeString(folder.resolve("V1__ok.sql"), "SELECT 1;");
    Files.writeString(folder.resolve("V2_add_bio.sql"), "SELECT 2;");
    ScriptException e = assertThrows(ScriptException.class,
        () -> Migrations.fromDirectory(folder));
    assertTrue(e.getMessage().startsWith("V2_add_bio.sql"), e.getMessage());
  }

  @Test
  void differentFilesWithOneVersionAreADuplicate() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a/db/kiln"));
    Path b = Files.createDirectories(dir.resolve("b/db/kiln"));
    Files.writeString(a.resolve("V1__one.sql"), "SELECT 1;");
    Files.writeString(b.resolve("V1__one.sql"), "SELECT 'edited';");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {
        dir.resolve("a").toUri().toURL(), dir.resolve("b").toUri().toURL()}, null)) {
      List<Migration> found = Migrations.fromClasspath(loader, "db/kiln");
      assertEquals(2, found.size());
      ScriptException e = assertThrows(ScriptException.class,
          () -> Migrations.checkSequence(found));
      assertTrue(e.getMessage().contains("two migrations have version 1"), e.getMessage());
    }
  }

  @Test
  void noFolderMeansNoMigrations() throws IOException {
    assertEquals(List.of(), Migrations.fromDirectory(dir.resolve("absent")));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertEquals(List.of(), Migrations.fromClasspath(loader, "db/kiln"));
    }
  }

  private static void entry(JarOutputStream out, String name, String content)
      throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream stream = out;
    stream.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
