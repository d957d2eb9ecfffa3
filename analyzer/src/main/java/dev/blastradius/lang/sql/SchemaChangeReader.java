package dev.blastradius.lang.sql;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;

/** Turns parsed DDL into {@link SchemaChange}s. */
final class SchemaChangeReader {

  /** Column spec words that end a DEFAULT expression. */
  private static final Set<String> SPEC_KEYWORDS =
      Set.of(
          "NOT",
          "NULL",
          "PRIMARY",
          "UNIQUE",
          "CHECK",
          "REFERENCES",
          "CONSTRAINT",
          "COLLATE",
          "GENERATED",
          "AUTO_INCREMENT",
          "COMMENT",
          "ON");

  private final Identifiers ids;

  SchemaChangeReader(Identifiers ids) {
    this.ids = ids;
  }

  /** The schema changes {@code statement} makes; empty for anything else. */
  List<SchemaChange> read(Statement statement) {
    List<SchemaChange> changes = new ArrayList<>();
    if (statement instanceof net.sf.jsqlparser.statement.create.table.CreateTable create
        && create.getColumnDefinitions() != null) {
      changes.add(createTable(create));
    } else if (statement instanceof Alter alter && alter.getAlterExpressions() != null) {
      TableRef table = ColumnWalker.tableRef(alter.getTable(), ids);
      alter.getAlterExpressions().forEach(e -> alterExpression(table, e, changes));
    } else if (statement instanceof Drop drop && "TABLE".equalsIgnoreCase(drop.getType())) {
      List<net.sf.jsqlparser.schema.Table> names =
          drop.getNames() != null && !drop.getNames().isEmpty()
              ? drop.getNames()
              : List.of(drop.getName());
      names.forEach(t -> changes.add(new DropTable(ColumnWalker.tableRef(t, ids))));
    }
    return changes;
  }

  private CreateTable createTable(net.sf.jsqlparser.statement.create.table.CreateTable create) {
    TableRef table = ColumnWalker.tableRef(create.getTable(), ids);
    Set<String> primaryKey = new HashSet<>();
    if (create.getIndexes() != null) {
      for (Index index : create.getIndexes()) {
        if ("PRIMARY KEY".equalsIgnoreCase(index.getType())) {
          index.getColumnsNames().forEach(c -> primaryKey.add(ids.normalize(c)));
        }
      }
    }
    List<Catalog.Column> columns = new ArrayList<>();
    for (ColumnDefinition definition : create.getColumnDefinitions()) {
      Catalog.Column column = column(definition);
      if (primaryKey.contains(column.name()) && !column.notNull()) {
        column = new Catalog.Column(column.name(), column.type(), true, column.defaultExpression());
      }
      columns.add(column);
    }
    return new CreateTable(table, columns);
  }

  private void alterExpression(TableRef table, AlterExpression e, List<SchemaChange> changes) {
    AlterOperation operation = e.getOperation();
    if (operation == AlterOperation.ADD && e.getColDataTypeList() != null) {
      e.getColDataTypeList().forEach(d -> changes.add(new AddColumn(table, column(d))));
    } else if (operation == AlterOperation.DROP
        && e.getColumnName() != null
        && e.getConstraintName() == null
        && e.getIndex() == null) {
      changes.add(new DropColumn(table, ids.normalize(e.getColumnName())));
    } else if (operation == AlterOperation.RENAME && e.getColumnOldName() != null) {
      changes.add(
          new RenameColumn(
              table, ids.normalize(e.getColumnOldName()), ids.normalize(e.getColumnName())));
    } else if (operation == AlterOperation.RENAME_TABLE && e.getNewTableName() != null) {
      changes.add(new RenameTable(table, ids.table(List.of(table.schema(), e.getNewTableName()))));
    }
  }

  private Catalog.Column column(ColumnDefinition definition) {
    List<String> specs =
        definition.getColumnSpecs() == null ? List.of() : definition.getColumnSpecs();
    List<String> upper = specs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    boolean notNull = false;
    String defaultExpression = null;
    for (int i = 0; i < upper.size(); i++) {
      String word = upper.get(i);
      if (word.equals("NOT") && i + 1 < upper.size() && upper.get(i + 1).equals("NULL")) {
        notNull = true;
      } else if (word.equals("PRIMARY") && i + 1 < upper.size() && upper.get(i + 1).equals("KEY")) {
        notNull = true;
      } else if (word.equals("DEFAULT")) {
        StringBuilder expression = new StringBuilder();
        for (int j = i + 1; j < specs.size() && !SPEC_KEYWORDS.contains(upper.get(j)); j++) {
          expression.append(expression.length() == 0 ? "" : " ").append(specs.get(j));
        }
        defaultExpression = expression.toString();
      }
    }
    String type = definition.getColDataType() == null ? "" : definition.getColDataType().toString();
    return new Catalog.Column(
        ids.normalize(definition.getColumnName()), type, notNull, defaultExpression);
  }
}
