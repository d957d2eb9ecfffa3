package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/** {@code ALTER TYPE e ADD VALUE 'v'}; the type is held in a table-shaped reference. */
public record AddEnumValue(TableRef type, String value) implements SchemaChange {

  @Override
  public TableRef table() {
    return type;
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    // Enum labels do not change any column.
  }

  @Override
  public String describe() {
    return "add value '" + value + "' to type " + type.displayName();
  }
}
