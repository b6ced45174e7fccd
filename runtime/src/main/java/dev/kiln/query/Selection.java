package dev.kiln.query;

import dev.kiln.spi.Engine;
import dev.kiln.spi.ValueType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a typed query's {@code select(…)} returns: the values it selects, typed one by one, to be
 * made into results with {@code into(…)} — a record's or class's constructor, or any function
 * whose parameters match the selected values in number and type, as javac checks:
 *
 * <pre>{@code
 * List<NameAndEmail> rows = authors.query().where(Author_.NAME.startsWith("A"))
 *     .select(Author_.NAME, Author_.EMAIL).into(NameAndEmail::new).list();
 * }</pre>
 *
 * One selected value needs no {@code into}: {@code select(Author_.NAME).list()}.
 */
public final class Selection {

  private Selection() {}

  /**
   * Makes a result from one row: straight from the row a result set is on ({@code read}, each
   * value read by its own column's type and handed to {@code into} as it is read, with no array
   * between them), or from the values kept of a row by the query cache or by groups added up in
   * Java ({@code map}), in the order selected.
   */
  interface RowMapper<R> extends Engine.RowReader<R> {

    /** The result of values kept from a row. */
    R map(Object[] values);
  }

  /**
   * How {@code into}'s rows read {@code item}: a column that is never NULL without a null to merge
   * with each value's box, so that the JIT can drop the box a primitive parameter unwraps.
   */
  private static <T> ValueType<T> reads(Selectable<?, T> item) {
    return item.nullable() ? item.type() : item.type().present();
  }

  /** The results of a projection: rows run through their {@code into} function. */
  public static final class Results<E, R> {

    private final EntityQuery<E, ?> query;
    private final List<Selectable<E, ?>> items;
    private final RowMapper<R> mapper;

    Results(EntityQuery<E, ?> query, List<Selectable<E, ?>> items, RowMapper<R> mapper) {
      this.query = query;
      this.items = items;
      this.mapper = mapper;
    }

    /** Every result, in the query's order. */
    public List<R> list() {
      return query.project(items, mapper, false);
    }

    /** The first result; empty when there is no row, or the result is null. */
    public Optional<R> first() {
      List<R> rows = query.project(items, mapper, true);
      return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The results as a stream, which must be closed. */
    public Stream<R> stream() {
      return query.streamProjection(items, mapper);
    }
  }

  /** One selected value; its results are the values themselves. */
  public static final class Of1<E, A> {
    private final Selectable<E, A> a;
    private final Results<E, A> results;

    Of1(EntityQuery<E, ?> query, Selectable<E, A> a) {
      this.a = a;
      // The values themselves are the results, kept boxed: read as their type reads them.
      this.results = new Results<>(query, List.of(a), mapper(a.type(), Function.identity()));
    }

    /** The values made into results by {@code into}. */
    public <R> Results<E, R> into(Function<? super A, ? extends R> into) {
      return new Results<>(results.query, results.items, mapper(reads(a), into));
    }

    private static <A, R> RowMapper<R> mapper(ValueType<A> ta,
        Function<? super A, ? extends R> into) {
      return new RowMapper<>() {
        @Override
        @SuppressWarnings("unchecked")
        public R map(Object[] row) {
          return into.apply((A) row[0]);
        }

        @Override
        public R read(ResultSet rs) throws SQLException {
          return into.apply(ta.read(rs, 1));
        }
      };
    }

    public List<A> list() {
      return results.list();
    }

    public Optional<A> first() {
      return results.first();
    }

    public Stream<A> stream() {
      return results.stream();
    }
  }

  /** Two selected values. */
  public static final class Of2<E, A, B> {
    private final EntityQuery<E, ?> query;
    private final Selectable<E, A> a;
    private final Selectable<E, B> b;

    Of2(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b) {
      this.query = query;
      this.a = a;
      this.b = b;
    }

    /** Each row's values made into a result by {@code into}. */
    public <R> Results<E, R> into(BiFunction<? super A, ? super B, ? extends R> into) {
      ValueType<A> ta = reads(a);
      ValueType<B> tb = reads(b);
      return new Results<>(query, List.of(a, b), new RowMapper<>() {
        @Override
        @SuppressWarnings("unchecked")
        public R map(Object[] row) {
          return into.apply((A) row[0], (B) row[1]);
        }

        @Override
        public R read(ResultSet rs) throws SQLException {
          return into.apply(ta.read(rs, 1), tb.read(rs, 2));
        }
      });
    }
  }

