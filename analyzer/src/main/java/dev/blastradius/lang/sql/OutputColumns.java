package dev.blastradius.lang.sql;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * The names of a query's output columns, the way Postgres names them: aliases, column names,
 * function names, and {@code *} expanded through the catalog. Used for derived tables, CTEs, views
 * and {@code CREATE TABLE AS}.
 */
final class OutputColumns {

  private OutputColumns() {}

  static List<String> of(Select select, Catalog catalog, Identifiers ids) {
    if (select instanceof SetOperationList setOperations && !setOperations.getSelects().isEmpty()) {
      return of(setOperations.getSelects().get(0), catalog, ids);
    }
    if (select instanceof ParenthesedSelect parenthesed) {
      return of(parenthesed.getSelect(), catalog, ids);
    }
    if (!(select instanceof PlainSelect plain)) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (SelectItem<?> item : plain.getSelectItems()) {
      Expression expression = item.getExpression();
      String name = nameOf(item, ids);
      if (name != null) {
        names.add(name);
      } else if (expression instanceof AllTableColumns tableStar) {
        names.addAll(
            columnsOf(
                relation(plain, ids.normalize(tableStar.getTable().getName()), ids), catalog));
      } else if (expression instanceof AllColumns) {
        for (TableRef table : relations(plain, ids)) {
          names.addAll(columnsOf(table, catalog));
        }
      }
    }
    return List.copyOf(names);
  }

  /** The output name of one non-star select item, or null ({@code *}, unnamed expressions). */
  static String nameOf(SelectItem<?> item, Identifiers ids) {
    Expression expression = item.getExpression();
    if (item.getAlias() != null) {
      return ids.normalize(item.getAlias().getName());
    }
    if (expression instanceof AllColumns) {
      return null;
    }
    if (expression instanceof Column column) {
      return ids.normalize(column.getColumnName());
    }
    if (expression instanceof Function function) {
      return ids.normalize(function.getName());
    }
    return null;
  }

  private static List<String> columnsOf(TableRef table, Catalog catalog) {
    if (table == null) {
      return List.of();
    }
    return catalog
        .table(table)
        .map(t -> t.columns().stream().map(Catalog.Column::name).toList())
        .orElse(List.of());
  }

  /** The base tables of a query level, in FROM order. */
  private static List<TableRef> relations(PlainSelect plain, Identifiers ids) {
    List<TableRef> tables = new ArrayList<>();
    add(plain.getFromItem(), ids, tables);
    if (plain.getJoins() != null) {
      for (Join join : plain.getJoins()) {
        add(join.getFromItem(), ids, tables);
      }
    }
    return tables;
  }

  private static void add(FromItem item, Identifiers ids, List<TableRef> into) {
    if (item instanceof Table table) {
      into.add(ColumnWalker.tableRef(table, ids));
    }
  }

  /** The base table a qualifier names at this level, or null. */
  private static TableRef relation(PlainSelect plain, String qualifier, Identifiers ids) {
    List<FromItem> items = new ArrayList<>();
    items.add(plain.getFromItem());
    if (plain.getJoins() != null) {
      plain.getJoins().forEach(j -> items.add(j.getFromItem()));
    }
    for (FromItem item : items) {
      if (item instanceof Table table) {
        String alias = item.getAlias() == null ? null : ids.normalize(item.getAlias().getName());
        TableRef ref = ColumnWalker.tableRef(table, ids);
        if (qualifier.equals(alias) || (alias == null && ref.name().equals(qualifier))) {
          return ref;
        }
      }
    }
    return null;
  }
}
