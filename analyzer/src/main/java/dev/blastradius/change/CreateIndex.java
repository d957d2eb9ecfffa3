package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON t (…)} (MySQL: {@code ALTER TABLE … ADD
 * INDEX}).
 *
 * @param name the index name, or null when the database picks one
 * @param columnNames the plain columns indexed and the columns named in index expressions
 * @param where the partial-index predicate as written, or null
 */
public record CreateIndex(
    TableRef table,
    String name,
    List<String> columnNames,
    boolean unique,
    boolean concurrently,
    boolean ifNotExists,
    String where)
    implements SchemaChange {

  public CreateIndex {
    columnNames = List.copyOf(columnNames);
  }

  @Override
  public List<ColumnRef> columns() {
    return columnNames.stream().map(table::column).toList();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    if (name != null) {
      catalog.addIndex(table, name);
    }
  }

  @Override
  public String describe() {
    return "create "
        + (unique ? "unique " : "")
        + "index"
        + (name == null ? "" : " " + name)
        + " on "
        + table.displayName()
        + " ("
        + String.join(", ", columnNames)
        + ")";
  }
}
