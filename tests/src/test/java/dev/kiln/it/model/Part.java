package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A class entity with only a no-argument constructor and package-private, non-final fields: no
 * getters or setters, so generated code reads and assigns the fields directly.
 */
@Table(name = "class_part")
public class Part {

  @Id String sku;
  String label;
  int stock;
  @Nullable BigDecimal weight;
  byte @Nullable [] drawing;

  public Part() {}

  /** A part with every field set. */
  public static Part of(String sku, String label, int stock, @Nullable BigDecimal weight,
      byte @Nullable [] drawing) {
    Part part = new Part();
    part.sku = sku;
    part.label = label;
    part.stock = stock;
    part.weight = weight;
    part.drawing = drawing;
    return part;
  }

  public String sku() {
    return sku;
  }

  public String label() {
    return label;
  }

  public int stock() {
    return stock;
  }

  public @Nullable BigDecimal weight() {
    return weight;
  }

  public byte @Nullable [] drawing() {
    return drawing;
  }

  public void setStock(int stock) {
    this.stock = stock;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Part p && sku.equals(p.sku) && label.equals(p.label) && stock == p.stock
        && Objects.equals(weight, p.weight) && java.util.Arrays.equals(drawing, p.drawing);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sku, label, stock, weight, java.util.Arrays.hashCode(drawing));
  }

  @Override
  public String toString() {
    return "Part[" + sku + ", " + label + ", " + stock + ", " + weight + ", "
        + java.util.Arrays.toString(drawing) + "]";
  }
}
