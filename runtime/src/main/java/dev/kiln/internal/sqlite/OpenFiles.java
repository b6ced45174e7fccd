package dev.kiln.internal.sqlite;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The database files open in this process, so that a restore can refuse to replace one. */
final class OpenFiles {

  private static final Map<Path, AtomicInteger> OPEN = new ConcurrentHashMap<>();

  private OpenFiles() {}

  static void opened(Path file) {
    OPEN.computeIfAbsent(key(file), k -> new AtomicInteger()).incrementAndGet();
  }

  static void closed(Path file) {
    OPEN.computeIfPresent(key(file), (k, count) -> count.decrementAndGet() == 0 ? null : count);
  }

  static boolean isOpen(Path file) {
    return OPEN.containsKey(key(file));
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
