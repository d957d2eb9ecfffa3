package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code ALTER TABLE t ADD [CONSTRAINT name] …}, or a constraint declared inline on an added
 * column.
 *
 * @param name the constraint name, or null when the database picks one
 * @param columnNames the constrained columns (for CHECK: the columns its expression names)
 * @param referencedTable for foreign keys, the referenced table, else null
 * @param referencedColumns for foreign keys, the referenced columns (may be empty: the key)
 * @param expression for CHECK and EXCLUDE, the body as written, else null
 * @param notValid {@code NOT VALID}: existing rows are not checked now
 * @param usingIndex for {@code … USING INDEX idx}, the index, else null
 */
public record AddConstraint(
    TableRef table,
    String name,
    ConstraintKind kind,
    List<String> columnNames,
    TableRef referencedTable,
    List<String> referencedColumns,
    String expression,
    boolean notValid,
    String usingIndex)
    implements SchemaChange {

  public AddConstraint {
    columnNames = List.copyOf(columnNames);
    referencedColumns = List.copyOf(referencedColumns);
  }

  @Override
  public List<ColumnRef> columns() {
    return columnNames.stream().map(table::column).toList();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    if (kind == ConstraintKind.PRIMARY_KEY || kind == ConstraintKind.NOT_NULL) {
      columnNames.forEach(c -> catalog.alterColumn(table, c, column -> column.withNotNull(true)));
    }
    if (kind == ConstraintKind.CHECK) {
      catalog.addCheck(table, new Catalog.Check(name, expression, !notValid));
    } else if (name != null) {
      catalog.addConstraint(table, name);
    }
  }

  @Override
  public String describe() {
    String kindName = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return "add "
        + kindName
        + " constraint"
        + (name == null ? "" : " " + name)
        + " on "
        + table.displayName()
        + (columnNames.isEmpty() ? "" : " (" + String.join(", ", columnNames) + ")");
  }
}
