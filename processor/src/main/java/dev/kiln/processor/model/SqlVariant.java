package dev.kiln.processor.model;

import java.util.List;

/**
 * One engine's form of a {@code @Dao} method's statement: its SQL and the parameters it binds,
 * in placeholder order.
 *
 * @param sql the statement, with {@code ?} placeholders and list markers for collections
 * @param bindings the parameters in placeholder order (one used twice is bound twice)
 */
public record SqlVariant(String sql, List<Binding> bindings) {

  public SqlVariant {
    bindings = List.copyOf(bindings);
  }
}
