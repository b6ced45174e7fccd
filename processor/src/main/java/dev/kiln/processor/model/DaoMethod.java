package dev.kiln.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @Dao} method, ready to write: its SQL, what it binds, what it returns.
 *
 * @param element the method
 * @param sql the statement, with {@code ?} placeholders and list markers for collections
 * @param bindings the parameters in placeholder order
 * @param result what it returns
 * @param write whether it changes rows (runs on the writer)
 * @param writtenTables the tables it may change, whose cached entities it evicts
 * @param description how the query came to be, for the build's query list ("derived", "@Sql")
 * @param postgresql the statement and bindings PostgreSQL runs, or null when they are the same
 * @param cachedTables for a {@code @Cached} method, the tables its statement reads, whose writes
 *     drop its cached rows; null for a method that is not cached
 */
public record DaoMethod(
    ExecutableElement element,
    String sql,
    List<Binding> bindings,
    ResultShape result,
    boolean write,
    List<String> writtenTables,
    String description,
    SqlVariant postgresql,
    List<String> cachedTables) {

  public DaoMethod {
    bindings = List.copyOf(bindings);
    writtenTables = List.copyOf(writtenTables);
    cachedTables = cachedTables == null ? null : List.copyOf(cachedTables);
  }

  /** This method, cached and dropped by writes to {@code tables}. */
  public DaoMethod cachedBy(List<String> tables) {
    return new DaoMethod(element, sql, bindings, result, write, writtenTables, description,
        postgresql, tables);
  }

  /** The statement and bindings of the engine {@code dialect} names. */
  public SqlVariant variant(String dialect) {
    return dialect.equals("postgresql") && postgresql != null ? postgresql
        : new SqlVariant(sql, bindings);
  }

  public String name() {
    return element.getSimpleName().toString();
  }

  /** Whether Kiln wrote the SQL from the method's name (a derived query), not an {@code @Sql}. */
  public boolean derived() {
    return description.equals("derived");
  }

  /** Whether any parameter is a collection, so the SQL is expanded at run time. */
  public boolean expands() {
    return bindings.stream().anyMatch(Binding::collection);
  }
}
