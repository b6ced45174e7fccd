package dev.kiln.it.model;

import dev.kiln.annotations.CreatedAt;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.UpdatedAt;
import dev.kiln.annotations.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A record whose insert and update times Kiln fills in, for the auditing tests. */
@Table
public record Bill(
    @Id(autoGenerate = true) long id,
    String customer,
    BigDecimal total,
    @CreatedAt @Nullable Instant createdAt,
    @UpdatedAt @Nullable Instant updatedAt,
    @Version long version) {

  /** A new invoice, its times left to Kiln. */
  public static Bill of(String customer, String total) {
    return new Bill(0, customer, new BigDecimal(total), null, null, 0);
  }

  public Bill withTotal(String newTotal) {
    return new Bill(id, customer, new BigDecimal(newTotal), createdAt, updatedAt, version);
  }
}
