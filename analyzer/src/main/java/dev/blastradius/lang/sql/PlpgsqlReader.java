package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a PL/pgSQL body and finds the SQL inside it: plain statements, {@code PERFORM}, {@code
 * RETURN QUERY}, {@code FOR … IN query LOOP}, conditions and assignments that query, and {@code
 * EXECUTE} of a literal; and every {@code NEW.col}/{@code OLD.col} reference (writes when
 * assigned). Dynamic SQL it cannot see and statements it does not know become problems.
 */
final class PlpgsqlReader {

  /**
   * SQL found in the body; {@code line} is 1-based within the body, {@code dynamic} for EXECUTE.
   */
  record Embedded(String sql, int line, boolean dynamic) {}

  /** A {@code NEW.col} or {@code OLD.col} reference of a trigger function. */
  record RowReference(String column, boolean write, int line) {}

  /** Something in the body we could not read; {@code line} is 1-based within the body. */
  record Problem(int line, String message) {}

  /** Everything found. */
  record Result(List<Embedded> sql, List<RowReference> rows, List<Problem> problems) {}

  private static final Set<String> SQL_STARTS =
      Set.of("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE", "CALL");
  private static final Set<String> NO_SQL =
      Set.of(
          "RAISE",
          "GET",
          "NULL",
          "EXIT",
          "CONTINUE",
          "CLOSE",
          "FETCH",
          "MOVE",
          "COMMIT",
          "ROLLBACK",
          "ASSERT",
          "END",
          "RETURN");

  private final List<Embedded> sql = new ArrayList<>();
  private final List<RowReference> rows = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  /** MySQL's compound-statement words that run no SQL of their own. */
  private static final Set<String> MYSQL_NO_SQL =
      Set.of("LEAVE", "ITERATE", "SIGNAL", "RESIGNAL", "OPEN", "START", "DO");

  private final DdlContext context;
  private final boolean mysql;
  private boolean declaring;

  private PlpgsqlReader(DdlContext context, boolean mysql) {
    this.context = context;
    this.mysql = mysql;
  }

  /** Reads a PL/pgSQL body. */
  static Result read(String body, DdlContext context) {
    return read(body, context, SqlDialect.POSTGRES);
  }

  /**
   * Reads a PL/pgSQL body, or with {@link SqlDialect#MYSQL} a MySQL routine or trigger body (a
   * {@code BEGIN … END} compound statement: labels, {@code DECLARE … CURSOR FOR}, {@code SET},
   * {@code WHILE … DO}, {@code REPEAT … UNTIL}, {@code LEAVE}/{@code ITERATE}, {@code SIGNAL}).
   */
  static Result read(String body, DdlContext context, SqlDialect dialect) {
    PlpgsqlReader reader = new PlpgsqlReader(context, dialect == SqlDialect.MYSQL);
    for (SqlStatementText statement : SqlSplitter.split(body, dialect)) {
      if (statement.lexProblem().isPresent()) {
        reader.problems.add(new Problem(statement.startLine(), statement.lexProblem().get()));
        continue;
      }
      reader.rowReferences(statement.tokens());
      reader.statement(statement.tokens());
    }
    return new Result(reader.sql, reader.rows, reader.problems);
  }

