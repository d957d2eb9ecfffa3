package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code ALTER TABLE t DROP COLUMN c}. */
public record DropColumn(TableRef table, String name) implements SchemaChange {

  /** The dropped column. */
  public ColumnRef column() {
    return table.column(name);
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of(column());
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.dropColumn(table, name);
  }

  @Override
  public String describe() {
    return "drop column " + column().displayName();
  }
}
