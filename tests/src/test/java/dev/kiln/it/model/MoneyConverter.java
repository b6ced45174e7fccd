package dev.kiln.it.model;

import dev.kiln.annotations.Converter;

/** Stores {@link Money} as text, currency first: {@code "EUR 1250"}. */
public class MoneyConverter implements Converter<Money, String> {

  @Override
  public String toSql(Money value) {
    return value.currency() + " " + value.cents();
  }

  @Override
  public Money fromSql(String value) {
    int space = value.indexOf(' ');
    return new Money(Long.parseLong(value.substring(space + 1)), value.substring(0, space));
  }
}
