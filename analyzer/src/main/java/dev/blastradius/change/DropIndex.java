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
 */
public record DropIndex(TableRef table, String name, boolean concurrently, boolean ifExists)
    implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of();
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
