package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW v AS query}. The view is a table of the catalog
 * (so {@code SELECT * FROM v} expands); reading it reads the base columns its query reads.
 *
 * @param outputColumns the view's column names, when they could be determined
 * @param query the defining query as written
 */
public record CreateView(
    TableRef table,
    List<String> outputColumns,
    boolean materialized,
    boolean orReplace,
    String query)
    implements SchemaChange {

  public CreateView {
    outputColumns = List.copyOf(outputColumns);
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.createView(
        table, outputColumns.stream().map(c -> new Catalog.Column(c, "", false, null)).toList());
  }

  @Override
  public String describe() {
    return "create " + (materialized ? "materialized " : "") + "view " + table.displayName();
  }
}
