package dev.kiln.bench.contenders.hibernate;

import dev.kiln.bench.data.Values;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/** {@code created_at} is text in SQLite's date-time form; see {@link Values}. */
@Converter
public class InstantText implements AttributeConverter<Instant, String> {

  @Override
  public String convertToDatabaseColumn(Instant value) {
    return Values.text(value);
  }

  @Override
  public Instant convertToEntityAttribute(String text) {
    return Values.instant(text);
  }
}
