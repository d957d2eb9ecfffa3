package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
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
final class PlainDataStatements extends PlainDataExpressions {

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
  @Override
  PlainSelect subquery(boolean lockable) {
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
}
