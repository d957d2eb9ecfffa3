package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code DROP [MATERIALIZED] VIEW v}. */
public record DropView(TableRef table, boolean materialized) implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.dropTable(table);
  }

  @Override
  public String describe() {
    return "drop " + (materialized ? "materialized " : "") + "view " + table.displayName();
  }
}
