package dev.blastradius.lang.ts;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Optional;

/**
 * Table and column names written in application code ({@code .from('Users')}, {@code @@map}), which
 * the client quotes: the exact name when the replayed catalog has it, else the name folded the way
 * the database folds unquoted names.
 */
public final class DbNames {

  private final Catalog catalog;
  private final Identifiers ids;

  public DbNames(Catalog catalog, Identifiers ids) {
    this.catalog = catalog;
    this.ids = ids;
  }

  /** The table {@code name} (optionally in {@code schema}) refers to. */
  public TableRef table(String schema, String name) {
    String schemaName = schema == null ? ids.defaultSchema() : schema;
    TableRef exact = new TableRef(quoted(schemaName), quoted(name));
    if (catalog.table(exact).isPresent()) {
      return exact;
    }
    return ids.table(schema == null ? List.of(name) : List.of(schema, name));
  }

  /** The column {@code name} of {@code table}. */
  public ColumnRef column(TableRef table, String name) {
    if (name.equals(ColumnRef.TABLE_LEVEL)) {
      return table.column(name);
    }
    Optional<Catalog.Table> known = catalog.table(table);
    if (known.isPresent() && known.get().column(name).isPresent()) {
      return table.column(name);
    }
    return table.column(ids.normalize(name));
  }

  /** Whether the catalog knows the table. */
  public boolean known(TableRef table) {
    return catalog.table(table).isPresent();
  }

  /** Whether the catalog knows any table at all (without migrations we cannot check names). */
  public boolean catalogEmpty() {
    return catalog.tables().isEmpty();
  }

  /** The columns of a table in declaration order; empty when it is unknown. */
  public List<ColumnRef> columns(TableRef table) {
    return catalog
        .table(table)
        .map(t -> t.columns().stream().map(c -> table.column(c.name())).toList())
        .orElse(List.of());
  }

  private String quoted(String name) {
    return ids.normalize("\"" + name.replace("\"", "\"\"") + "\"");
  }
}
