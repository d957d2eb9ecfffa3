package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name}.
 *
 * @param table the indexed table when the catalog knows it, else a table named after the index's
 *     schema and {@code ?}
 * @param columnNames the indexed columns when the migration tool names them, else empty
 */
public record DropIndex(
    TableRef table, String name, boolean concurrently, boolean ifExists, List<String> columnNames)
    implements SchemaChange {

  public DropIndex {
    columnNames = List.copyOf(columnNames);
  }

  /** A drop whose statement does not name the indexed columns (SQL's {@code DROP INDEX name}). */
  public DropIndex(TableRef table, String name, boolean concurrently, boolean ifExists) {
    this(table, name, concurrently, ifExists, List.of());
  }

  /** The indexed columns when the declaring tool names them (a Django field's index), else none. */
  @Override
  public List<ColumnRef> columns() {
    return columnNames.stream().map(table::column).toList();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.dropIndex(name);
  }

  @Override
  public String describe() {
    return "drop index " + name;
  }
}