  /** One semicolon-separated PL/pgSQL statement, with any block or control prefix. */
  private void statement(List<SqlToken> tokens) {
    List<SqlToken> rest = tokens;
    while (!rest.isEmpty()) {
      List<SqlToken> stripped = stripPrefix(rest);
      if (stripped == rest) {
        break;
      }
      rest = stripped;
    }
    if (rest.isEmpty()) {
      return;
    }
    if (declaring) {
      declaration(rest);
      return;
    }
    SqlToken first = rest.get(0);
    String word = first.upper();
    if (mysql && mysqlStatement(rest)) {
      return;
    }
    if (first.type() == SqlLexer.WORD && SQL_STARTS.contains(word)) {
      add(withoutInto(rest), false);
    } else if (first.isWord("PERFORM")) {
      add(prefixed("SELECT", rest.subList(1, rest.size())), false);
    } else if (first.isWord("RETURN") && rest.size() > 1 && rest.get(1).isWord("QUERY")) {
      List<SqlToken> query = rest.subList(2, rest.size());
      if (!query.isEmpty() && query.get(0).isWord("EXECUTE")) {
        execute(query.subList(1, query.size()), first.line());
      } else {
        add(query, false);
      }
    } else if (first.isWord("RETURN") && rest.size() > 1 && rest.get(1).isWord("NEXT")) {
      expression(rest.subList(2, rest.size()));
    } else if (first.isWord("EXECUTE")) {
      execute(rest.subList(1, rest.size()), first.line());
    } else if (first.isWord("OPEN")) {
      int forIndex = indexOfWord(rest, "FOR");
      if (forIndex > 0 && forIndex + 1 < rest.size()) {
        List<SqlToken> query = rest.subList(forIndex + 1, rest.size());
        if (query.get(0).isWord("EXECUTE")) {
          execute(query.subList(1, query.size()), first.line());
        } else {
          add(query, false);
        }
      }
    } else if (first.type() == SqlLexer.WORD && NO_SQL.contains(word)) {
      if (first.isWord("RETURN")) {
        expression(rest.subList(1, rest.size()));
      }
    } else if (assignmentAt(rest) > 0) {
      expression(rest.subList(assignmentAt(rest), rest.size()));
    } else {
      problems.add(
          new Problem(
              first.line(),
              "cannot read "
                  + (mysql ? "MySQL routine" : "PL/pgSQL")
                  + " statement starting with '"
                  + first.text()
                  + "'"));
    }
  }

  /** The MySQL statements PL/pgSQL does not have; false when {@code tokens} is none of them. */
  private boolean mysqlStatement(List<SqlToken> tokens) {
    SqlToken first = tokens.get(0);
    if (first.isWord("REPLACE")) {
      add(tokens, false);
    } else if (first.isWord("DECLARE")) {
      int forAt = indexOfWord(tokens, "FOR");
      if (indexOfWord(tokens, "CURSOR") > 0 && forAt > 0 && forAt + 1 < tokens.size()) {
        add(withoutInto(tokens.subList(forAt + 1, tokens.size())), false);
      } else if (indexOfWord(tokens, "HANDLER") > 0 && forAt > 0) {
        for (int i = forAt + 1; i < tokens.size(); i++) {
          SqlToken token = tokens.get(i);
          if (token.type() == SqlLexer.WORD
              && (SQL_STARTS.contains(token.upper()) || token.isWord("SET"))) {
            statement(tokens.subList(i, tokens.size()));
            break;
          }
        }
      } else if (indexOfWord(tokens, "DEFAULT") > 0) {
        expression(tokens.subList(indexOfWord(tokens, "DEFAULT") + 1, tokens.size()));
      }
    } else if (first.isWord("SET") && tokens.size() > 1) {
      int assign = assignmentAt(tokens.subList(1, tokens.size()));
      if (assign > 0) {
        expression(tokens.subList(assign + 1, tokens.size()));
      }
    } else if (first.isWord("UNTIL")) {
      int end = lastIndexOfWord(tokens, "END");
      expression(tokens.subList(1, end > 0 ? end : tokens.size()));
    } else if (first.isWord("PREPARE")) {
      int from = indexOfWord(tokens, "FROM");
      if (from > 0
          && from + 1 == tokens.size() - 1
          && tokens.get(from + 1).type() == SqlLexer.STRING) {
        sql.add(
            new Embedded(
                DdlReader.unquoteBody(tokens.get(from + 1)), tokens.get(from + 1).line(), true));
      } else {
        problems.add(
            new Problem(first.line(), "dynamic SQL (PREPARE of a built string) is not analysed"));
      }
    } else if (first.isWord("EXECUTE") || first.isWord("DEALLOCATE")) {
      return true; // runs (or frees) a prepared statement: its SQL was judged at PREPARE
    } else if (first.isWord("FETCH") || first.isWord("CLOSE")) {
      return true;
    } else if (first.type() == SqlLexer.WORD && MYSQL_NO_SQL.contains(first.upper())) {
      return true;
    } else {
      return false;
    }
    return true;
  }

