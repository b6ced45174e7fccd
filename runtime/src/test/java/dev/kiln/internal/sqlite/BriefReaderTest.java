package dev.kiln.internal.sqlite;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kiln.internal.Lease;
import dev.kiln.internal.Session;
import dev.kiln.internal.Telemetry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a short read outside a transaction runs on a database file: on the idle writer after a
 * write (its page cache is the one that is warm), on the pooled readers once a read found the
 * writer busy, until the next write.
 */
class BriefReaderTest {

  @TempDir
  Path dir;

  private ConnectionSource source;
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @BeforeEach
  void open() throws SQLException {
    Telemetry telemetry = new Telemetry(Duration.ZERO, Duration.ZERO, false);
    ConnectionFactory factory = new ConnectionFactory("jdbc:sqlite:" + dir.resolve("brief.db"),
        ConnectionFactory.defaultPragmas(), telemetry, 16);
    source = new ConnectionSource(factory, 2, Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    other.shutdownNow();
    source.close();
  }

  @Test
  void readsOnTheIdleWriterAfterAWrite() throws SQLException {
    write();
    assertSame(source.writerConnection(), briefSession());
    assertSame(source.writerConnection(), briefSession(), "still no reader has caught up");
  }

  @Test
  void readsOnReadersOnceAWriteHeldTheWriterUntilTheNextWrite() throws Exception {
    write();
    CountDownLatch done = new CountDownLatch(1);
    Future<Session> writing = holdOnOtherThread(source::writer, done);
    assertNotSame(source.writerConnection(), briefSession(), "the writer is busy");
    done.countDown();
    writing.get();
    assertNotSame(source.writerConnection(), briefSession(),
        "no write began since a read went to a reader");
    write();
    assertSame(source.writerConnection(), briefSession(), "a write sends reads back");
  }

  @Test
  void threadsReadingAtOnceKeepToTheReaders() throws Exception {
    write();
    CountDownLatch done = new CountDownLatch(1);
    Future<Session> reading = holdOnOtherThread(source::briefReader, done);
    assertNotSame(source.writerConnection(), briefSession(), "another read holds the writer");
    done.countDown();
    assertSame(source.writerConnection(), reading.get());
    assertNotSame(source.writerConnection(), briefSession(),
        "no write since a read went to a reader: the readers' caches are warm");
    assertNotSame(source.writerConnection(), other.submit(this::briefSession).get());
  }

  /** A way to take a lease. */
  private interface Taker {
    Lease take() throws SQLException;
  }

  /**
   * Takes a lease with {@code taker} on the other thread and holds it until {@code done}; returns
   * once it is held, with the session it held.
   */
  private Future<Session> holdOnOtherThread(Taker taker, CountDownLatch done)
      throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    Future<Session> holding = other.submit(() -> {
      try (Lease lease = taker.take()) {
        held.countDown();
        done.await();
        return lease.session();
      }
    });
    held.await();
    return holding;
  }

  private void write() throws SQLException {
    try (Lease writer = source.writer()) {
      writer.session().execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)");
    }
  }

  private Session briefSession() throws SQLException {
    try (Lease lease = source.briefReader()) {
      return lease.session();
    }
  }
}
