package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;

/**
 * Derived counts whose subject, {@code Customers}, is the simple name of two entities: the
 * model's {@code Customer} (table {@code class_customer}) and Chinook's {@code Customer}. The
 * subject means the one whose properties the rest of the name fits.
 */
@Dao
public interface CustomerCounts {

  /** Only {@code dev.kiln.it.model.Customer} has a {@code name}. */
  @AllowScan("a handful of rows")
  long countCustomersByName(String name);

  /** Only {@code dev.kiln.it.chinook.Customer} has a {@code country}. */
  @AllowScan("59 customers")
  long countCustomersByCountry(String country);
}