  /** Removes one block or control prefix; returns the same list when there is none. */
  private List<SqlToken> stripPrefix(List<SqlToken> tokens) {
    SqlToken first = tokens.get(0);
    if (mysql
        && tokens.size() > 1
        && first.type() == SqlLexer.WORD
        && tokens.get(1).text().equals(":")
        && (tokens.size() == 2 || !tokens.get(2).text().equals("="))) {
      return tokens.subList(2, tokens.size()); // label: BEGIN | LOOP | WHILE | REPEAT
    }
    if (mysql && first.isWord("REPEAT")) {
      return tokens.subList(1, tokens.size());
    }
    if (mysql && first.isWord("DECLARE")) {
      return tokens; // one declaration per statement, read by mysqlStatement
    }
    if (first.type() == SqlLexer.OTHER && first.text().equals("<")) {
      int close = 0;
      while (close < tokens.size()
          && !(tokens.get(close).type() == SqlLexer.OTHER
              && tokens.get(close).text().equals(">")
              && close + 1 < tokens.size()
              && tokens.get(close + 1).text().equals(">"))) {
        close++;
      }
      return close + 2 <= tokens.size() ? tokens.subList(close + 2, tokens.size()) : List.of();
    }
    if (first.isWord("DECLARE")) {
      declaring = true;
      return tokens.subList(1, tokens.size());
    }
    if (first.isWord("BEGIN")) {
      declaring = false;
      return tokens.subList(1, tokens.size());
    }
    if (first.isWord("END")) {
      return List.of();
    }
    if (first.isWord("ELSE") || first.isWord("LOOP")) {
      return tokens.subList(1, tokens.size());
    }
    if (first.isWord("IF")
        || first.isWord("ELSIF")
        || first.isWord("ELSEIF")
        || first.isWord("WHEN")
        || first.isWord("WHILE")
        || first.isWord("EXCEPTION")) {
      String end = first.isWord("WHILE") ? (mysql ? "DO" : "LOOP") : "THEN";
      int at = indexOfWord(tokens, end);
      if (at < 0) {
        return tokens;
      }
      if (!first.isWord("EXCEPTION")) {
        expression(tokens.subList(1, at));
      }
      return tokens.subList(at + 1, tokens.size());
    }
    if (first.isWord("CASE")) {
      return tokens.subList(1, tokens.size());
    }
    if (first.isWord("FOR") || first.isWord("FOREACH")) {
      int in = indexOfWord(tokens, "IN");
      int loop = lastIndexOfWord(tokens, "LOOP");
      if (in < 0 || loop < in) {
        return tokens;
      }
      List<SqlToken> source = tokens.subList(in + 1, loop);
      if (!source.isEmpty() && source.get(0).isWord("EXECUTE")) {
        execute(source.subList(1, source.size()), first.line());
      } else if (!source.isEmpty() && SQL_STARTS.contains(source.get(0).upper())) {
        add(source, false);
      }
      return tokens.subList(loop + 1, tokens.size());
    }
    return tokens;
  }

  /** {@code name type [:= expr]}: only a default that queries matters. */
  private void declaration(List<SqlToken> tokens) {
    int assign = assignmentAt(tokens);
    int defaultAt = indexOfWord(tokens, "DEFAULT");
    if (assign > 0) {
      expression(tokens.subList(assign, tokens.size()));
    } else if (defaultAt > 0) {
      expression(tokens.subList(defaultAt + 1, tokens.size()));
    }
  }

  /** An expression matters when it runs a query; it is then read as {@code SELECT expr}. */
  private void expression(List<SqlToken> tokens) {
    if (indexOfWord(tokens, "SELECT") >= 0) {
      add(prefixed("SELECT", tokens), false);
    }
  }

  private void execute(List<SqlToken> tokens, int line) {
    if (!tokens.isEmpty()
        && tokens.get(0).type() == SqlLexer.STRING
        && (tokens.size() == 1 || tokens.get(1).isWord("USING") || tokens.get(1).isWord("INTO"))) {
      String literal = DdlReader.unquoteBody(tokens.get(0));
      sql.add(new Embedded(literal, tokens.get(0).line(), true));
      return;
    }
    problems.add(new Problem(line, "dynamic SQL (EXECUTE of a built string) is not analysed"));
  }

