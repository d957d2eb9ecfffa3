package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code ALTER TABLE t DROP CONSTRAINT name}. */
public record DropConstraint(TableRef table, String name) implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.dropConstraint(table, name);
  }

  @Override
  public String describe() {
    return "drop constraint " + name + " on " + table.displayName();
  }
}
