package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code ALTER TABLE t VALIDATE CONSTRAINT name}. */
public record ValidateConstraint(TableRef table, String name) implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.validateConstraint(table, name);
  }

  @Override
  public String describe() {
    return "validate constraint " + name + " on " + table.displayName();
  }
}
