package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code DROP DATABASE name} (MySQL also {@code DROP SCHEMA}). The database is held in a
 * table-shaped reference, {@code name.*}: every table in it.
 */
public record DropDatabase(String name) implements SchemaChange {

  @Override
  public TableRef table() {
    return new TableRef(name, "*");
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    // Migrations run inside the database they change; another database is not in the catalog.
  }

  @Override
  public String describe() {
    return "drop database " + name;
  }
}
