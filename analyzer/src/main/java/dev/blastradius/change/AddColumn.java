package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code ALTER TABLE t ADD COLUMN c …}.
 *
 * @param position MySQL's {@code FIRST} or {@code AFTER other} as written, lower case ({@code
 *     first}, {@code after id}); null when the column goes last
 */
public record AddColumn(TableRef table, Catalog.Column definition, String position)
    implements SchemaChange {

  /** A column added last (Postgres always adds last). */
  public AddColumn(TableRef table, Catalog.Column definition) {
    this(table, definition, null);
  }

  /** The added column. */
  public ColumnRef column() {
    return table.column(definition.name());
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of(column());
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.addColumn(table, definition);
  }

  @Override
  public String describe() {
    return "add column " + column().displayName();
  }
}
