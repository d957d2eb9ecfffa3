package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code ALTER TABLE t ALTER COLUMN c SET DEFAULT expr}, or {@code DROP DEFAULT} when {@code
 * expression} is null.
 */
public record AlterColumnDefault(TableRef table, String column, String expression)
    implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of(table.column(column));
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.alterColumn(table, column, c -> c.withDefault(expression));
  }

  @Override
  public String describe() {
    return (expression == null ? "drop default of " : "set default of ")
        + table.column(column).displayName();
  }
}
