package dev.kiln.internal.sqlite;

import dev.kiln.Health;
import dev.kiln.KilnException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups on a schedule: each an online copy ({@link Backup}, {@code VACUUM INTO}, which reads
 * one snapshot and holds no write lock, so writers go on), written under a temporary name,
 * verified with {@code integrity_check}, and only then renamed to
 * {@code <name>-<UTC time>.db}, names that sort by time. The oldest beyond {@code keep} are
 * deleted after a new one is verified, so a failing run never deletes a good backup, and a
 * partial file never stays behind.
 */
public final class BackupSchedule {

  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.backup");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ConnectionSource source;
  private final Path dir;
  private final int keep;
  private final Clock clock;
  private final String name;
  private final Pattern ours;
  private volatile Health.Check last;

  public BackupSchedule(ConnectionSource source, Path dir, int keep, Clock clock) {
    if (source.file() == null) {
      throw new KilnException("backups copy a database file; this database is in memory");
    }
    this.source = source;
    this.dir = dir;
    this.keep = keep;
    this.clock = clock;
    String file = source.file().getFileName().toString();
    this.name = file.endsWith(".db") ? file.substring(0, file.length() - 3) : file;
    this.ours = Pattern.compile(Pattern.quote(name) + "-\\d{8}T\\d{6}\\.\\d{3}Z\\.db");
    this.last = new Health.Check(Health.Status.UP, "no backup yet; the first is scheduled");
  }

  /** Takes, verifies and keeps one backup; returns it. Throws, leaving nothing, when it fails. */
  public Path runOnce() {
    Path partial = null;
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(name + "-" + TIME.format(clock.instant()) + ".db");
      partial = dir.resolve("." + target.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      Backup.to(source, partial);
      BackupFiles.verify(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      partial = null;
      deleteBeyondKeep();
      last = new Health.Check(Health.Status.UP, "last backup " + target.getFileName() + ", "
          + Files.size(target) + " bytes");
      LOG.info("backed up to {}", target);
      return target;
    } catch (IOException | RuntimeException e) {
      String reason = e instanceof IOException
          ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
      last = new Health.Check(Health.Status.DEGRADED, "the last backup into " + dir
          + " failed: " + reason);
      throw e instanceof KilnException k ? k
          : new KilnException("cannot back up into " + dir + ": " + reason, e);
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // the next run deletes it before it writes
        }
      }
    }
  }

  /** How the last backup went, for {@code db.health()}. */
  public Health.Check check() {
    return last;
  }

  /** The backups of this database in {@code dir}, oldest first. */
  public List<Path> backups() throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (ours.matcher(file.getFileName().toString()).matches()) {
          found.add(file);
        }
      }
    }
    found.sort(null);
    return found;
  }

  private void deleteBeyondKeep() throws IOException {
    List<Path> all = backups();
    for (int i = 0; i < all.size() - keep; i++) {
      Files.delete(all.get(i));
      LOG.info("deleted the old backup {}", all.get(i));
    }
  }
}
