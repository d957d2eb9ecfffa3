package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.IntervalQualifier;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.insert.InsertDuplicateAction;
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The data changes migrations are mostly made of, read into JSqlParser's statement model without
 * its parser: single-table {@code UPDATE t SET c = value, … [WHERE …]} (MySQL: {@code [ORDER BY c]
 * [LIMIT n]}), the batched {@code WITH batch AS (SELECT … LIMIT n [FOR UPDATE SKIP LOCKED]) UPDATE
 * t x SET … FROM batch WHERE …}, and {@code INSERT INTO t (cols) VALUES (…), …} with Postgres'
 * {@code ON CONFLICT … DO NOTHING | DO UPDATE SET …} and {@code RETURNING}, or MySQL's {@code
 * IGNORE} and {@code ON DUPLICATE KEY UPDATE}. The tree is built the way JSqlParser builds it for
 * the same text (node types, nesting, left-associative AND, names as written), so the column walker
 * and {@link UpdateShapes} read it exactly as they read JSqlParser's; parsing is what costs, not
 * the walk.
 *
 * <p>Strict like {@link PlainStatements}: every token must be consumed; names are plain words that
 * are none of JSqlParser's keywords; values are string and integer literals, NULL, column
 * references (bare or qualified by one plain name) and calls of {@code lower}, {@code upper},
 * {@code coalesce} and {@code now}; conditions are ANDs of {@code c IS [NOT] NULL}, comparisons of
 * a column with a value, and {@code c IN (values)} or {@code c IN (SELECT c FROM t [WHERE …] [ORDER
 * BY c] [LIMIT n])}. Anything else returns null and goes to JSqlParser as before. {@code
 * PlainStatementsTest} proves on both corpora and both dialects that each accepted statement is
 * analysed exactly as JSqlParser's tree is, and that JSqlParser parses it.
 */
final class PlainDataStatements extends PlainReader {

  /** Functions a value may call: plain calls in JSqlParser's tree ({@code Function}). */
  private static final Set<String> FUNCTIONS = Set.of("LOWER", "UPPER", "COALESCE", "NOW");

