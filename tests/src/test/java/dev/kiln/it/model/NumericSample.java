package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** An exact decimal and an arbitrary-size integer, for numeric ordering and comparison tests. */
@Table(name = "numeric_sample")
@Index(columns = "decimal") // indexed as CAST(decimal AS REAL), which comparisons seek
public record NumericSample(
    @Id long id,
    @Nullable BigDecimal decimal,
    @Nullable BigInteger integer) {

  public static NumericSample of(long id, String decimal) {
    return new NumericSample(id, new BigDecimal(decimal), null);
  }

  public static NumericSample ofInteger(long id, String integer) {
    return new NumericSample(id, null, new BigInteger(integer));
  }
}
