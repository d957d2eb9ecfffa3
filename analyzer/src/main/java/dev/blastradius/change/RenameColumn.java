package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code ALTER TABLE t RENAME COLUMN a TO b}. */
public record RenameColumn(TableRef table, String from, String to) implements SchemaChange {

  /** The column under its old name, the one code still uses. */
  public ColumnRef oldColumn() {
    return table.column(from);
  }

  /** The column under its new name. */
  public ColumnRef newColumn() {
    return table.column(to);
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of(oldColumn(), newColumn());
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.renameColumn(table, from, to);
  }

  @Override
  public String describe() {
    return "rename column " + oldColumn().displayName() + " to " + to;
  }
}
