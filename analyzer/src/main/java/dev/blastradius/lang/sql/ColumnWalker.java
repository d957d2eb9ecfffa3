package dev.blastradius.lang.sql;

import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Walks one parsed statement and records, per column, whether it is read, written or changed by
 * DDL. Scopes follow SQL's: FROM items and aliases per query level, CTEs, correlated subqueries;
 * {@code *} and positional {@code INSERT} expand through the {@link Catalog} as implicit uses.
 */
final class ColumnWalker {

  private final Catalog catalog;
  private final Identifiers ids;
  private final ColumnUses uses = new ColumnUses();
  private final Set<TableRef> calls = new LinkedHashSet<>();
  private final List<ScheduledSql> scheduled = new ArrayList<>();
  private final ExpressionWalker expressions;

  /** What a statement does besides DDL: column uses, calls of known functions, pg_cron jobs. */
  record Walked(List<ColumnUse> uses, List<TableRef> calls, List<ScheduledSql> scheduled) {}

  private ColumnWalker(Catalog catalog, Identifiers ids) {
    this(catalog, ids, false);
  }

  /**
   * @param strict attribute unqualified names only to columns the catalog proves (in routine
   *     bodies, other names are variables and parameters)
   */
  private ColumnWalker(Catalog catalog, Identifiers ids, boolean strict) {
    this.catalog = catalog;
    this.ids = ids;
    this.expressions = new ExpressionWalker(this, catalog, ids, uses, strict);
  }

  /** The column uses of {@code statement}; {@code changes} are its schema changes (DDL uses). */
  static List<ColumnUse> walk(
      Statement statement, List<SchemaChange> changes, Catalog catalog, Identifiers ids) {
    return walkAll(statement, changes, catalog, ids, false).uses();
  }

  /** Everything {@code statement} does: uses (DDL ones from {@code changes}), calls, jobs. */
  static Walked walkAll(
      Statement statement,
      List<SchemaChange> changes,
      Catalog catalog,
      Identifiers ids,
      boolean strict) {
    ColumnWalker walker = new ColumnWalker(catalog, ids, strict);
    if (statement != null) { // null: a statement read without JSqlParser (PlainStatements)
      walker.statement(statement);
    }
    for (SchemaChange change : changes) {
      change.columns().forEach(c -> walker.uses.add(c, AccessKind.DDL, Confidence.CERTAIN, false));
    }
    return new Walked(
        throughViews(walker.uses.toList(), catalog),
        List.copyOf(walker.calls),
        List.copyOf(walker.scheduled));
  }

  /**
   * Records a function call seen in an expression: a call of a function the migrations created (so
   * its body's accesses run on behalf of this statement), or a pg_cron schedule.
   */
  void called(Function function) {
    List<String> parts = function.getMultipartName();
    if (parts == null || parts.isEmpty()) {
      return;
    }
    TableRef name = ids.table(parts);
    if (catalog.hasFunction(name)) {
      calls.add(name);
    }
    if (parts.size() == 2
        && ids.normalize(parts.get(0)).equals("cron")
        && ids.normalize(parts.get(1)).startsWith("schedule")) {
      schedule(function);
    }
  }

  /** {@code cron.schedule([name,] schedule, command)}: the command is SQL run by the job. */
  private void schedule(Function function) {
    if (function.getParameters() == null) {
      return;
    }
    List<String> arguments = new ArrayList<>();
    for (Expression argument : function.getParameters()) {
      if (argument instanceof StringValue value) {
        arguments.add(unquote(value));
      }
    }
    if (arguments.size() == 2) {
      scheduled.add(new ScheduledSql("", arguments.get(0), arguments.get(1)));
    } else if (arguments.size() >= 3) {
      scheduled.add(
          new ScheduledSql(
              arguments.get(0), arguments.get(1), arguments.get(arguments.size() - 1)));
    }
  }

