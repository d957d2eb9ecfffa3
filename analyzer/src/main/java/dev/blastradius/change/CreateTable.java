package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code CREATE TABLE t (…)}. */
public record CreateTable(TableRef table, List<Catalog.Column> definitions)
    implements SchemaChange {

  public CreateTable {
    definitions = List.copyOf(definitions);
  }

  @Override
  public List<ColumnRef> columns() {
    return definitions.stream().map(c -> table.column(c.name())).toList();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.createTable(table, definitions);
  }

  @Override
  public String describe() {
    return "create table " + table.displayName();
  }
}
