package dev.kiln.query;

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

  /** Makes a result from the values of one row, in the order selected. */
  @FunctionalInterface
  interface RowMapper<R> {
    R map(Object[] values);
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
    private final Results<E, A> results;

    @SuppressWarnings("unchecked")
    Of1(EntityQuery<E, ?> query, Selectable<E, A> a) {
      this.results = new Results<>(query, List.of(a), row -> (A) row[0]);
    }

    /** The values made into results by {@code into}. */
    @SuppressWarnings("unchecked")
    public <R> Results<E, R> into(Function<? super A, ? extends R> into) {
      return new Results<>(results.query, results.items, row -> into.apply((A) row[0]));
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
    private final List<Selectable<E, ?>> items;

    Of2(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b) {
      this.query = query;
      this.items = List.of(a, b);
    }

    /** Each row's values made into a result by {@code into}. */
    @SuppressWarnings("unchecked")
    public <R> Results<E, R> into(BiFunction<? super A, ? super B, ? extends R> into) {
      return new Results<>(query, items, row -> into.apply((A) row[0], (B) row[1]));
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
    private final List<Selectable<E, ?>> items;

    Of3(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b, Selectable<E, C> c) {
      this.query = query;
      this.items = List.of(a, b, c);
    }

    /** Each row's values made into a result by {@code into}. */
    @SuppressWarnings("unchecked")
    public <R> Results<E, R> into(Into3<? super A, ? super B, ? super C, ? extends R> into) {
      return new Results<>(query, items, row -> into.apply((A) row[0], (B) row[1], (C) row[2]));
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
    private final List<Selectable<E, ?>> items;

    Of4(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b, Selectable<E, C> c,
        Selectable<E, D> d) {
      this.query = query;
      this.items = List.of(a, b, c, d);
    }

    /** Each row's values made into a result by {@code into}. */
    @SuppressWarnings("unchecked")
    public <R> Results<E, R> into(
        Into4<? super A, ? super B, ? super C, ? super D, ? extends R> into) {
      return new Results<>(query, items,
          row -> into.apply((A) row[0], (B) row[1], (C) row[2], (D) row[3]));
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
    private final List<Selectable<E, ?>> items;

    Of5(EntityQuery<E, ?> query, Selectable<E, A> a, Selectable<E, B> b, Selectable<E, C> c,
        Selectable<E, D> d, Selectable<E, F> f) {
      this.query = query;
      this.items = List.of(a, b, c, d, f);
    }

    /** Each row's values made into a result by {@code into}. */
    @SuppressWarnings("unchecked")
    public <R> Results<E, R> into(
        Into5<? super A, ? super B, ? super C, ? super D, ? super F, ? extends R> into) {
      return new Results<>(query, items,
          row -> into.apply((A) row[0], (B) row[1], (C) row[2], (D) row[3], (F) row[4]));
    }
  }
}
