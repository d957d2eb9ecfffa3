package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW v AS query}. The view is a table of the catalog
 * (so {@code SELECT * FROM v} expands); reading it reads the base columns its query reads.
 *
 * @param outputColumns the view's column names, when they could be determined
 * @param columnSources for each output column, the base columns its expression reads
 * @param filterSources base columns every row of the view depends on (WHERE, JOIN, GROUP BY)
 * @param query the defining query as written
 */
public record CreateView(
    TableRef table,
    List<String> outputColumns,
    Map<String, List<ColumnRef>> columnSources,
    List<ColumnRef> filterSources,
    boolean materialized,
    boolean orReplace,
    String query)
    implements SchemaChange {

  public CreateView {
    outputColumns = List.copyOf(outputColumns);
    columnSources = Map.copyOf(columnSources);
    filterSources = List.copyOf(filterSources);
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.createView(
        table,
        outputColumns.stream().map(c -> new Catalog.Column(c, "", false, null)).toList(),
        new Catalog.ViewSources(columnSources, filterSources));
  }

  @Override
  public String describe() {
    return "create " + (materialized ? "materialized " : "") + "view " + table.displayName();
  }
}