  /** The content of a string literal, dollar-quoted or not. */
  private static String unquote(StringValue value) {
    String text = value.getValue();
    if (text.startsWith("$")) {
      int open = text.indexOf('$', 1);
      if (open > 0 && text.endsWith(text.substring(0, open + 1))) {
        return text.substring(open + 1, text.length() - open - 1);
      }
    }
    return text;
  }

  /**
   * Adds, for each use of a view column, the uses of the base columns behind it: reading a view
   * reads its base columns, so dropping one of them breaks the reader.
   */
  private static List<ColumnUse> throughViews(List<ColumnUse> uses, Catalog catalog) {
    ColumnUses all = new ColumnUses();
    uses.forEach(all::add);
    for (ColumnUse use : uses) {
      if (use.kind() == AccessKind.DDL) {
        continue;
      }
      catalog
          .table(use.column().tableRef())
          .filter(Catalog.Table::view)
          .ifPresent(
              view ->
                  view.sources()
                      .behind(use.column().column())
                      .forEach(
                          base ->
                              all.add(
                                  new ColumnUse(base, use.kind(), Confidence.LIKELY, true, true))));
    }
    return all.toList();
  }

  /** The shape of a query: its output columns, the base columns behind each, and its filters. */
  static QueryShape shape(Select select, Catalog catalog, Identifiers ids) {
    List<String> names = OutputColumns.of(select, catalog, ids);
    boolean simple =
        select instanceof PlainSelect plain
            && (plain.getWithItemsList() == null || plain.getWithItemsList().isEmpty());
    if (!simple) {
      // Set operations and CTEs: every output column depends on everything the query reads.
      List<ColumnRef> all =
          walk(select, List.of(), catalog, ids).stream().map(ColumnUse::column).distinct().toList();
      return new QueryShape(names, Map.of(), all);
    }
    PlainSelect plain = (PlainSelect) select;
    ColumnWalker filters = new ColumnWalker(catalog, ids);
    Scope scope = new Scope(null, Map.of());
    filters.fromItem(plain.getFromItem(), scope);
    filters.joins(plain.getJoins(), scope);
    filters.expressions.read(plain.getWhere(), scope);
    if (plain.getGroupBy() != null) {
      filters.expressions.read(plain.getGroupBy().getGroupByExpressionList(), scope);
    }
    filters.expressions.read(plain.getHaving(), scope);
    Map<String, List<ColumnRef>> sources = new LinkedHashMap<>();
    for (SelectItem<?> item : plain.getSelectItems()) {
      ColumnWalker one = new ColumnWalker(catalog, ids);
      one.selectItem(item, scope);
      List<ColumnRef> read =
          throughViews(one.uses.toList(), catalog).stream()
              .map(ColumnUse::column)
              .distinct()
              .toList();
      String name = OutputColumns.nameOf(item, ids);
      if (name != null) {
        sources.put(name, read);
      } else if (item.getExpression() instanceof AllColumns) {
        read.forEach(c -> sources.put(c.column(), List.of(c)));
      }
    }
    List<ColumnRef> filterColumns =
        throughViews(filters.uses.toList(), catalog).stream()
            .map(ColumnUse::column)
            .distinct()
            .toList();
    return new QueryShape(names, sources, filterColumns);
  }

  private void statement(Statement statement) {
    if (statement instanceof Select select) {
      select(select, null);
    } else if (statement instanceof Insert insert) {
      insert(insert);
    } else if (statement instanceof Update update) {
      update(update);
    } else if (statement instanceof Delete delete) {
      delete(delete);
    } else if (statement instanceof Merge merge) {
      merge(merge);
    } else if (statement instanceof Upsert upsert) {
      upsert(upsert);
    } else if (statement instanceof Truncate truncate) {
      List<Table> tables =
          truncate.getTables() != null ? truncate.getTables() : List.of(truncate.getTable());
      tables.forEach(t -> uses.add(tableLevel(t), AccessKind.WRITE, Confidence.CERTAIN, false));
    } else if (statement instanceof CreateTable createTable && createTable.getSelect() != null) {
      select(createTable.getSelect(), null);
    } else if (statement instanceof CreateView createView && createView.getSelect() != null) {
      select(createView.getSelect(), null);
    } else if (statement instanceof Execute execute && execute.getName() != null) {
      TableRef name = ids.table(List.of(execute.getName().split("\\.")));
      if (catalog.hasFunction(name)) {
        calls.add(name);
      }
      expressions.read(execute.getExprList(), new Scope(null, Map.of()));
    }
  }

