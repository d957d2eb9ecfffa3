package dev.blastradius.lang.sql;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Resolves the column references inside expressions against a {@link Scope} and records them as
 * reads. Subqueries are handed back to the {@link ColumnWalker} with the current scope as their
 * parent, so correlated references resolve outwards.
 */
final class ExpressionWalker {

  /** Words JSqlParser may parse as a column but which name no column unless the catalog says so. */
  static final Set<String> PSEUDO_COLUMNS =
      Set.of(
          "default",
          "true",
          "false",
          "null",
          "current_date",
          "current_time",
          "current_timestamp",
          "current_user",
          "session_user",
          "current_role",
          "current_schema",
          "localtime",
          "localtimestamp",
          "user");

  /** Qualifiers of pseudo-relations whose columns are values, not table reads. */
  private static final Set<String> PSEUDO_RELATIONS = Set.of("excluded", "new", "old");

  private final ColumnWalker walker;
  private final Catalog catalog;
  private final Identifiers ids;
  private final ColumnUses uses;
  private final boolean strict;

  ExpressionWalker(
      ColumnWalker walker, Catalog catalog, Identifiers ids, ColumnUses uses, boolean strict) {
    this.walker = walker;
    this.catalog = catalog;
    this.ids = ids;
    this.uses = uses;
    this.strict = strict;
  }

  /** Records every column {@code expression} reads. Null expressions are ignored. */
  void read(Expression expression, Scope scope) {
    if (expression == null) {
      return;
    }
    expression.accept(new Visitor(scope), null);
  }

  /** Records every column of each expression. */
  void readAll(List<? extends Expression> expressions, Scope scope) {
    if (expressions != null) {
      expressions.forEach(e -> read(e, scope));
    }
  }

  /** Resolves a column reference and records it with {@code kind}. */
  void resolve(Column column, Scope scope, AccessKind kind) {
    String name = ids.normalize(column.getColumnName());
    if (column.getTable() != null && column.getTable().getName() != null) {
      resolveQualified(column, name, scope, kind);
      return;
    }
    if (PSEUDO_COLUMNS.contains(name) && !knownAnywhere(name, scope)) {
      return;
    }
    resolveUnqualified(name, scope, kind);
  }

  private void resolveQualified(Column column, String name, Scope scope, AccessKind kind) {
    Table qualifier = column.getTable();
    String relationName = ids.normalize(qualifier.getName());
    boolean schemaQualified = qualifier.getSchemaName() != null;
    Scope.Relation relation = schemaQualified ? null : scope.lookup(relationName);
    if (relation != null) {
      if (relation.isBase()) {
        uses.add(relation.table().column(name), kind, Confidence.CERTAIN, false);
      }
      return;
    }
    if (!schemaQualified && PSEUDO_RELATIONS.contains(relationName)) {
      return;
    }
    // A qualifier we cannot see in scope: take it as a table name.
    uses.add(ColumnWalker.tableRef(qualifier, ids).column(name), kind, Confidence.LIKELY, false);
  }

  private void resolveUnqualified(String name, Scope innermost, AccessKind kind) {
    for (Scope scope = innermost; scope != null; scope = scope.parent) {
      List<Scope.Relation> owners =
          scope.baseRelations().stream().filter(r -> catalog.hasColumn(r.table(), name)).toList();
      if (!owners.isEmpty()) {
        Confidence confidence = owners.size() == 1 ? Confidence.CERTAIN : Confidence.LIKELY;
        owners.forEach(r -> uses.add(r.table().column(name), kind, confidence, false));
        return;
      }
      boolean derived =
          scope.relations.stream().anyMatch(r -> !r.isBase() && r.derivedColumns().contains(name));
      if (derived) {
        return;
      }
    }
    if (innermost.outputAliases.contains(name)) {
      return;
    }
    // The catalog cannot place the column: fall back to the relations of the innermost level.
    List<Scope.Relation> bases = innermost.baseRelations();
    List<Scope.Relation> unknown =
        bases.stream().filter(r -> catalog.table(r.table()).isEmpty()).toList();
    if (strict && unknown.isEmpty()) {
      return; // a variable or parameter of the routine, not a column
    }
    if (bases.size() == 1) {
      Confidence confidence = unknown.size() == 1 ? Confidence.CERTAIN : Confidence.LIKELY;
      uses.add(bases.get(0).table().column(name), kind, confidence, false);
    } else if (!unknown.isEmpty()) {
      unknown.forEach(r -> uses.add(r.table().column(name), kind, Confidence.POSSIBLE, false));
    }
  }

  private boolean knownAnywhere(String name, Scope innermost) {
    for (Scope scope = innermost; scope != null; scope = scope.parent) {
      for (Scope.Relation relation : scope.baseRelations()) {
        if (catalog.hasColumn(relation.table(), name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Records {@code *} (or {@code t.*}) as implicit reads of every column it expands to. */
  void star(AllColumns star, Scope scope) {
    if (star instanceof AllTableColumns tableStar) {
      String qualifier = ids.normalize(tableStar.getTable().getName());
      Scope.Relation relation = scope.lookup(qualifier);
      if (relation != null && relation.isBase()) {
        expand(relation.table(), AccessKind.READ);
      }
      return;
    }
    scope.baseRelations().forEach(r -> expand(r.table(), AccessKind.READ));
  }

  /**
   * Records an implicit access to every column the catalog knows for {@code table}, or a
   * table-level access when it knows none.
   */
  void expand(TableRef table, AccessKind kind) {
    var known = catalog.table(table);
    if (known.isEmpty() || known.get().columns().isEmpty()) {
      uses.add(table.column(ColumnRef.TABLE_LEVEL), kind, Confidence.LIKELY, true);
      return;
    }
    known
        .get()
        .columns()
        .forEach(c -> uses.add(table.column(c.name()), kind, Confidence.LIKELY, true));
  }

  /** A visitor bound to one scope. */
  private final class Visitor extends ExpressionVisitorAdapter<Void> {
    private final Scope scope;

    Visitor(Scope scope) {
      this.scope = scope;
    }

    @Override
    public <S> Void visit(Column column, S context) {
      resolve(column, scope, AccessKind.READ);
      return null;
    }

    @Override
    public <S> Void visit(Select subquery, S context) {
      // Every query used as an expression (EXISTS, IN, scalar subqueries) lands here.
      walker.select(subquery, scope);
      return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
      walker.called(function);
      if (function.isAllColumns()) {
        tableLevelRead();
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AllColumns allColumns, S context) {
      // count(*) and friends: the rows matter, no column does.
      tableLevelRead();
      return null;
    }

    @Override
    public <S> Void visit(AllTableColumns allTableColumns, S context) {
      Scope.Relation relation = scope.lookup(ids.normalize(allTableColumns.getTable().getName()));
      if (relation != null && relation.isBase()) {
        uses.add(
            relation.table().column(ColumnRef.TABLE_LEVEL),
            AccessKind.READ,
            Confidence.CERTAIN,
            false);
      }
      return null;
    }

    private void tableLevelRead() {
      scope
          .baseRelations()
          .forEach(
              r ->
                  uses.add(
                      r.table().column(ColumnRef.TABLE_LEVEL),
                      AccessKind.READ,
                      Confidence.CERTAIN,
                      false));
    }
  }
}
