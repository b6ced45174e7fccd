package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import dev.kiln.it.model.NumericSample;
import java.math.BigDecimal;
import java.util.List;

/** Derived finders and sums over exact decimals. */
@Dao
@AllowScan("an index cannot serve a decimal comparison")
public interface NumericSamples {
  List<NumericSample> findByDecimal(BigDecimal decimal);

  List<NumericSample> findByDecimalGreaterThanOrderByDecimalDesc(BigDecimal decimal);

  List<NumericSample> findByDecimalBetween(BigDecimal low, BigDecimal high);

  @Sql(value = "SELECT kiln_decimal_sum(\"decimal\") FROM numeric_sample",
      postgresql = "SELECT sum(\"decimal\") FROM numeric_sample")
  BigDecimal exactTotal();

  @Sql("SELECT sum(CAST(\"decimal\" AS REAL)) FROM numeric_sample")
  double doubleTotal();
}
