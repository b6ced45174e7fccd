package dev.kiln.spi;

import dev.kiln.Dialect;
import dev.kiln.internal.StorableValues;
import dev.kiln.KilnException;
import dev.kiln.internal.postgresql.PostgresValues;
import dev.kiln.mapping.EntityMapping;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Checks that generated code runs on values before they reach SQL. */
public final class Checks {

  private Checks() {}

  /** Refuses a null for a {@code NOT NULL} property, naming it. */
  public static void notNull(Object value, String entity, String property) {
    if (value == null) {
      throw new KilnException(entity + "." + property + " is null, but its column is NOT NULL:"
          + " give it a value, or mark the property @Nullable if absence is valid");
    }
  }

  /** Refuses text Kiln could not store exactly (see {@link StorableValues}), naming it. */
  public static void storable(String value, String entity, String property) {
    if (value != null) {
      refuse(StorableValues.problem(value), entity, property);
    }
  }

  /** Refuses a {@code double} SQLite would change ({@code NaN}, {@code -0.0}), naming it. */
  public static void storable(double value, String entity, String property) {
    refuse(StorableValues.problem(value), entity, property);
  }

  /** Refuses a {@code Double} SQLite would change, naming it. */
  public static void storable(Double value, String entity, String property) {
    if (value != null) {
      refuse(StorableValues.problem(value), entity, property);
    }
  }

  /** Refuses a {@code Float} SQLite would change, naming it. */
  public static void storable(Float value, String entity, String property) {
    if (value != null) {
      refuse(StorableValues.problem(value), entity, property);
    }
  }

  /** Refuses an {@code Instant} outside the years Kiln stores, naming it. */
  public static void storable(Instant value, String entity, String property) {
    if (value != null) {
      refuse(StorableValues.problem(value), entity, property);
    }
  }

  /** Refuses a {@code LocalDate} outside the years Kiln stores, naming it. */
  public static void storable(LocalDate value, String entity, String property) {
    if (value != null) {
      refuse(StorableValues.problem(value), entity, property);
    }
  }

  /** Refuses a {@code LocalDateTime} outside the years Kiln stores, naming it. */
  public static void storable(LocalDateTime value, String entity, String property) {
    if (value != null) {
      refuse(StorableValues.problem(value), entity, property);
    }
  }

  /** Refuses an {@code OffsetDateTime} Kiln cannot store and compare, naming it. */
  public static void storable(OffsetDateTime value, String entity, String property) {
    if (value != null) {
      refuse(StorableValues.problem(value), entity, property);
    }
  }

  /**
   * Refuses any value that the typed {@code storable} checks, or PostgreSQL on {@code dialect},
   * would refuse: for values whose type is known only at run time, as a typed update's.
   */
  public static void storableValue(Object value, String entity, String property,
      Dialect dialect) {
    if (value instanceof String text) {
      storable(text, entity, property);
    } else if (value instanceof Double number) {
      storable(number, entity, property);
    } else if (value instanceof Float number) {
      storable(number, entity, property);
    } else if (value instanceof Instant time) {
      storable(time, entity, property);
    } else if (value instanceof LocalDate date) {
      storable(date, entity, property);
    } else if (value instanceof LocalDateTime time) {
      storable(time, entity, property);
    } else if (value instanceof OffsetDateTime time) {
      storable(time, entity, property);
    }
    if (dialect == Dialect.POSTGRESQL) {
      storableOnPostgres(value, entity, property);
    }
  }

  /**
   * Refuses a value PostgreSQL's type would change (a time past the microsecond, a NUL in text, a
   * decimal's negative scale), naming it; the database is PostgreSQL.
   */
  public static void storableOnPostgres(Object value, String entity, String property) {
    if (value != null) {
      refuse(PostgresValues.problem(value), entity, property);
    }
  }

  private static void refuse(String problem, String entity, String property) {
    if (problem != null) {
      throw new KilnException(entity + "." + property + " cannot be stored: " + problem);
    }
  }

  /** Refuses a null entity passed to a repository method. */
  public static <E> E entity(E entity, String name) {
    if (entity == null) {
      throw new KilnException("a " + name + " to write may not be null");
    }
    return entity;
  }

  /** Copies {@code entities} to a list, refusing null elements, before a multi-row write begins. */
  public static <E> List<E> entities(Iterable<E> entities, EntityMapping<E> mapping,
      Dialect dialect) {
    // Sized up front when the caller passes a collection: a list of 1,000 grown from empty copies
    // itself a dozen times on every insertAll.
    List<E> list =
        entities instanceof Collection<?> c ? new ArrayList<>(c.size()) : new ArrayList<>();
    for (E entity : entities) {
      mapping.check(entity(entity, mapping.info().entity()), dialect);
      list.add(entity);
    }
    return list;
  }

  /** Refuses a null argument of a generated {@code @Dao} method that cannot take one. */
  public static void parameter(Object value, String method, String parameter) {
    if (value == null) {
      throw new KilnException(method + ": parameter " + parameter + " is null; to find rows"
          + " without a value, use an IsNull condition");
    }
  }

  /** Refuses a null key part. */
  public static void key(Object part, String entity, String property) {
    if (part == null) {
      throw new KilnException("the key " + entity + "." + property + " may not be null");
    }
  }
}