  /** Records every NEW.col / OLD.col; an assignment target at the start of a statement writes. */
  private void rowReferences(List<SqlToken> tokens) {
    for (int i = 0; i + 2 < tokens.size(); i++) {
      SqlToken row = tokens.get(i);
      if ((row.isWord("NEW") || row.isWord("OLD")) && tokens.get(i + 1).type() == SqlLexer.DOT) {
        SqlToken column = tokens.get(i + 2);
        boolean assigned = assignedAt(tokens, i + 3) && startsStatement(tokens, i);
        rows.add(
            new RowReference(
                context.name(column.text()), assigned && row.isWord("NEW"), column.line()));
      }
    }
  }

  /** Whether {@code :=} or {@code =} follows at {@code i}. */
  private static boolean assignedAt(List<SqlToken> tokens, int i) {
    if (i >= tokens.size() || tokens.get(i).type() != SqlLexer.OTHER) {
      return false;
    }
    String operator = tokens.get(i).text();
    return operator.equals("=")
        || (operator.equals(":") && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("="));
  }

  /** Whether position {@code i} starts the statement proper (after block/control words). */
  private static boolean startsStatement(List<SqlToken> tokens, int i) {
    if (i == 0) {
      return true;
    }
    SqlToken previous = tokens.get(i - 1);
    return previous.isWord("BEGIN")
        || previous.isWord("THEN")
        || previous.isWord("ELSE")
        || previous.isWord("LOOP")
        || previous.isWord("SET")
        || previous.isWord("DO")
        || previous.isWord("REPEAT");
  }

  /** The index just after {@code :=} (or a leading {@code target =}), or -1. */
  private static int assignmentAt(List<SqlToken> tokens) {
    int i = 0;
    while (i < tokens.size()
        && (tokens.get(i).type() == SqlLexer.WORD
            || tokens.get(i).type() == SqlLexer.QUOTED_IDENT
            || tokens.get(i).type() == SqlLexer.DOT)) {
      i++;
    }
    if (i == 0 || i >= tokens.size()) {
      return -1;
    }
    SqlToken next = tokens.get(i);
    if (next.type() == SqlLexer.OTHER
        && next.text().equals(":")
        && i + 1 < tokens.size()
        && tokens.get(i + 1).text().equals("=")) {
      return i + 2;
    }
    if (next.type() == SqlLexer.OTHER && next.text().equals("=")) {
      return i + 1;
    }
    return -1;
  }

  /** A SELECT or DML with PL/pgSQL's INTO targets removed, so JSqlParser reads it as SQL. */
  private static List<SqlToken> withoutInto(List<SqlToken> tokens) {
    boolean query = tokens.get(0).isWord("SELECT") || tokens.get(0).isWord("WITH");
    int returning = indexOfWord(tokens, "RETURNING");
    List<SqlToken> result = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      depth += token.type() == SqlLexer.LPAREN ? 1 : token.type() == SqlLexer.RPAREN ? -1 : 0;
      boolean target =
          depth == 0 && token.isWord("INTO") && (query || (returning >= 0 && i > returning));
      if (target) {
        i++;
        if (i < tokens.size() && tokens.get(i).isWord("STRICT")) {
          i++;
        }
        while (i < tokens.size()
            && (tokens.get(i).type() != SqlLexer.WORD || !isClauseWord(tokens.get(i)))) {
          i++;
        }
        i--;
        continue;
      }
      result.add(token);
    }
    return result;
  }

  private static boolean isClauseWord(SqlToken token) {
    return Set.of(
            "FROM", "WHERE", "GROUP", "ORDER", "LIMIT", "UNION", "HAVING", "WINDOW", "FOR",
            "OFFSET")
        .contains(token.upper());
  }

  private void add(List<SqlToken> tokens, boolean dynamic) {
    if (!tokens.isEmpty()) {
      sql.add(new Embedded(TokenCursor.raw(tokens), tokens.get(0).line(), dynamic));
    }
  }

  private static List<SqlToken> prefixed(String word, List<SqlToken> tokens) {
    List<SqlToken> result = new ArrayList<>();
    int line = tokens.isEmpty() ? 1 : tokens.get(0).line();
    result.add(new SqlToken(SqlLexer.WORD, word, line, 1));
    result.addAll(tokens);
    return result;
  }

  private static int indexOfWord(List<SqlToken> tokens, String word) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isWord(word)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOfWord(List<SqlToken> tokens, String word) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).isWord(word)) {
        return i;
      }
    }
    return -1;
  }
}
