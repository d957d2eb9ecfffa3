package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input for the SQL frontend, with fixed seeds: token soup built from our lexer's
 * vocabulary, unterminated quotes and dollar bodies, megabyte statements and deep nesting. Whatever
 * comes in, {@link SqlFrontend#analyze} returns, and every statement is parsed, fell back, or is
 * unanalysed with a recorded problem; a parse past the time limit is such a problem, not a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class SqlFrontendRobustnessTest {

  private static final Duration LIMIT = Duration.ofMillis(100);

  private static final String[] WORDS = {
    "SELECT",
    "FROM",
    "WHERE",
    "INSERT",
    "INTO",
    "VALUES",
    "UPDATE",
    "SET",
    "DELETE",
    "CREATE",
    "TABLE",
    "ALTER",
    "ADD",
    "DROP",
    "COLUMN",
    "INDEX",
    "ON",
    "VIEW",
    "AS",
    "FUNCTION",
    "TRIGGER",
    "BEGIN",
    "END",
    "ATOMIC",
    "CASE",
    "WHEN",
    "THEN",
    "RETURNS",
    "LANGUAGE",
    "plpgsql",
    "COPY",
    "DELIMITER",
    "WITH",
    "RECURSIVE",
    "JOIN",
    "USING",
    "NOT",
    "NULL",
    "PRIMARY",
    "KEY",
    "users",
    "orders",
    "email",
    "id",
    "t",
    "settings",
    "EXECUTE",
    "FOR",
    "EACH",
    "ROW",
    "RENAME",
    "TO"
  };

  /** One sample per token type of {@link SqlLexer}, by symbolic name. */
  private static String sample(String tokenType, Random random) {
    return switch (tokenType) {
      case "DOLLAR_STRING" -> random.nextBoolean() ? "$$ SELECT 1; $$" : "$fn$ x $$ y $fn$";
      case "HASH_COMMENT" -> "# comment ; '\n";
      case "WS" -> random.nextBoolean() ? " " : "\n\t";
      case "LINE_COMMENT" -> "-- comment ; '\n";
      case "BLOCK_COMMENT" -> random.nextBoolean() ? "/* ; */" : "/* a /* nested ; */ b */";
      case "E_STRING" -> "E'it\\'s ; '";
      case "STRING" -> random.nextBoolean() ? "'a;b'" : "'it''s'";
      case "QUOTED_IDENT" -> random.nextBoolean() ? "\"Mixed Case\"" : "\"a.b\"";
      case "BACKTICK_IDENT" -> "`order`";
      case "PARAM" ->
          switch (random.nextInt(3)) {
            case 0 -> "$1";
            case 1 -> "?";
            default -> ":name";
          };
      case "SEMI" -> ";";
      case "LPAREN" -> "(";
      case "RPAREN" -> ")";
      case "DOT" -> ".";
      case "COMMA" -> ",";
      case "NUMBER" -> random.nextBoolean() ? "42" : "1.5e10";
      case "WORD" -> WORDS[random.nextInt(WORDS.length)];
      case "UNTERMINATED" ->
          switch (random.nextInt(4)) {
            case 0 -> "'";
            case 1 -> "\"";
            case 2 -> "`";
            default -> "/*";
          };
      case "OTHER" ->
          String.valueOf("=<>+-*/%!@&|^~:\\[]{}\u00e9\u200f".charAt(random.nextInt(19)));
      case "DOLLAR_OPEN" -> random.nextBoolean() ? "$$" : "$body$";
      case "DOLLAR_CLOSE", "DOLLAR_SIGN" -> random.nextBoolean() ? "$" : "$tag$";
      default ->
          throw new AssertionError(
              "SqlLexer has a new token type " + tokenType + ": add a sample for it to this test");
    };
  }

  @Test
  void positive_tokenSoupFromTheLexersVocabularyIsAlwaysAccountedFor() {
    List<String> types = new ArrayList<>();
    for (int type = 1; type <= SqlLexer.VOCABULARY.getMaxTokenType(); type++) {
      String name = SqlLexer.VOCABULARY.getSymbolicName(type);
      if (name != null) {
        types.add(name);
      }
    }
    Random random = new Random(20261126L);
    for (SqlDialect dialect : SqlDialect.values()) {
      SqlFrontend frontend = new SqlFrontend(dialect, LIMIT);
      for (int soup = 0; soup < 150; soup++) {
        StringBuilder sql = new StringBuilder();
        int length = 1 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
          sql.append(sample(types.get(random.nextInt(types.size())), random)).append(' ');
        }
        assertAccountedFor(frontend, sql.toString(), dialect + " soup #" + soup);
      }
    }
  }

  @Test
  void positive_unterminatedQuotesAndBodiesAreProblemsAndTheStatementsBeforeThemStillParse() {
    List<String> tails =
        List.of(
            "SELECT 'never closed FROM users",
            "SELECT \"never closed FROM users",
            "SELECT E'ends in an escape\\'",
            "/* never closed SELECT email FROM users;",
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END;",
            "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 $other$");
    SqlFrontend frontend = new SqlFrontend(SqlDialect.POSTGRES, LIMIT);
    for (String tail : tails) {
      String sql = "SELECT email FROM users;\n" + tail;
      List<AnalyzedStatement> statements = assertAccountedFor(frontend, sql, tail);
      assertThat(statements.get(0).status()).as(tail).isEqualTo(ParseStatus.PARSED);
      assertThat(statements.subList(1, statements.size()))
          .as(tail)
          .anySatisfy(s -> assertThat(s.problem()).get().asString().contains("unterminated"));
    }
    SqlFrontend mysql = new SqlFrontend(SqlDialect.MYSQL, LIMIT);
    List<AnalyzedStatement> statements =
        assertAccountedFor(mysql, "SELECT 1;\nSELECT `never closed FROM t", "backtick");
    assertThat(statements.get(1).problem()).get().asString().contains("unterminated");
  }

  @Test
  void positive_megabyteStatementsAreAnalysedOrRecordedAsProblems() {
    StringBuilder insert = new StringBuilder("INSERT INTO users (id, email) VALUES (0, 'a')");
    for (int i = 1; insert.length() < 1 << 20; i++) {
      insert.append(", (").append(i).append(", 'user").append(i).append("@example.com')");
    }
    String literal = "SELECT '" + "x".repeat(1 << 20) + "' AS big FROM users";
    String comment = "SELECT email /* " + "; ".repeat(1 << 19) + " */ FROM users";
    String word = "SELECT " + "a".repeat(1 << 20) + " FROM users";
    SqlFrontend frontend = new SqlFrontend(SqlDialect.POSTGRES, LIMIT);
    for (String sql : List.of(insert.toString(), literal, comment, word)) {
      List<AnalyzedStatement> statements =
          assertAccountedFor(frontend, sql, sql.substring(0, 20) + "… (1 MB)");
      assertThat(statements).hasSize(1);
    }
  }

  @Test
  void positive_deepNestingEndsAsAParseOrAProblemNotACrash() {
    SqlFrontend frontend = new SqlFrontend(SqlDialect.POSTGRES, LIMIT);
    for (int depth : new int[] {50, 500, 5_000, 50_000}) {
      String open = "(".repeat(depth);
      String close = ")".repeat(depth);
      for (String sql :
          List.of(
              "SELECT " + open + "email" + close + " FROM users",
              "CREATE TABLE t (a int CHECK " + open + "a > 0" + close + ")",
              "SELECT " + open + "unbalanced FROM users",
              "UPDATE users SET email = " + close + " WHERE id = 1")) {
        assertAccountedFor(frontend, sql, "depth " + depth + ": " + sql.substring(0, 12));
      }
    }
  }

  @Test
  void negative_aDeleteInWhichJSqlParserFindsNoTableIsAProblemNotAParse() {
    // MySQL's grammar accepts a bare DELETE; the walker used to fail on its missing table.
    List<AnalyzedStatement> statements =
        assertAccountedFor(new SqlFrontend(SqlDialect.MYSQL, LIMIT), "DELETE", "bare DELETE");
    assertThat(statements.get(0).status()).isEqualTo(ParseStatus.UNANALYSED);
    assertThat(statements.get(0).problem()).get().asString().contains("no table");
  }

  @Test
  void positive_aParsePastTheTimeLimitIsARecordedProblem() {
    // Nested parenthesised expressions make JSqlParser backtrack; 1 ms is certain to pass first.
    String nested = "SELECT " + "(".repeat(200) + "email" + ")".repeat(200) + " FROM users";
    SqlFrontend frontend = new SqlFrontend(SqlDialect.POSTGRES, Duration.ofMillis(1));
    List<AnalyzedStatement> statements =
        assertAccountedFor(frontend, nested + ";\nSELECT email FROM users", "time limit");
    assertThat(statements.get(0).status()).isEqualTo(ParseStatus.UNANALYSED);
    assertThat(statements.get(0).problem()).get().asString().contains("gave up after 1 ms");
  }

  /**
   * Analyses {@code sql} and checks that it returned and that each statement is parsed, fell back,
   * or is unanalysed with a problem, with lines inside the text.
   */
  private static List<AnalyzedStatement> assertAccountedFor(
      SqlFrontend frontend, String sql, String what) {
    List<AnalyzedStatement> statements;
    try {
      statements = frontend.analyze(sql, Catalog.empty()).statements();
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(
          what + ": the SQL frontend threw instead of recording a problem; input:\n" + clip(sql),
          e);
    }
    int lines = (int) sql.lines().count();
    for (AnalyzedStatement statement : statements) {
      if (statement.status() == null
          || statement.problem().isPresent() != (statement.status() == ParseStatus.UNANALYSED)) {
        fail(
            "%s: a statement must be parsed, fall back, or be unanalysed with a problem; got %s"
                + " with problem %s for:%n%s",
            what, statement.status(), statement.problem(), clip(statement.text()));
      }
      assertThat(statement.startLine()).as(what).isBetween(1, Math.max(1, lines));
      assertThat(statement.endLine()).as(what).isBetween(statement.startLine(), Math.max(1, lines));
    }
    return statements;
  }

  private static String clip(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " chars)";
  }
}
