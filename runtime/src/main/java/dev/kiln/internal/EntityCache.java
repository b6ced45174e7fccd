package dev.kiln.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entities by primary key, shared by the repositories of one database.
 *
 * <p>Implementation notes: a reader that loaded a row just before a writer changed it must not put
 * the old row into the cache after the writer evicted it. Every eviction therefore bumps a
 * generation, and a load is stored only if no eviction happened since it started; both the check
 * and the eviction run inside {@code compute} on the key, so they cannot interleave. Evictions
 * run after the writing statement or transaction committed, never before.
 */
public final class EntityCache {

  /** A cache key: the table and the primary key value (a {@code List} for composite keys). */
  private record Key(String table, Object id) {}

  private final Cache<Key, Object> cache;
  private final AtomicLong generation = new AtomicLong();

  public EntityCache(long maxEntries, Duration ttl) {
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
  }

  /** The cached entity, or null. */
  public Object get(String table, Object id) {
    return cache.getIfPresent(new Key(table, id));
  }

  /** The generation to pass to {@link #putIfUnchanged} for a load that starts now. */
  public long generation() {
    return generation.get();
  }

  /** Stores a loaded entity unless something was evicted since {@code loadGeneration}. */
  public void putIfUnchanged(String table, Object id, Object entity, long loadGeneration) {
    cache.asMap().compute(new Key(table, id),
        (key, old) -> generation.get() == loadGeneration ? entity : old);
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
    generation.incrementAndGet();
    cache.asMap().keySet().removeIf(key -> key.table().equals(table));
  }
}
