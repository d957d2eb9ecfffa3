package dev.blastradius.lang.sql;

import dev.blastradius.change.RowUpdate;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Reads the {@link RowUpdate} shape of a parsed {@code UPDATE}: what each assignment reads, whether
 * it appends, and how the statement limits the rows one run touches.
 */
final class UpdateShapes {

  /** Functions whose result is their first argument with something added. */
  private static final Set<String> APPENDING_FUNCTIONS =
      Set.of(
          "array_append",
          "array_prepend",
          "array_cat",
          "concat",
          "concat_ws",
          "jsonb_insert",
          "json_array_append",
          "json_merge_preserve");

  private UpdateShapes() {}

  /** The shape of {@code statement} when it is an UPDATE of one table. */
  static Optional<RowUpdate> of(Statement statement, Identifiers ids) {
    if (!(statement instanceof Update update) || update.getTable() == null) {
      return Optional.empty();
    }
    TableRef table = ColumnWalker.tableRef(update.getTable(), ids);
    Set<String> qualifiers = new HashSet<>();
    qualifiers.add(ids.normalize(update.getTable().getName()));
    if (update.getTable().getAlias() != null) {
      qualifiers.add(ids.normalize(update.getTable().getAlias().getName()));
    }
    Target target = new Target(ids, qualifiers);
    List<RowUpdate.Assignment> sets = new ArrayList<>();
    if (update.getUpdateSets() != null) {
      for (UpdateSet set : update.getUpdateSets()) {
        ExpressionList<?> values = set.getValues();
        List<Column> columns = set.getColumns();
        for (int i = 0; i < columns.size(); i++) {
          String name = ids.normalize(columns.get(i).getColumnName());
          Expression value =
              values != null && values.size() == columns.size() ? values.get(i) : null;
          Set<String> reads = value != null ? target.columnsOf(value) : target.columnsOf(values);
          sets.add(new RowUpdate.Assignment(name, reads, appends(value, name, target)));
        }
      }
    }
    Expression where = update.getWhere();
    Set<String> filterColumns = where == null ? Set.of() : target.columnsOf(where);
    Bounds bounds = new Bounds(target);
    if (where != null) {
      where.accept(bounds, null);
    }
    boolean bounded =
        bounds.bounded
            || update.getLimit() != null
            || limited(update.getFromItem())
            || joinsLimited(update.getStartJoins())
            || joinsLimited(update.getJoins())
            || withLimited(update.getWithItemsList());
    return Optional.of(
        new RowUpdate(table, sets, where != null, bounded, filterColumns, bounds.byKey));
  }

  private static boolean appends(Expression value, String column, Target target) {
    if (value instanceof Concat
        || value instanceof Addition
        || value instanceof Subtraction
        || value instanceof Multiplication) {
      BinaryExpression binary = (BinaryExpression) value;
      return target.is(binary.getLeftExpression(), column)
          || target.is(binary.getRightExpression(), column);
    }
    if (value instanceof Function function
        && function.getName() != null
        && APPENDING_FUNCTIONS.contains(function.getName().toLowerCase(Locale.ROOT))
        && function.getParameters() != null) {
      return function.getParameters().stream().anyMatch(p -> target.is(p, column));
    }
    return false;
  }

  private static boolean joinsLimited(List<Join> joins) {
    return joins != null && joins.stream().anyMatch(j -> limited(j.getFromItem()));
  }

  /**
   * A CTE that selects a limited slice. {@code WithItem.getSelect()} casts blindly, so a writable
   * CTE ({@code WITH x AS (INSERT … RETURNING …)}) is told apart by its type.
   */
  private static boolean withLimited(List<WithItem<?>> items) {
    return items != null
        && items.stream()
            .anyMatch(w -> w.getStatement() instanceof ParenthesedSelect query && limited(query));
  }

