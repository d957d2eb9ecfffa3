package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code ALTER TABLE t RENAME TO u}. */
public record RenameTable(TableRef table, TableRef newTable) implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of(table.column(ColumnRef.TABLE_LEVEL), newTable.column(ColumnRef.TABLE_LEVEL));
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.renameTable(table, newTable);
  }

  @Override
  public String describe() {
    return "rename table " + table.displayName() + " to " + newTable.displayName();
  }
}
