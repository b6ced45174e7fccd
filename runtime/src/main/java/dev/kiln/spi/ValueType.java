package dev.kiln.spi;

import dev.kiln.migrations.schema.Ordering;
import dev.kiln.annotations.Converter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How one Java type is bound, read and compared in SQL. The metamodel's columns carry one so that
 * a predicate binds its values exactly as the repository writes them; the constants live in
 * {@link ValueTypes}.
 *
 * @param <T> the Java type
 */
public interface ValueType<T> {

  /** Binds {@code value} (which may be null) to parameter {@code index}. */
  void bind(PreparedStatement ps, int index, T value) throws SQLException;

  /** Reads column {@code index}; SQL {@code NULL} reads as {@code null}. */
  T read(ResultSet rs, int index) throws SQLException;

  /**
   * This type for a column that is never NULL, read so that a primitive can pass from the driver
   * to a record's constructor unboxed: with no null to merge with the box, the JIT can drop it.
   * A NULL there is an error naming the column (the table does not match the entity). By default
   * this type itself.
   */
  default ValueType<T> present() {
    return this;
  }

  /**
   * How SQL compares and orders this type so that it follows the Java type's natural order: most
   * types as stored; decimal text as an exact number and offset date-times by their instant.
   */
  default Ordering ordering() {
    return Ordering.NATIVE;
  }

  /**
   * A copy of {@code value} (which may be null) that shares no mutable state with it, for the
   * entity cache: the value itself for the immutable built-in types, a clone of a {@code byte[]}.
   */
  default T copy(T value) {
    return value;
  }

  /**
   * A type stored through a {@link Converter}: values are converted to the storage type, which
   * decides binding, reading and comparison. Nulls are never passed to the converter.
   */
  static <J, S> ValueType<J> converted(ValueType<S> storage, Converter<J, S> converter) {
    return new ValueType<>() {
      @Override
      public void bind(PreparedStatement ps, int index, J value) throws SQLException {
        storage.bind(ps, index, value == null ? null : converter.toSql(value));
      }

      @Override
      public J read(ResultSet rs, int index) throws SQLException {
        S stored = storage.read(rs, index);
        return stored == null ? null : converter.fromSql(stored);
      }

      @Override
      public Ordering ordering() {
        return storage.ordering();
      }

      /**
       * The value converted to storage and back, which is what reading the stored row would
       * give: a converted type may be mutable (a collection, say), and is not Kiln's to clone.
       */
      @Override
      public J copy(J value) {
        return value == null ? null
            : converter.fromSql(storage.copy(converter.toSql(value)));
      }
    };
  }
}