  private static boolean limited(FromItem item) {
    if (item instanceof ParenthesedSelect parenthesed) {
      return limited(parenthesed.getSelect());
    }
    if (item instanceof Select select) {
      return limited(select);
    }
    return false;
  }

  private static boolean limited(Select select) {
    if (select == null) {
      return false;
    }
    if (select.getLimit() != null || select.getFetch() != null) {
      return true;
    }
    if (select instanceof ParenthesedSelect parenthesed) {
      return limited(parenthesed.getSelect());
    }
    return select instanceof PlainSelect plain && plain.getTop() != null;
  }

  /** Which column references name the updated table. */
  private record Target(Identifiers ids, Set<String> qualifiers) {

    boolean is(Expression expression, String column) {
      return expression instanceof Column c
          && names(c)
          && ids.normalize(c.getColumnName()).equals(column);
    }

    boolean names(Column column) {
      return column.getTable() == null
          || column.getTable().getName() == null
          || qualifiers.contains(ids.normalize(column.getTable().getName()));
    }

    Set<String> columnsOf(Expression expression) {
      Set<String> found = new HashSet<>();
      if (expression != null) {
        expression.accept(
            new ExpressionVisitorAdapter<Void>() {
              @Override
              public <S> Void visit(Column column, S context) {
                if (names(column)) {
                  found.add(ids.normalize(column.getColumnName()));
                }
                return null;
              }
            },
            null);
      }
      return found;
    }
  }

  /**
   * Finds what limits the rows: a range or BETWEEN on any column, equality of {@code id} to a
   * value, or an IN list of values or a limited subquery.
   */
  private static final class Bounds extends ExpressionVisitorAdapter<Void> {
    private final Target target;
    boolean bounded;
    boolean byKey;

    Bounds(Target target) {
      this.target = target;
    }

    @Override
    public <S> Void visit(GreaterThan expression, S context) {
      bounded |= ranges(expression);
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(GreaterThanEquals expression, S context) {
      bounded |= ranges(expression);
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(MinorThan expression, S context) {
      bounded |= ranges(expression);
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(MinorThanEquals expression, S context) {
      bounded |= ranges(expression);
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(Between expression, S context) {
      bounded |= expression.getLeftExpression() instanceof Column;
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(EqualsTo expression, S context) {
      boolean keyed =
          key(expression.getLeftExpression()) && value(expression.getRightExpression())
              || key(expression.getRightExpression()) && value(expression.getLeftExpression());
      bounded |= keyed;
      byKey |= keyed;
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(InExpression expression, S context) {
      Expression right = expression.getRightExpression();
      if (!expression.isNot()) {
        if (right instanceof Select select) {
          bounded |= limited(select);
        } else if (right instanceof ExpressionList<?> list) {
          boolean values = !list.isEmpty() && list.stream().allMatch(UpdateShapes.Bounds::value);
          bounded |= values;
          byKey |= values && key(expression.getLeftExpression());
        }
      }
      return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(Select select, S context) {
      // A subquery's own WHERE does not bound the update; only its LIMIT does (handled above).
      return null;
    }

    /** A comparison of a column with a value: one end of a key range. */
    private boolean ranges(BinaryExpression expression) {
      return expression.getLeftExpression() instanceof Column
              && value(expression.getRightExpression())
          || expression.getRightExpression() instanceof Column
              && value(expression.getLeftExpression());
    }

    private boolean key(Expression expression) {
      return expression instanceof Column column
          && target.names(column)
          && target.ids().normalize(column.getColumnName()).equals("id");
    }

    private static boolean value(Expression expression) {
      return expression instanceof LongValue
          || expression instanceof StringValue
          || expression instanceof JdbcParameter
          || expression instanceof JdbcNamedParameter
          || expression instanceof Column column && column.getColumnName().startsWith(":")
          || expression instanceof net.sf.jsqlparser.expression.NumericBind
          || expression instanceof net.sf.jsqlparser.expression.UserVariable;
    }
  }
}