  /** Walks a query (any form) whose correlated references resolve in {@code parent}. */
  void select(Select select, Scope parent) {
    Map<String, Set<String>> ctes = withItems(select.getWithItemsList(), parent);
    if (select instanceof PlainSelect plain) {
      plainSelect(plain, parent, ctes);
    } else if (select instanceof SetOperationList setOperations) {
      for (Select branch : setOperations.getSelects()) {
        select(branch, childScopeParent(parent, ctes));
      }
    } else if (select instanceof ParenthesedSelect parenthesed) {
      select(parenthesed.getSelect(), childScopeParent(parent, ctes));
    } else if (select instanceof Values values) {
      expressions.readAll(values.getExpressions(), new Scope(parent, ctes));
    }
  }

  /** A scope that carries CTEs down to set-operation branches without adding relations. */
  private static Scope childScopeParent(Scope parent, Map<String, Set<String>> ctes) {
    return ctes.isEmpty() ? parent : new Scope(parent, ctes);
  }

  /** Walks CTE bodies in order; returns the CTE names in force with their output columns. */
  private Map<String, Set<String>> withItems(List<WithItem<?>> items, Scope parent) {
    Map<String, Set<String>> ctes = new HashMap<>(inherited(parent));
    if (items == null) {
      return ctes;
    }
    for (WithItem<?> item : items) {
      Scope cteScope = new Scope(parent, Map.copyOf(ctes));
      // WithItem.getSelect() casts blindly, so writable CTEs are told apart by their type.
      ParenthesedStatement body = item.getStatement();
      List<String> output;
      if (body instanceof ParenthesedSelect query) {
        select(query.getSelect(), cteScope);
        output = OutputColumns.of(query.getSelect(), catalog, ids);
      } else if (body instanceof ParenthesedInsert insert) {
        insert(insert.getInsert());
        output = returned(insert.getInsert().getReturningClause(), insert.getInsert().getTable());
      } else if (body instanceof ParenthesedUpdate update) {
        update(update.getUpdate());
        output = returned(update.getUpdate().getReturningClause(), update.getUpdate().getTable());
      } else if (body instanceof ParenthesedDelete delete) {
        delete(delete.getDelete());
        output = returned(delete.getDelete().getReturningClause(), delete.getDelete().getTable());
      } else {
        output = List.of();
      }
      ctes.put(ids.normalize(item.getAliasName()), Set.copyOf(renamed(item, output)));
    }
    return ctes;
  }

