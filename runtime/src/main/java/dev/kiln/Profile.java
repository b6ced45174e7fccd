package dev.kiln;

import java.time.Duration;

/**
 * Defaults for an environment, chosen with {@code DatabaseBuilder.profile(…)}; anything set
 * explicitly on the builder wins over them.
 *
 * <table>
 *   <caption>What each profile sets</caption>
 *   <tr><th></th><th>PRODUCTION (the default)</th><th>DEVELOPMENT</th><th>TEST</th></tr>
 *   <tr><td>{@code synchronous}</td><td>NORMAL (durable across a crash of the process; WAL)</td>
 *       <td>NORMAL</td><td>OFF (a test's data need not survive a power cut)</td></tr>
 *   <tr><td>{@code cache_size}</td><td>-16000 (16 MB per connection)</td><td>-16000</td>
 *       <td>-2000 (2 MB)</td></tr>
 *   <tr><td>{@code busy_timeout}</td><td>5000 ms</td><td>5000 ms</td><td>2000 ms</td></tr>
 *   <tr><td>read pool</td><td>the cores, at least 2</td><td>2</td><td>2</td></tr>
 *   <tr><td>slow / critical statements</td><td>200 ms / 1 s</td>
 *       <td>50 ms / 500 ms (plans and index advice early)</td><td>1 s / 5 s</td></tr>
 *   <tr><td>write timeout</td><td>10 s</td><td>10 s</td><td>5 s</td></tr>
 * </table>
 */
public enum Profile {
  /** A service in production: durable, pooled for the machine, slow statements over 200 ms. */
  PRODUCTION("NORMAL", "-16000", "5000", -1, Duration.ofMillis(200), Duration.ofSeconds(1),
      Duration.ofSeconds(10)),
  /** A developer's machine: slow statements, with their plans and advice, from 50 ms. */
  DEVELOPMENT("NORMAL", "-16000", "5000", 2, Duration.ofMillis(50), Duration.ofMillis(500),
      Duration.ofSeconds(10)),
  /** Tests: fast and small, durability traded away, waits short so a stuck test fails soon. */
  TEST("OFF", "-2000", "2000", 2, Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(5));

  final String synchronous;
  final String cacheSize;
  final String busyTimeout;
  /** The read pool's size, or -1 for the number of cores (at least 2). */
  final int readPoolSize;
  final Duration slowQueryThreshold;
  final Duration criticalQueryThreshold;
  final Duration writeTimeout;

  Profile(String synchronous, String cacheSize, String busyTimeout, int readPoolSize,
      Duration slow, Duration critical, Duration writeTimeout) {
    this.synchronous = synchronous;
    this.cacheSize = cacheSize;
    this.busyTimeout = busyTimeout;
    this.readPoolSize = readPoolSize;
    this.slowQueryThreshold = slow;
    this.criticalQueryThreshold = critical;
    this.writeTimeout = writeTimeout;
  }
}
