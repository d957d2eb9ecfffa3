package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code REINDEX [CONCURRENTLY] {INDEX|TABLE|SCHEMA|DATABASE} name}.
 *
 * @param target what is rebuilt: index, table, schema, database or system
 * @param table the table (for an index: the catalog's table for it, when known)
 */
public record Reindex(String target, String name, TableRef table, boolean concurrently)
    implements SchemaChange {

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    // Rebuilding changes no definition.
  }

  @Override
  public String describe() {
    return "reindex " + target + " " + name;
  }
}
