package dev.kiln.migrations.diff;

/**
 * Data a migration would destroy: a dropped table, a dropped column, or values that a narrower
 * type cannot hold. Kiln never writes such a step unless the user allows it by name.
 *
 * @param table the table
 * @param column the column, or {@code null} when the whole table goes
 * @param what what is lost, in words
 */
public record DataLoss(String table, String column, String what) {

  /** The name that allows the loss: {@code table}, or {@code table.column}. */
  public String allowKey() {
    return column == null ? table : table + "." + column;
  }
}