  /** A function of three values, as a three-component record's constructor. */
  @FunctionalInterface
  public interface Into3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  /** Three selected values. */
  public static final class Of3<E, A, B, C> {
    private final EntityQuery<E, ?> query;
    private final Selectable<E, A> a;
    private final Selectable<E, B> b;
    private final Selectable<E, C> c;

    Of3(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b, Selectable<E, C> c) {
      this.query = query;
      this.a = a;
      this.b = b;
      this.c = c;
    }

    /** Each row's values made into a result by {@code into}. */
    public <R> Results<E, R> into(Into3<? super A, ? super B, ? super C, ? extends R> into) {
      ValueType<A> ta = reads(a);
      ValueType<B> tb = reads(b);
      ValueType<C> tc = reads(c);
      return new Results<>(query, List.of(a, b, c), new RowMapper<>() {
        @Override
        @SuppressWarnings("unchecked")
        public R map(Object[] row) {
          return into.apply((A) row[0], (B) row[1], (C) row[2]);
        }

        @Override
        public R read(ResultSet rs) throws SQLException {
          return into.apply(ta.read(rs, 1), tb.read(rs, 2), tc.read(rs, 3));
        }
      });
    }
  }

  /** A function of four values. */
  @FunctionalInterface
  public interface Into4<A, B, C, D, R> {
    R apply(A a, B b, C c, D d);
  }

  /** Four selected values. */
  public static final class Of4<E, A, B, C, D> {
    private final EntityQuery<E, ?> query;
    private final Selectable<E, A> a;
    private final Selectable<E, B> b;
    private final Selectable<E, C> c;
    private final Selectable<E, D> d;

    Of4(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b, Selectable<E, C> c,
        Selectable<E, D> d) {
      this.query = query;
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
    }

    /** Each row's values made into a result by {@code into}. */
    public <R> Results<E, R> into(
        Into4<? super A, ? super B, ? super C, ? super D, ? extends R> into) {
      ValueType<A> ta = reads(a);
      ValueType<B> tb = reads(b);
      ValueType<C> tc = reads(c);
      ValueType<D> td = reads(d);
      return new Results<>(query, List.of(a, b, c, d), new RowMapper<>() {
        @Override
        @SuppressWarnings("unchecked")
        public R map(Object[] row) {
          return into.apply((A) row[0], (B) row[1], (C) row[2], (D) row[3]);
        }

        @Override
        public R read(ResultSet rs) throws SQLException {
          return into.apply(ta.read(rs, 1), tb.read(rs, 2), tc.read(rs, 3), td.read(rs, 4));
        }
      });
    }
  }

  /** A function of five values. */
  @FunctionalInterface
  public interface Into5<A, B, C, D, F, R> {
    R apply(A a, B b, C c, D d, F f);
  }

  /** Five selected values. */
  public static final class Of5<E, A, B, C, D, F> {
    private final EntityQuery<E, ?> query;
    private final Selectable<E, A> a;
    private final Selectable<E, B> b;
    private final Selectable<E, C> c;
    private final Selectable<E, D> d;
    private final Selectable<E, F> f;

    Of5(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b, Selectable<E, C> c,
        Selectable<E, D> d, Selectable<E, F> f) {
      this.query = query;
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
      this.f = f;
    }

    /** Each row's values made into a result by {@code into}. */
    public <R> Results<E, R> into(
        Into5<? super A, ? super B, ? super C, ? super D, ? super F, ? extends R> into) {
      ValueType<A> ta = reads(a);
      ValueType<B> tb = reads(b);
      ValueType<C> tc = reads(c);
      ValueType<D> td = reads(d);
      ValueType<F> tf = reads(f);
      return new Results<>(query, List.of(a, b, c, d, f), new RowMapper<>() {
        @Override
        @SuppressWarnings("unchecked")
        public R map(Object[] row) {
          return into.apply((A) row[0], (B) row[1], (C) row[2], (D) row[3], (F) row[4]);
        }

        @Override
        public R read(ResultSet rs) throws SQLException {
          return into.apply(ta.read(rs, 1), tb.read(rs, 2), tc.read(rs, 3), td.read(rs, 4),
              tf.read(rs, 5));
        }
      });
    }
  }
}
