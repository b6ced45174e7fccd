package dev.kiln.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entities by primary key, shared by the repositories of one database.
 *
 * <p>Implementation notes: a reader that loaded a row just before a writer changed it must not put
 * the old row into the cache after the writer evicted it. Every eviction therefore bumps a
 * generation, and a load is stored only if no eviction happened since it started; for one key
 * both the check and the eviction run inside {@code compute} on the key, so they cannot
 * interleave. Evicting a whole table cannot lock every key: a load could pass its check just
 * before the generation moves and store its row just after the eviction walked past it. So an
 * entry also remembers the generation its load began in, and a table remembers the generation
 * of its last eviction; an entry loaded before that is never served. Evictions run after the
 * writing statement or transaction committed, never before.
 */
public final class EntityCache {

  /**
   * A cache key: the table and the primary key value (a {@code List} for composite keys). A
   * class with its methods written out, not a record: a record's {@code equals} and
   * {@code hashCode} go through {@code invokedynamic}, which some JVMs leave unfolded, and a
   * cache hit costs little more than this key's hash and comparison.
   */
  private static final class Key {
    private final String table;
    private final Object id;
    private final int hash;

    Key(String table, Object id) {
      this.table = table;
      this.id = id;
      this.hash = 31 * table.hashCode() + java.util.Objects.hashCode(id);
    }

    String table() {
      return table;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && hash == key.hash && table.equals(key.table)
          && java.util.Objects.equals(id, key.id);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A cached entity and the generation its load began in. */
  private record Entry(Object entity, long loadedIn) {}

  private final Cache<Key, Entry> cache;
  private final AtomicLong generation = new AtomicLong();
  /** The generation of each table's last eviction as a whole. */
  private final Map<String, Long> tableEvictedIn = new ConcurrentHashMap<>();

  public EntityCache(long maxEntries, Duration ttl) {
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
  }

  /** The cached entity, or null. */
  public Object get(String table, Object id) {
    Key key = new Key(table, id);
    Entry entry = cache.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    Long evicted = tableEvictedIn.get(table);
    if (evicted != null && entry.loadedIn() < evicted) {
      cache.asMap().remove(key, entry); // loaded before its table was evicted
      return null;
    }
    return entry.entity();
  }

  /** The generation to pass to {@link #putIfUnchanged} for a load that starts now. */
  public long generation() {
    return generation.get();
  }

  /** Stores a loaded entity unless something was evicted since {@code loadGeneration}. */
  public void putIfUnchanged(String table, Object id, Object entity, long loadGeneration) {
    cache.asMap().compute(new Key(table, id),
        (key, old) -> generation.get() == loadGeneration ? new Entry(entity, loadGeneration)
            : old);
  }

  /** Forgets one entity. */
  public void evict(String table, Object id) {
    cache.asMap().compute(new Key(table, id), (key, old) -> {
      generation.incrementAndGet();
      return null;
    });
  }

  /** Forgets every entity. */
  public void evictAll() {
    generation.incrementAndGet();
    cache.invalidateAll();
  }

  /** Forgets every entity of {@code table}, after a write whose rows are not known. */
  public void evictTable(String table) {
    long now = generation.incrementAndGet();
    tableEvictedIn.merge(table, now, Math::max);
    cache.asMap().keySet().removeIf(key -> key.table().equals(table)); // for memory only
  }
}
