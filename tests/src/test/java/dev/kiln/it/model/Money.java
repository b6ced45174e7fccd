package dev.kiln.it.model;

import java.util.Objects;

/** An amount of money in minor units, stored through {@link MoneyConverter}. */
public record Money(long cents, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }
}
