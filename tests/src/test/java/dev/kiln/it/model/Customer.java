package dev.kiln.it.model;

import dev.kiln.annotations.Convert;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.Transient;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A class entity built through its public all-properties constructor and read through getters,
 * with a converted property and a transient one that the constructor does not take.
 */
@Table(name = "class_customer")
public class Customer {

  @Id(autoGenerate = true) private final long id;
  private final String name;
  @Convert(MoneyConverter.class) private final Money balance;
  private final @Nullable String email;
  @Transient private String displayName = "unset";

  public Customer(long id, String name, Money balance, @Nullable String email) {
    this.id = id;
    this.name = name;
    this.balance = balance;
    this.email = email;
  }

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Money getBalance() {
    return balance;
  }

  public @Nullable String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  /** Equal persisted properties; the transient display name does not count. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Customer c && id == c.id && name.equals(c.name)
        && balance.equals(c.balance) && Objects.equals(email, c.email);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, balance, email);
  }

  @Override
  public String toString() {
    return "Customer[" + id + ", " + name + ", " + balance + ", " + email + "]";
  }
}
