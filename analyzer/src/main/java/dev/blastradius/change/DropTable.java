package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code DROP TABLE t}. */
public record DropTable(TableRef table) implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of(table.column(ColumnRef.TABLE_LEVEL));
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.dropTable(table);
  }

  @Override
  public String describe() {
    return "drop table " + table.displayName();
  }
}
