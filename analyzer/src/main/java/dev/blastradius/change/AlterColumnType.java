package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code ALTER TABLE t ALTER COLUMN c [SET DATA] TYPE type [USING expr]} (MySQL: {@code MODIFY}).
 *
 * @param newType the new type as written, normalised ({@code varchar(320)})
 * @param using the {@code USING} expression, or null
 */
public record AlterColumnType(TableRef table, String column, String newType, String using)
    implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of(table.column(column));
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.alterColumn(table, column, c -> c.withType(newType));
  }

  @Override
  public String describe() {
    return "change type of " + table.column(column).displayName() + " to " + newType;
  }
}
