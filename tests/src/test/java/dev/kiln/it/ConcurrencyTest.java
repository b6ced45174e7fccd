package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads writing and reading one database at once: every write lands, and none of them
 * meets {@code SQLITE_BUSY}, because writes are serialised in-process on one writer.
 */
@Tag("engines")
class ConcurrencyTest {

  @TempDir Path dir;

  @Test
  void eightThreadsWriteAndReadWithoutBusyErrors() throws Exception {
    int threads = 8;
    int perThread = 150;
    try (Database db = TestDatabase.open(TestDatabase.builder(dir).readPoolSize(4))) {
      AuthorRepository authors = new AuthorRepository(db);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            try {
              String name = "t" + thread + "-" + i;
              Author stored;
              if (i % 3 == 0) {
                stored = db.transaction(() -> {
                  Author a = authors.insert(new Author(0, name, name + "@x.org", now(), null));
                  return authors.update(a.withName(name + "!"));
                });
              } else {
                stored = authors.insert(new Author(0, name, name + "@x.org", now(), null));
              }
              ids.add(stored.id());
              authors.findById(stored.id()).orElseThrow();
              authors.count();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
          return ids;
        }));
      }
      start.countDown();
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> result : results) {
        all.addAll(result.get(2, TimeUnit.MINUTES));
      }
      pool.shutdown();
      assertTrue(failures.isEmpty(), () -> failures.size() + " failures, the first: "
          + failures.peek());
      assertEquals(threads * perThread, all.size());
      assertEquals(threads * perThread, authors.count());
      assertEquals(threads * ((perThread + 2) / 3), authors.findAll().stream()
          .filter(a -> a.name().endsWith("!")).count());
    }
  }

  /** Now, to the microsecond, which is as precise as PostgreSQL keeps it. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
