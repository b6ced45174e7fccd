package dev.kiln.internal;

import dev.kiln.KilnException;
import dev.kiln.mapping.EntityMapping;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table of an entity class, from the mapping its generated repository publishes
 * ({@code AuthorRepository.MAPPING}), for calls that name entities by class.
 */
public final class EntityTables {

  private static final Map<Class<?>, String> TABLES = new ConcurrentHashMap<>();

  private EntityTables() {}

  /** The table of {@code entity}. */
  public static String of(Class<?> entity) {
    return TABLES.computeIfAbsent(entity, EntityTables::lookUp);
  }

  private static String lookUp(Class<?> entity) {
    String repository = entity.getPackageName() + (entity.getPackageName().isEmpty() ? "" : ".")
        + entity.getSimpleName() + "Repository";
    try {
      Class<?> type = Class.forName(repository, true, entity.getClassLoader());
      Object mapping = type.getField("MAPPING").get(null);
      return ((EntityMapping<?>) mapping).info().table();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new KilnException(entity.getName() + " is not a Kiln entity: no generated "
          + repository + " was found; name classes annotated with @Table", e);
    }
  }
}