  /**
   * The output columns of a writable CTE: what its RETURNING clause names ({@code *} is every
   * column of the target), so that {@code SELECT id FROM c} resolves to the CTE, not to a table of
   * an enclosing statement.
   */
  private List<String> returned(ReturningClause returning, Table target) {
    if (returning == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (SelectItem<?> item : returning) {
      String name = OutputColumns.nameOf(item, ids);
      if (name != null) {
        names.add(name);
      } else if (item.getExpression() instanceof AllColumns && target != null) {
        catalog
            .table(tableRef(target))
            .ifPresent(t -> t.columns().forEach(c -> names.add(c.name())));
      }
    }
    return names;
  }

  /** {@code WITH c (a, b) AS (…)}: the column list renames the body's output columns. */
  private List<String> renamed(WithItem<?> item, List<String> output) {
    List<SelectItem<?>> columns = item.getWithItemList();
    if (columns == null || columns.isEmpty()) {
      return output;
    }
    List<String> names = new ArrayList<>();
    for (SelectItem<?> column : columns) {
      String name = OutputColumns.nameOf(column, ids);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private static Map<String, Set<String>> inherited(Scope parent) {
    for (Scope s = parent; s != null; s = s.parent) {
      if (s.ctes != null) {
        return s.ctes;
      }
    }
    return Map.of();
  }

  private void plainSelect(PlainSelect plain, Scope parent, Map<String, Set<String>> ctes) {
    Scope scope = new Scope(parent, ctes);
    fromItem(plain.getFromItem(), scope);
    joins(plain.getJoins(), scope);
    for (SelectItem<?> item : plain.getSelectItems()) {
      if (item.getAlias() != null) {
        scope.outputAliases.add(ids.normalize(item.getAlias().getName()));
      }
    }
    for (SelectItem<?> item : plain.getSelectItems()) {
      selectItem(item, scope);
    }
    expressions.read(plain.getWhere(), scope);
    if (plain.getGroupBy() != null) {
      expressions.read(plain.getGroupBy().getGroupByExpressionList(), scope);
    }
    expressions.read(plain.getHaving(), scope);
    expressions.read(plain.getQualify(), scope);
    if (plain.getOrderByElements() != null) {
      plain.getOrderByElements().forEach(o -> expressions.read(o.getExpression(), scope));
    }
  }

  private void selectItem(SelectItem<?> item, Scope scope) {
    Expression expression = item.getExpression();
    if (expression instanceof AllColumns star) {
      expressions.star(star, scope);
    } else {
      expressions.read(expression, scope);
    }
  }

  private void joins(List<Join> joins, Scope scope) {
    if (joins == null) {
      return;
    }
    for (Join join : joins) {
      fromItem(join.getFromItem(), scope);
    }
    for (Join join : joins) {
      if (join.getOnExpressions() != null) {
        join.getOnExpressions().forEach(on -> expressions.read(on, scope));
      }
      if (join.getUsingColumns() != null) {
        for (Column column : join.getUsingColumns()) {
          usingColumn(ids.normalize(column.getColumnName()), scope);
        }
      }
    }
  }

  /** {@code JOIN … USING (c)} reads {@code c} on every side that has it. */
  private void usingColumn(String name, Scope scope) {
    List<Scope.Relation> owners =
        scope.baseRelations().stream().filter(r -> catalog.hasColumn(r.table(), name)).toList();
    List<Scope.Relation> targets = owners.isEmpty() ? scope.baseRelations() : owners;
    Confidence confidence = owners.isEmpty() ? Confidence.LIKELY : Confidence.CERTAIN;
    targets.forEach(r -> uses.add(r.table().column(name), AccessKind.READ, confidence, false));
  }

  /** Adds a FROM item to the scope, walking subqueries it contains. */
  private void fromItem(FromItem item, Scope scope) {
    if (item == null) {
      return;
    }
    String alias = aliasOf(item.getAlias());
    if (item instanceof Table table) {
      String name = ids.normalize(table.getName());
      if (table.getSchemaName() == null && scope.cteNames().contains(name)) {
        scope.addDerived(alias != null ? alias : name, scope.ctes.get(name));
      } else {
        scope.addBase(alias, tableRef(table));
      }
    } else if (item instanceof ParenthesedSelect subquery) {
      select(subquery.getSelect(), scope);
      scope.addDerived(
          alias, columnsOf(item.getAlias(), OutputColumns.of(subquery.getSelect(), catalog, ids)));
    } else if (item instanceof ParenthesedFromItem nested
        && alias != null
        && (nested.getJoins() == null || nested.getJoins().isEmpty())
        && nested.getFromItem() instanceof Values values) {
      // (VALUES …) AS m(a, b): a relation named by the outer alias.
      select(values, scope);
      scope.addDerived(alias, columnsOf(item.getAlias(), List.of()));
    } else if (item instanceof ParenthesedFromItem nested) {
      fromItem(nested.getFromItem(), scope);
      joins(nested.getJoins(), scope);
    } else if (item instanceof TableFunction function) {
      // f(args) AS x: its arguments may read earlier FROM items, and it may be one of our
      // functions (SELECT * FROM f() is how set-returning functions are called). A scalar result
      // is a column named after the alias.
      if (function.getFunctions() != null) {
        function.getFunctions().forEach(f -> expressions.read(f, scope));
      }
      scope.addDerived(
          alias, columnsOf(item.getAlias(), alias == null ? List.of() : List.of(alias)));
    } else {
      // VALUES lists and other relations with columns we cannot list.
      scope.addDerived(alias, Set.of());
    }
  }

  /** The column names an alias declares ({@code AS x(a, b)}), else {@code otherwise}. */
  private Set<String> columnsOf(Alias alias, List<String> otherwise) {
    if (alias == null || alias.getAliasColumns() == null || alias.getAliasColumns().isEmpty()) {
      return Set.copyOf(otherwise);
    }
    Set<String> names = new LinkedHashSet<>();
    alias.getAliasColumns().forEach(c -> names.add(ids.normalize(c.name)));
    return names;
  }

  private void insert(Insert insert) {
    Map<String, Set<String>> ctes = withItems(insert.getWithItemsList(), null);
    TableRef target = tableRef(insert.getTable());
    Scope targetScope = new Scope(null, ctes);
    targetScope.addBase(aliasOf(insert.getTable().getAlias()), target);
    uses.beginInsert(target);
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      insert.getColumns().forEach(c -> write(target, c));
    } else if (insert.getSetUpdateSets() == null || insert.getSetUpdateSets().isEmpty()) {
      // Positional INSERT: every column, in catalog order.
      expressions.expand(target, AccessKind.WRITE);
    }
    updateSets(insert.getSetUpdateSets(), target, targetScope);
    uses.endInsert();
    if (insert.getSelect() != null) {
      select(insert.getSelect(), new Scope(null, ctes));
    }
    if (insert.getConflictAction() != null) {
      Scope conflictScope = new Scope(null, ctes);
      conflictScope.addBase(aliasOf(insert.getTable().getAlias()), target);
      conflictScope.addDerived("excluded", Set.of());
      updateSets(insert.getConflictAction().getUpdateSets(), target, conflictScope);
      expressions.read(insert.getConflictAction().getWhereExpression(), conflictScope);
    }
    updateSets(insert.getDuplicateUpdateSets(), target, targetScope);
    returning(insert.getReturningClause(), targetScope);
  }

  private void update(Update update) {
    Map<String, Set<String>> ctes = withItems(update.getWithItemsList(), null);
    TableRef target = tableRef(update.getTable());
    Scope scope = new Scope(null, ctes);
    scope.addBase(aliasOf(update.getTable().getAlias()), target);
    joins(update.getStartJoins(), scope);
    fromItem(update.getFromItem(), scope);
    joins(update.getJoins(), scope);
    updateSets(update.getUpdateSets(), target, scope);
    expressions.read(update.getWhere(), scope);
    if (update.getOrderByElements() != null) {
      update.getOrderByElements().forEach(o -> expressions.read(o.getExpression(), scope));
    }
    returning(update.getReturningClause(), scope);
  }

  private void delete(Delete delete) {
    Map<String, Set<String>> ctes = withItems(delete.getWithItemsList(), null);
    Scope scope = new Scope(null, ctes);
    List<Table> targets =
        delete.getTables() != null && !delete.getTables().isEmpty()
            ? delete.getTables()
            : List.of(delete.getTable());
    if (delete.getTable() != null) {
      scope.addBase(aliasOf(delete.getTable().getAlias()), tableRef(delete.getTable()));
    }
    if (delete.getUsingFromItemList() != null) {
      delete.getUsingFromItemList().forEach(f -> fromItem(f, scope));
    }
    joins(delete.getJoins(), scope);
    for (Table target : targets) {
      Scope.Relation relation = scope.lookup(ids.normalize(target.getName()));
      TableRef ref = relation != null && relation.isBase() ? relation.table() : tableRef(target);
      uses.add(ref.column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, Confidence.CERTAIN, false);
    }
    expressions.read(delete.getWhere(), scope);
    returning(delete.getReturningClause(), scope);
  }

  /**
   * {@code MERGE INTO t USING s ON … WHEN MATCHED THEN UPDATE SET … | DELETE WHEN NOT MATCHED THEN
   * INSERT (…) VALUES (…)}: the target's SET and INSERT columns are written (DELETE writes the
   * table), everything the source, the ON condition and the branches name is read.
   */
  private void merge(Merge merge) {
    Map<String, Set<String>> ctes = withItems(merge.getWithItemsList(), null);
    TableRef target = tableRef(merge.getTable());
    Scope scope = new Scope(null, ctes);
    scope.addBase(aliasOf(merge.getTable().getAlias()), target);
    if (merge.getFromItem() != null) {
      fromItem(merge.getFromItem(), scope);
    } else if (merge.getUsingTable() != null) {
      scope.addBase(aliasOf(merge.getUsingAlias()), tableRef(merge.getUsingTable()));
    }
    expressions.read(merge.getOnCondition(), scope);
    if (merge.getOperations() == null) {
      return;
    }
    for (MergeOperation operation : merge.getOperations()) {
      if (operation instanceof MergeUpdate update) {
        expressions.read(update.getAndPredicate(), scope);
        updateSets(update.getUpdateSets(), target, scope);
        expressions.read(update.getWhereCondition(), scope);
      } else if (operation instanceof MergeInsert insert) {
        expressions.read(insert.getAndPredicate(), scope);
        uses.beginInsert(target);
        if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
          insert.getColumns().forEach(c -> write(target, c));
        } else {
          expressions.expand(target, AccessKind.WRITE);
        }
        uses.endInsert();
        expressions.read(insert.getValues(), scope);
      } else if (operation instanceof MergeDelete delete) {
        expressions.read(delete.getAndPredicate(), scope);
        uses.add(target.column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, Confidence.CERTAIN, false);
      }
    }
  }

  /** MySQL {@code REPLACE INTO t (…) VALUES …} and friends, parsed as upserts. */
  private void upsert(Upsert upsert) {
    TableRef target = tableRef(upsert.getTable());
    Scope scope = new Scope(null, Map.of());
    scope.addBase(null, target);
    uses.beginInsert(target);
    if (upsert.getColumns() != null && !upsert.getColumns().isEmpty()) {
      upsert.getColumns().forEach(c -> write(target, c));
    } else if (upsert.getUpdateSets() == null || upsert.getUpdateSets().isEmpty()) {
      expressions.expand(target, AccessKind.WRITE);
    }
    updateSets(upsert.getUpdateSets(), target, scope);
    uses.endInsert();
    updateSets(upsert.getDuplicateUpdateSets(), target, scope);
    if (upsert.getSelect() != null) {
      select(upsert.getSelect(), null);
    }
  }

  private void updateSets(List<UpdateSet> sets, TableRef target, Scope scope) {
    if (sets == null) {
      return;
    }
    for (UpdateSet set : sets) {
      set.getColumns().forEach(c -> write(target, c));
      expressions.read(set.getValues(), scope);
    }
  }

  /** A SET or INSERT column always belongs to the target, whatever its qualifier says. */
  private void write(TableRef target, Column column) {
    uses.add(
        target.column(ids.normalize(column.getColumnName())),
        AccessKind.WRITE,
        Confidence.CERTAIN,
        false);
  }

  private void returning(ReturningClause returning, Scope scope) {
    if (returning == null) {
      return;
    }
    for (SelectItem<?> item : returning) {
      selectItem(item, scope);
    }
  }

  private TableRef tableRef(Table table) {
    return tableRef(table, ids);
  }

  /** The normalised name of a JSqlParser table ({@code getNameParts()} is innermost-first). */
  static TableRef tableRef(Table table, Identifiers ids) {
    return table.getSchemaName() == null
        ? ids.table(List.of(table.getName()))
        : ids.table(List.of(table.getSchemaName(), table.getName()));
  }

  private ColumnRef tableLevel(Table table) {
    return tableRef(table).column(ColumnRef.TABLE_LEVEL);
  }

  private String aliasOf(Alias alias) {
    return alias == null ? null : ids.normalize(alias.getName());
  }
}
