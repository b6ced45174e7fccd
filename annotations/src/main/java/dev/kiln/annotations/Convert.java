package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a property whose type Kiln does not know through a {@link Converter}. The column is
 * typed, compared and sorted like the converter's SQL-side type, so pick that type for how the
 * values should behave in queries. Properties of a built-in type need no converter.
 *
 * <pre>{@code
 * @Table
 * public record Product(@Id String sku, @Convert(MoneyConverter.class) Money price) {}
 * }</pre>
 *
 * @see Converter
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Convert {

  /** {@return the converter} Its Java-side type must be the property's type. */
  Class<? extends Converter<?, ?>> value();
}