  /** MySQL interval units read after {@code INTERVAL n}. */
  private static final Set<String> INTERVAL_UNITS =
      Set.of("SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "YEAR");

  private PlainDataStatements(List<SqlToken> tokens, SqlDialect dialect) {
    super(tokens, dialect);
  }

  /**
   * The statement's tree when it is one of the plain data shapes, every token consumed; or null.
   */
  static Statement read(List<SqlToken> tokens, SqlDialect dialect) {
    if (tokens.isEmpty() || tokens.size() > MAX_TOKENS) {
      return null;
    }
    SqlToken first = tokens.get(0);
    if (!first.isWord("UPDATE")
        && !first.isWord("INSERT")
        && !first.isWord("DELETE")
        && !first.isWord("WITH")) {
      return null;
    }
    PlainDataStatements reader = new PlainDataStatements(tokens, dialect);
    Statement statement = reader.statement();
    return statement != null && reader.at == tokens.size() ? statement : null;
  }

  private Statement statement() {
    if (word("UPDATE")) {
      return update(null);
    }
    if (word("INSERT")) {
      return insert();
    }
    if (word("DELETE")) {
      return delete();
    }
    if (postgres && word("WITH")) {
      return batchedUpdate();
    }
    return null;
  }

  /**
   * {@code WITH cte AS (SELECT … LIMIT n [FOR UPDATE SKIP LOCKED]) UPDATE t alias SET … FROM cte
   * WHERE …}: one CTE, one FROM item naming it (Postgres).
   */
  private Statement batchedUpdate() {
    String cte = name();
    if (cte == null || !word("AS") || !type(SqlLexer.LPAREN) || !word("SELECT")) {
      return null;
    }
    PlainSelect select = subquery(true);
    if (select == null || !type(SqlLexer.RPAREN) || !word("UPDATE")) {
      return null;
    }
    List<WithItem<?>> with = new ArrayList<>();
    with.add(new WithItem<>(new ParenthesedSelect().withSelect(select), new Alias(cte, false)));
    return update(with);
  }

  /**
   * After UPDATE: {@code t SET assignments [WHERE …]}; Postgres: {@code t [[AS] alias] SET … [FROM
   * u [[AS] alias]] [WHERE …]}, where a batched update ({@code with} set) reads its CTE in FROM;
   * MySQL: {@code [ORDER BY c] [LIMIT n]} at the end.
   */
  private Update update(List<WithItem<?>> with) {
    Table table = postgres ? aliasedTable() : table();
    if (table == null || (with != null && table.getAlias() == null) || !word("SET")) {
      return null;
    }
    List<UpdateSet> sets = assignments();
    if (sets == null) {
      return null;
    }
    Update update = new Update();
    update.setTable(table);
    update.setUpdateSets(sets);
    update.setWithItemsList(with);
    if (postgres && word("FROM")) {
      Table from = aliasedTable();
      if (from == null || (with != null && from.getSchemaName() != null)) {
        return null;
      }
      update.setFromItem(from);
    } else if (with != null) {
      return null;
    }
    if (word("WHERE")) {
      Expression where = condition();
      if (where == null) {
        return null;
      }
      update.setWhere(where);
    }
    if (!postgres) {
      if (word("ORDER")) {
        OrderByElement order = word("BY") ? orderBy() : null;
        if (order == null) {
          return null;
        }
        update.setOrderByElements(new ArrayList<>(List.of(order)));
      }
      if (word("LIMIT")) {
        Limit limit = limit();
        if (limit == null) {
          return null;
        }
        update.setLimit(limit);
      }
    }
    return update;
  }

  /** After DELETE: {@code FROM t [WHERE …]}, MySQL also {@code [LIMIT n]}. */
  private Delete delete() {
    Table table = word("FROM") ? table() : null;
    if (table == null) {
      return null;
    }
    Delete delete = new Delete();
    delete.setHasFrom(true);
    delete.setTable(table);
    if (word("WHERE")) {
      Expression where = condition();
      if (where == null) {
        return null;
      }
      delete.setWhere(where);
    }
    if (!postgres && word("LIMIT")) {
      Limit limit = limit();
      if (limit == null) {
        return null;
      }
      delete.setLimit(limit);
    }
    return delete;
  }

  /**
   * After INSERT: {@code [IGNORE] INTO t (columns) VALUES (…), … [upsert clause] [RETURNING …]}.
   */
  private Insert insert() {
    Insert insert = new Insert();
    if (!postgres && word("IGNORE")) {
      insert.setModifierIgnore(true);
    }
    Table table = word("INTO") ? table() : null;
    List<Column> columns = table == null ? null : columnList();
    if (columns == null) {
      return null;
    }
    insert.setTable(table);
    insert.setColumns(new ExpressionList<>(columns));
    if (word("SELECT")) {
      // INSERT … SELECT: no upsert or RETURNING clause after the query.
      PlainSelect select = subquery(false);
      insert.setSelect(select);
      return select == null ? null : insert;
    }
    if (!word("VALUES")) {
      return null;
    }
    List<ParenthesedExpressionList<Expression>> rows = new ArrayList<>();
    do {
      ParenthesedExpressionList<Expression> row = row();
      if (row == null) {
        return null;
      }
      rows.add(row);
    } while (type(SqlLexer.COMMA));
    // JSqlParser keeps a single row as the VALUES list itself.
    @SuppressWarnings({"unchecked", "rawtypes"})
    ExpressionList<Expression> values =
        rows.size() == 1 ? (ExpressionList) rows.get(0) : new ExpressionList(rows);
    insert.setSelect(new Values(values));
    if (postgres ? !onConflict(insert) : !onDuplicateKey(insert)) {
      return null;
    }
    if (postgres && word("RETURNING")) {
      List<SelectItem<?>> items = new ArrayList<>();
      do {
        Column column = column();
        if (column == null) {
          return null;
        }
        items.add(new SelectItem<>(column));
      } while (type(SqlLexer.COMMA));
      insert.setReturningClause(new ReturningClause("RETURNING", items));
    }
    return insert;
  }

  /** {@code [ON CONFLICT [(columns)] DO NOTHING | DO UPDATE SET assignments]}; false if broken. */
  private boolean onConflict(Insert insert) {
    if (!peekWord(0, "ON") || !peekWord(1, "CONFLICT")) {
      return true;
    }
    at += 2;
    if (peekType(SqlLexer.LPAREN)) {
      List<Column> columns = columnList();
      if (columns == null) {
        return false;
      }
      insert.setConflictTarget(
          new InsertConflictTarget(
              columns.stream().map(Column::getColumnName).toList(), null, null, null));
    }
    if (!word("DO")) {
      return false;
    }
    if (word("NOTHING")) {
      insert.setConflictAction(new InsertConflictAction(ConflictActionType.DO_NOTHING));
      return true;
    }
    if (!word("UPDATE") || !word("SET")) {
      return false;
    }
    List<UpdateSet> sets = assignments();
    if (sets == null) {
      return false;
    }
    InsertConflictAction action = new InsertConflictAction(ConflictActionType.DO_UPDATE);
    action.setUpdateSets(sets);
    insert.setConflictAction(action);
    return true;
  }

  /** {@code [ON DUPLICATE KEY UPDATE assignments]}; false if broken. */
  private boolean onDuplicateKey(Insert insert) {
    if (!word("ON")) {
      return true;
    }
    if (!word("DUPLICATE") || !word("KEY") || !word("UPDATE")) {
      return false;
    }
    List<UpdateSet> sets = assignments();
    if (sets == null) {
      return false;
    }
    InsertDuplicateAction action = new InsertDuplicateAction(ConflictActionType.DO_UPDATE);
    action.setUpdateSets(sets);
    insert.setDuplicateAction(action);
    return true;
  }

  /**
   * {@code (value, …)} of a VALUES list. Column references are kept (the walker resolves them as it
   * does in JSqlParser's tree: in a routine body they are its variables and NEW/OLD fields).
   */
  private ParenthesedExpressionList<Expression> row() {
    if (!type(SqlLexer.LPAREN)) {
      return null;
    }
    List<Expression> values = new ArrayList<>();
    do {
      Expression value = value();
      if (value == null) {
        return null;
      }
      values.add(value);
    } while (type(SqlLexer.COMMA));
    return type(SqlLexer.RPAREN) ? new ParenthesedExpressionList<>(values) : null;
  }

  /** {@code column = value, …}; the columns are bare names. */
  private List<UpdateSet> assignments() {
    List<UpdateSet> sets = new ArrayList<>();
    do {
      String name = name();
      if (name == null || !symbol("=")) {
        return null;
      }
      Expression value = value();
      if (value == null) {
        return null;
      }
      sets.add(new UpdateSet(new Column(name), value));
    } while (type(SqlLexer.COMMA));
    return sets;
  }

  /**
   * After SELECT: {@code value, … FROM t [alias] [WHERE …] [ORDER BY c] [LIMIT n] [FOR UPDATE SKIP
   * LOCKED]} (the last only when {@code lockable}).
   */
  private PlainSelect subquery(boolean lockable) {
    List<SelectItem<?>> items = new ArrayList<>();
    do {
      Expression item = value();
      if (item == null) {
        return null;
      }
      items.add(new SelectItem<>(item));
    } while (type(SqlLexer.COMMA));
    Table from = word("FROM") ? aliasedTable() : null;
    if (from == null) {
      return null;
    }
    PlainSelect select = new PlainSelect();
    select.setSelectItems(items);
    select.setFromItem(from);
    if (word("WHERE")) {
      Expression where = condition();
      if (where == null) {
        return null;
      }
      select.setWhere(where);
    }
    if (word("ORDER")) {
      OrderByElement order = word("BY") ? orderBy() : null;
      if (order == null) {
        return null;
      }
      select.setOrderByElements(new ArrayList<>(List.of(order)));
    }
    if (word("LIMIT")) {
      Limit limit = limit();
      if (limit == null) {
        return null;
      }
      select.setLimit(limit);
    }
    if (lockable && word("FOR")) {
      if (!word("UPDATE") || !word("SKIP") || !word("LOCKED")) {
        return null;
      }
      select.setForMode(ForMode.UPDATE);
      select.setSkipLocked(true);
    }
    return select;
  }

  /** {@code c [ASC|DESC]} after ORDER BY. */
  private OrderByElement orderBy() {
    Column column = column();
    if (column == null) {
      return null;
    }
    OrderByElement order = new OrderByElement();
    order.setExpression(column);
    if (word("ASC")) {
      order.setAscDescPresent(true);
    } else if (word("DESC")) {
      order.setAsc(false);
      order.setAscDescPresent(true);
    }
    return order;
  }

  /** The row count after LIMIT. */
  private Limit limit() {
    LongValue count = integer();
    if (count == null) {
      return null;
    }
    Limit limit = new Limit();
    limit.setRowCount(count);
    return limit;
  }

  /** {@code predicate AND predicate …}, left-associative as JSqlParser builds it. */
  private Expression condition() {
    Expression condition = predicate();
    while (condition != null && word("AND")) {
      Expression next = predicate();
      condition = next == null ? null : new AndExpression(condition, next);
    }
    return condition;
  }

  /**
   * {@code c IS [NOT] NULL}, {@code c op value}, {@code c IN (values | subquery)}, {@code [NOT]
   * EXISTS (subquery)}.
   */
  private Expression predicate() {
    if (peekWord(0, "EXISTS") || (peekWord(0, "NOT") && peekWord(1, "EXISTS"))) {
      boolean not = word("NOT");
      at++;
      PlainSelect select = type(SqlLexer.LPAREN) && word("SELECT") ? subquery(false) : null;
      if (select == null || !type(SqlLexer.RPAREN)) {
        return null;
      }
      ExistsExpression exists = new ExistsExpression();
      exists.setRightExpression(new ParenthesedSelect().withSelect(select));
      return not ? new NotExpression(exists) : exists;
    }
    Column column = column();
    if (column == null) {
      return null;
    }
    if (word("IS")) {
      boolean not = word("NOT");
      if (postgres && word("DISTINCT")) {
        Expression value = word("FROM") ? value() : null;
        if (value == null) {
          return null;
        }
        IsDistinctExpression distinct = new IsDistinctExpression();
        distinct.setLeftExpression(column);
        distinct.setRightExpression(value);
        distinct.setNot(not);
        return distinct;
      }
      IsNullExpression isNull = new IsNullExpression(column);
      isNull.setNot(not);
      return word("NULL") ? isNull : null;
    }
    if (word("IN")) {
      return in(column);
    }
    String operator = comparison();
    Expression value = operator == null ? null : value();
    if (value == null) {
      return null;
    }
    return switch (operator) {
      case "=" -> new EqualsTo(column, value);
      case "<>" -> new NotEqualsTo(column, value);
      case "<" -> new MinorThan(column, value);
      case "<=" -> new MinorThanEquals(column, value);
      case ">" -> new GreaterThan(column, value);
      default -> new GreaterThanEquals(column, value);
    };
  }

  /** After {@code c IN}: {@code (SELECT …)} or {@code (literal, …)}. */
  private Expression in(Column column) {
    if (!type(SqlLexer.LPAREN)) {
      return null;
    }
    Expression right;
    if (word("SELECT")) {
      PlainSelect select = subquery(false);
      right = select == null ? null : new ParenthesedSelect().withSelect(select);
    } else {
      List<Expression> values = new ArrayList<>();
      do {
        Expression value = literal();
        if (value == null) {
          return null;
        }
        values.add(value);
      } while (type(SqlLexer.COMMA));
      right = new ParenthesedExpressionList<>(values);
    }
    return right != null && type(SqlLexer.RPAREN) ? new InExpression(column, right) : null;
  }

  /** One of {@code = <> < <= > >=}, its characters adjacent; null when none. */
  private String comparison() {
    if (symbol("=")) {
      return "=";
    }
    boolean less = peekSymbol("<");
    if (!less && !peekSymbol(">")) {
      return null;
    }
    at++;
    if (adjacentSymbol("=")) {
      at++;
      return less ? "<=" : ">=";
    }
    if (less && adjacentSymbol(">")) {
      at++;
      return "<>";
    }
    return less ? "<" : ">";
  }

  /** {@code operand [+|- operand]…}, left-associative as JSqlParser builds it. */
  private Expression value() {
    Expression value = operand();
    while (value != null && (peekSymbol("+") || peekSymbol("-"))) {
      boolean plus = peekSymbol("+");
      at++;
      Expression right = operand();
      value =
          right == null ? null : plus ? new Addition(value, right) : new Subtraction(value, right);
    }
    return value;
  }

  /** A literal, an interval, a column reference or a call of one of the {@link #FUNCTIONS}. */
  private Expression operand() {
    if (word("INTERVAL")) {
      return interval();
    }
    if (peekWord(0, "DATE")
        && at + 1 < tokens.size()
        && tokens.get(at + 1).type() == SqlLexer.STRING
        && tokens.get(at + 1).text().startsWith("'")) {
      at += 2;
      return new DateTimeLiteralExpression()
          .withType(DateTimeLiteralExpression.DateTime.DATE)
          .withValue(tokens.get(at - 1).text());
    }
    Expression literal = literal();
    if (literal != null) {
      return literal;
    }
    if (at + 1 < tokens.size()
        && tokens.get(at).type() == SqlLexer.WORD
        && tokens.get(at + 1).type() == SqlLexer.LPAREN) {
      return call();
    }
    return column();
  }

  /** After INTERVAL: Postgres {@code '2 days'}, MySQL {@code n unit}. */
  private Expression interval() {
    if (at >= tokens.size()) {
      return null;
    }
    String text = tokens.get(at).text();
    IntervalExpression interval = new IntervalExpression(true);
    if (postgres) {
      if (literal() instanceof StringValue) {
        interval.setParameter(text);
        return interval;
      }
      return null;
    }
    if (integer() == null || at >= tokens.size()) {
      return null;
    }
    String unit = tokens.get(at).text().toUpperCase(Locale.ROOT);
    if (tokens.get(at).type() != SqlLexer.WORD || !INTERVAL_UNITS.contains(unit)) {
      return null;
    }
    at++;
    interval.setParameter(text);
    interval.setIntervalQualifier(new IntervalQualifier(unit, null, null, null));
    return interval;
  }

  /** {@code f(value, …)} or {@code f()}, for the functions in the list. */
  private Expression call() {
    String name = tokens.get(at).text();
    if (!FUNCTIONS.contains(name.toUpperCase(Locale.ROOT))) {
      return null;
    }
    at += 2;
    Function function = new Function();
    function.setName(name);
    if (type(SqlLexer.RPAREN)) {
      return function; // JSqlParser leaves the parameters of now() unset
    }
    List<Expression> arguments = new ArrayList<>();
    do {
      Expression argument = value();
      if (argument == null) {
        return null;
      }
      arguments.add(argument);
    } while (type(SqlLexer.COMMA));
    if (!type(SqlLexer.RPAREN)) {
      return null;
    }
    function.setParameters(new ExpressionList<>(arguments));
    return function;
  }

  /** A plain {@code '…'} string, an unsigned integer or NULL. */
  private Expression literal() {
    if (at >= tokens.size()) {
      return null;
    }
    SqlToken token = tokens.get(at);
    if (token.type() == SqlLexer.STRING
        && token.text().length() > 1
        && token.text().charAt(0) == '\'') {
      at++;
      return new StringValue(token.text());
    }
    if (word("NULL")) {
      return new NullValue();
    }
    return integer();
  }

  /** An unsigned integer that fits a long, as JSqlParser's LongValue holds it. */
  private LongValue integer() {
    if (at >= tokens.size() || tokens.get(at).type() != SqlLexer.NUMBER) {
      return null;
    }
    String text = tokens.get(at).text();
    if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    at++;
    return new LongValue(text);
  }

  /** {@code (c, …)} of bare column names. */
  private List<Column> columnList() {
    if (!type(SqlLexer.LPAREN)) {
      return null;
    }
    List<Column> columns = new ArrayList<>();
    do {
      String name = name();
      if (name == null) {
        return null;
      }
      columns.add(new Column(name));
    } while (type(SqlLexer.COMMA));
    return type(SqlLexer.RPAREN) ? columns : null;
  }

  /** {@code c} or {@code q.c}. */
  private Column column() {
    String first = name();
    if (first == null) {
      return null;
    }
    if (!type(SqlLexer.DOT)) {
      return new Column(first);
    }
    String second = name();
    return second == null ? null : new Column(new Table(first), second);
  }

  /** {@code t} or {@code schema.t}, then {@code [[AS] alias]}. */
  private Table aliasedTable() {
    Table table = table();
    if (table == null) {
      return null;
    }
    boolean as = word("AS");
    String alias = name();
    if (alias != null) {
      table.setAlias(new Alias(alias, as));
    } else if (as) {
      return null;
    }
    return table;
  }

  /** {@code t} or {@code schema.t}. */
  private Table table() {
    String first = name();
    if (first == null) {
      return null;
    }
    if (!type(SqlLexer.DOT)) {
      return new Table(first);
    }
    String second = name();
    return second == null ? null : new Table(first, second);
  }

  /**
   * A plain word that none of JSqlParser's keywords spells (but for the non-reserved {@link
   * PlainStatements#NAME_KEYWORDS}), taken as written; else null. Words it reads as values ({@code
   * current_date}, {@code user}, …) are not names either.
   */
  private String name() {
    if (at >= tokens.size()) {
      return null;
    }
    SqlToken token = tokens.get(at);
    String upper = token.text().toUpperCase(Locale.ROOT);
    if (token.type() != SqlLexer.WORD
        || token.text().indexOf('$') >= 0
        || (PlainStatements.KEYWORDS.contains(upper)
            && !PlainStatements.NAME_KEYWORDS.contains(upper))
        || ExpressionWalker.PSEUDO_COLUMNS.contains(token.text().toLowerCase(Locale.ROOT))) {
      return null;
    }
    at++;
    return token.text();
  }
}
