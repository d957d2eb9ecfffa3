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
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The values, conditions and names of the plain data statements ({@link PlainDataStatements}), read
 * into JSqlParser's expression model the way its parser builds them: literals, intervals, column
 * references, a few functions, comparisons, {@code IN}, {@code [NOT] EXISTS}, {@code IS [NOT] NULL}
 * and their conjunctions.
 */
abstract class PlainDataExpressions extends PlainReader {

  /** Functions a value may call: plain calls in JSqlParser's tree ({@code Function}). */
  private static final Set<String> FUNCTIONS = Set.of("LOWER", "UPPER", "COALESCE", "NOW");

  /** MySQL interval units read after {@code INTERVAL n}. */
  private static final Set<String> INTERVAL_UNITS =
      Set.of("SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "YEAR");

  PlainDataExpressions(List<SqlToken> tokens, SqlDialect dialect) {
    super(tokens, dialect);
  }

  /** A parenthesised subquery's select, for {@code IN (SELECT …)} and {@code EXISTS (…)}. */
  abstract PlainSelect subquery(boolean lockable);

  /** {@code c [ASC|DESC]} after ORDER BY. */
  OrderByElement orderBy() {
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
  Limit limit() {
    LongValue count = integer();
    if (count == null) {
      return null;
    }
    Limit limit = new Limit();
    limit.setRowCount(count);
    return limit;
  }

  /** {@code predicate AND predicate …}, left-associative as JSqlParser builds it. */
  Expression condition() {
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
  Expression predicate() {
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
  Expression in(Column column) {
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
  String comparison() {
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
  Expression value() {
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
  Expression operand() {
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
  Expression interval() {
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
  Expression call() {
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
  Expression literal() {
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
  LongValue integer() {
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
  List<Column> columnList() {
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
  Column column() {
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
  Table aliasedTable() {
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
  Table table() {
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
  String name() {
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
