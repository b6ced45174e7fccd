package dev.kiln.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole query results by statement and bound values, shared by the typed queries and
 * {@code @Cached} DAO methods of one database, and dropped when a write to a table they read
 * commits.
 *
 * <p>Implementation notes: a read that began before a write committed may finish after the
 * write's invalidation, holding rows from before the write; it must not put them back. So every
 * table has a generation, raised once a write to it commits. An entry remembers the generations
 * of its tables from <em>before</em> its read began, and is served only while all of them are
 * still current: an entry stored by a read that raced a commit is dead on arrival, and the next
 * lookup drops it. Invalidation therefore costs one increment per table written, whatever the
 * size of the cache; dead entries leave on their next lookup or by the size bound.
 */
public final class QueryCache {

  /** What an entry is looked up by: the statement (and its shape) and its bound values. */
  public record Key(String statement, List<?> values) {}

  /** The result of a lookup that found no live entry. */
  public static final Object MISS = new Object();

  /** The tables one statement reads, resolved to their generations. */
  public static final class Tables {
    private final AtomicLong[] generations;

    private Tables(AtomicLong[] generations) {
      this.generations = generations;
    }
  }

  private record Entry(Object value, Tables tables, long[] stamp) {}

  private final Cache<Key, Entry> entries;
  private final ConcurrentHashMap<String, AtomicLong> generations = new ConcurrentHashMap<>();
  /** Raised by {@link #invalidateAll}: every stamp holds it first. */
  private final AtomicLong epoch = new AtomicLong();

  public QueryCache(long maxEntries, Duration ttl) {
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
  }

  /** The generations of {@code tables} (names in any case). */
  public Tables tables(Collection<String> tables) {
    AtomicLong[] resolved = new AtomicLong[tables.size()];
    int i = 0;
    for (String table : tables) {
      resolved[i++] = generation(table);
    }
    return new Tables(resolved);
  }

  /** The generations of {@code tables} now: take it before the read whose result is stored. */
  public long[] stamp(Tables tables) {
    long[] stamp = new long[tables.generations.length + 1];
    stamp[0] = epoch.get();
    for (int i = 0; i < tables.generations.length; i++) {
      stamp[i + 1] = tables.generations[i].get();
    }
    return stamp;
  }

  /** The live value stored for {@code key}, or {@link #MISS}. */
  public Object get(Key key) {
    Entry entry = entries.getIfPresent(key);
    if (entry == null) {
      return MISS;
    }
    if (!current(entry)) {
      entries.asMap().remove(key, entry);
      return MISS;
    }
    return entry.value();
  }

  /**
   * Stores {@code value} (null allowed) for {@code key}, read after {@code stamp} was taken of
   * {@code tables}. If a write to one of them committed meanwhile the entry is never served.
   */
  public void put(Key key, Object value, Tables tables, long[] stamp) {
    entries.put(key, new Entry(value, tables, stamp));
  }

  /** Drops every entry that read any of {@code tables}; call once the write has committed. */
  public void invalidate(Collection<String> tables) {
    for (String table : tables) {
      generation(table).incrementAndGet();
    }
  }

  /** Drops every entry. */
  public void invalidateAll() {
    epoch.incrementAndGet();
    entries.invalidateAll();
  }

  /** The number of entries held, live or not yet found dead (for tests and figures). */
  public long size() {
    return entries.estimatedSize();
  }

  private boolean current(Entry entry) {
    long[] stamp = entry.stamp();
    if (stamp[0] != epoch.get()) {
      return false;
    }
    AtomicLong[] tables = entry.tables().generations;
    for (int i = 0; i < tables.length; i++) {
      if (tables[i].get() != stamp[i + 1]) {
        return false;
      }
    }
    return true;
  }

  private AtomicLong generation(String table) {
    String name = table.toLowerCase(Locale.ROOT);
    AtomicLong generation = generations.get(name);
    return generation != null ? generation
        : generations.computeIfAbsent(name, n -> new AtomicLong());
  }
}
