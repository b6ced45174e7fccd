package dev.kiln.migrations.schema;

import java.util.List;

/**
 * One foreign key: {@code FOREIGN KEY (columns) REFERENCES targetTable (targetColumns)}.
 *
 * @param columns the referencing columns of the owning table
 * @param targetTable the referenced table
 * @param targetColumns the referenced columns (the target's primary key)
 * @param onDelete the action on delete, in SQL ({@code "NO ACTION"}, {@code "CASCADE"} …)
 * @param onUpdate the action on update, in SQL
 */
public record ForeignKey(
    List<String> columns,
    String targetTable,
    List<String> targetColumns,
    String onDelete,
    String onUpdate) {

  public ForeignKey {
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
  }
}
