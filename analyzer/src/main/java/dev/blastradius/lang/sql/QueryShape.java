package dev.blastradius.lang.sql;

import dev.blastradius.schema.ColumnRef;
import java.util.List;
import java.util.Map;

/**
 * What a query produces and reads: its output column names, the base columns behind each output
 * column, and the base columns every row depends on (WHERE, JOIN, GROUP BY, HAVING).
 */
record QueryShape(
    List<String> columns, Map<String, List<ColumnRef>> sources, List<ColumnRef> filters) {
  QueryShape {
    columns = List.copyOf(columns);
    sources = Map.copyOf(sources);
    filters = List.copyOf(filters);
  }
}
