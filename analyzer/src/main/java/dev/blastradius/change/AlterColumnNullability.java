package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code ALTER TABLE t ALTER COLUMN c SET NOT NULL} ({@code notNull}) or {@code DROP NOT NULL}. */
public record AlterColumnNullability(TableRef table, String column, boolean notNull)
    implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of(table.column(column));
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.alterColumn(table, column, c -> c.withNotNull(notNull));
  }

  @Override
  public String describe() {
    return (notNull ? "set not null on " : "drop not null on ")
        + table.column(column).displayName();
  }
}
