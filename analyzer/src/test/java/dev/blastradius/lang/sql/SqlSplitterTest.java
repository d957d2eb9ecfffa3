package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.schema.SqlDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

  private static List<SqlStatementText> split(String sql) {
    return SqlSplitter.split(sql, SqlDialect.POSTGRES);
  }

  private static List<String> texts(String sql) {
    return split(sql).stream().map(SqlStatementText::text).toList();
  }

  @Test
  void splitsAtTopLevelSemicolonsOnly() {
    assertThat(texts("SELECT 1; SELECT 'a;b'; SELECT \"x;y\" FROM t;"))
        .containsExactly("SELECT 1", "SELECT 'a;b'", "SELECT \"x;y\" FROM t");
  }

  @Test
  void doubledQuotesDoNotEndStrings() {
    assertThat(texts("INSERT INTO t VALUES ('it''s; fine'); SELECT 2;"))
        .containsExactly("INSERT INTO t VALUES ('it''s; fine')", "SELECT 2");
  }

  @Test
  void escapeStringsHonourBackslashes() {
    assertThat(texts("SELECT E'a\\';b'; SELECT 3;"))
        .containsExactly("SELECT E'a\\';b'", "SELECT 3");
  }

  @Test
  void standardStringsDoNotTreatBackslashAsEscape() {
    assertThat(texts("SELECT 'a\\'; SELECT 4;")).containsExactly("SELECT 'a\\'", "SELECT 4");
  }

  @Test
  void dollarQuotedBodiesKeepTheirSemicolons() {
    String sql =
        """
        CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
        CREATE FUNCTION g() RETURNS int AS $body$ SELECT $$;$$; $inner$ ; $inner$ $body$ LANGUAGE sql;
        SELECT $1;
        """;
    List<String> texts = texts(sql);
    assertThat(texts).hasSize(3);
    assertThat(texts.get(0)).endsWith("LANGUAGE plpgsql");
    assertThat(texts.get(1)).contains("$inner$ ; $inner$").endsWith("LANGUAGE sql");
    assertThat(texts.get(2)).isEqualTo("SELECT $1");
  }

  @Test
  void commentsHideSemicolonsAndNest() {
    String sql =
        "-- a; comment\nSELECT 1 /* x; /* nested; */ still; */ + 1;\nSELECT 2; -- trailing;";
    assertThat(texts(sql))
        .containsExactly("SELECT 1 /* x; /* nested; */ still; */ + 1", "SELECT 2");
  }

  @Test
  void leadingCommentsAreNotPartOfTheStatement() {
    List<SqlStatementText> statements =
        split("-- header\n\n  /* doc */\n  ALTER TABLE t DROP COLUMN c;\n");
    assertThat(statements).hasSize(1);
    SqlStatementText statement = statements.get(0);
    assertThat(statement.text()).isEqualTo("ALTER TABLE t DROP COLUMN c");
    assertThat(statement.startLine()).isEqualTo(4);
    assertThat(statement.startColumn()).isEqualTo(3);
    assertThat(statement.endLine()).isEqualTo(4);
    assertThat(statement.endColumn()).isEqualTo(31);
  }

  @Test
  void multiLineStatementsKeepExactSpans() {
    List<SqlStatementText> statements = split("SELECT a,\n       b\n  FROM t;\nSELECT 1");
    assertThat(statements.get(0).startLine()).isEqualTo(1);
    assertThat(statements.get(0).endLine()).isEqualTo(3);
    assertThat(statements.get(0).endColumn()).isEqualTo(10);
    assertThat(statements.get(1).text()).isEqualTo("SELECT 1");
    assertThat(statements.get(1).startLine()).isEqualTo(4);
    assertThat(statements.get(1).endColumn()).isEqualTo(9);
  }

  @Test
  void unterminatedStringIsAProblemAndTheRestIsStillSplit() {
    List<SqlStatementText> statements =
        split("SELECT 1;\nSELECT 'oops;\nSELECT name FROM users;\n");
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0).lexProblem()).isEmpty();
    assertThat(statements.get(1).lexProblem())
        .hasValueSatisfying(
            p -> assertThat(p).contains("unterminated string literal starting at line 2"));
    assertThat(statements.get(2).text()).isEqualTo("SELECT name FROM users");
    assertThat(statements.get(2).lexProblem()).isEmpty();
  }

  @Test
  void unterminatedDollarQuoteIsAProblemWithItsLine() {
    List<SqlStatementText> statements = split("SELECT 1;\n\nDO $$ BEGIN PERFORM 1;\n");
    assertThat(statements).hasSize(2);
    assertThat(statements.get(1).lexProblem())
        .hasValueSatisfying(
            p -> assertThat(p).contains("unterminated dollar-quoted string starting at line 3"));
  }

  @Test
  void unterminatedBlockCommentIsAProblem() {
    List<SqlStatementText> statements = split("SELECT 1 /* never closed;\nSELECT 2;");
    assertThat(statements.get(0).lexProblem())
        .hasValueSatisfying(p -> assertThat(p).contains("unterminated block comment"));
  }

  @Test
  void positive_unterminatedDollarQuoteDoesNotSwallowTheRestOfTheFile() {
    List<SqlStatementText> statements =
        split("SELECT 1;\nCREATE FUNCTION f() AS $body$\n  SELECT 2;\nSELECT name FROM users;\n");
    assertThat(statements)
        .extracting(SqlStatementText::text)
        .containsExactly(
            "SELECT 1", "CREATE FUNCTION f() AS $body$\n  SELECT 2", "SELECT name FROM users");
    assertThat(statements.get(1).lexProblem())
        .hasValueSatisfying(
            p -> assertThat(p).contains("unterminated dollar-quoted string starting at line 2"));
    assertThat(statements.get(2).lexProblem()).isEmpty();
    assertThat(statements.get(2).startLine()).isEqualTo(4);
  }

  @Test
  void negative_aDollarQuoteClosedLaterIsNotUnterminated() {
    List<SqlStatementText> statements =
        split("DO $a$ SELECT 1; $b$ not a closer; $a$;\nSELECT $$x;$$;\n");
    assertThat(statements)
        .extracting(SqlStatementText::text)
        .containsExactly("DO $a$ SELECT 1; $b$ not a closer; $a$", "SELECT $$x;$$");
    assertThat(statements).allSatisfy(s -> assertThat(s.lexProblem()).isEmpty());
  }

  @Test
  void positive_charactersOutsideTheBmpKeepTextAndColumnsInChars() {
    List<SqlStatementText> statements = split("SELECT '\uD83D\uDE00' AS emoji; SELECT 2;");
    assertThat(statements)
        .extracting(SqlStatementText::text)
        .containsExactly("SELECT '\uD83D\uDE00' AS emoji", "SELECT 2");
    assertThat(statements.get(1).startColumn()).isEqualTo(23);
  }

  @Test
  void positive_unterminatedQuoteInAPsqlMetaCommandIsAProblemOfThatLineOnly() {
    List<SqlStatementText> statements = split("\\echo it's\nSELECT 1;\n");
    assertThat(statements)
        .extracting(SqlStatementText::text)
        .containsExactly("\\echo it's", "SELECT 1");
    assertThat(statements.get(0).lexProblem())
        .hasValueSatisfying(
            p -> assertThat(p).contains("unterminated string literal starting at line 1"));
    assertThat(statements.get(1).lexProblem()).isEmpty();
  }

  @Test
  void emptyInputHasNoStatements() {
    assertThat(split("")).isEmpty();
    assertThat(split("  -- only a comment\n;;\n")).hasSize(2);
  }

  @Test
  void mysqlHashCommentsAndBackslashStrings() {
    List<SqlStatementText> statements =
        SqlSplitter.split(
            "# a; comment\nSELECT 'it\\'s;' FROM `t;x`;\nSELECT 2;", SqlDialect.MYSQL);
    assertThat(statements.stream().map(SqlStatementText::text))
        .containsExactly("SELECT 'it\\'s;' FROM `t;x`", "SELECT 2");
  }

  @Test
  void sqlStandardFunctionBodiesKeepTheirSemicolons() {
    List<String> texts =
        texts(
            """
            CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
              SELECT a;
            END;
            BEGIN;
            SELECT 2;
            END;
            """);
    assertThat(texts).hasSize(4);
    assertThat(texts.get(0)).startsWith("CREATE FUNCTION").endsWith("END");
    assertThat(texts.subList(1, 4)).containsExactly("BEGIN", "SELECT 2", "END");
  }

  @Test
  void psqlMetaCommandsEndAtTheirLine() {
    List<SqlStatementText> statements =
        split("\\set ON_ERROR_STOP on\nSELECT 1;\n  \\i other.sql\nSELECT 2\n;");
    assertThat(statements).hasSize(4);
    assertThat(statements.get(0).meta()).isTrue();
    assertThat(statements.get(0).text()).isEqualTo("\\set ON_ERROR_STOP on");
    assertThat(statements.get(1).text()).isEqualTo("SELECT 1");
    assertThat(statements.get(2).meta()).isTrue();
    assertThat(statements.get(2).startLine()).isEqualTo(3);
    assertThat(statements.get(3).text()).isEqualTo("SELECT 2");
  }

  @Test
  void mysqlDelimiterBlocks() {
    List<SqlStatementText> statements =
        SqlSplitter.split(
            """
            DELIMITER //
            CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
            DELIMITER ;
            SELECT 3;
            """,
            SqlDialect.MYSQL);
    assertThat(statements.stream().map(SqlStatementText::text))
        .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "SELECT 3");
  }

  @Test
  void positive_aDelimiterGluedToTheLastWordEndsTheStatement() {
    // MySQL words may contain '$': "END$$" is one token, as in most dumps and trigger migrations.
    List<SqlStatementText> statements =
        SqlSplitter.split(
            """
            DELIMITER $$
            CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW
            BEGIN
              SET NEW.updated_at = NOW();
            END$$
            DELIMITER ;
            SELECT 3;
            """,
            SqlDialect.MYSQL);
    assertThat(statements.stream().map(SqlStatementText::text))
        .containsExactly(
            "CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW\n"
                + "BEGIN\n  SET NEW.updated_at = NOW();\nEND",
            "SELECT 3");
    assertThat(statements.get(0).endLine()).isEqualTo(5);
    assertThat(statements.get(0).tokens().get(statements.get(0).tokens().size() - 1).text())
        .isEqualTo("END");
  }

  @Test
  void negative_aWordContainingTheDelimiterInItsMiddleDoesNotEndTheStatement() {
    List<SqlStatementText> statements =
        SqlSplitter.split(
            """
            DELIMITER $$
            SELECT a$$b FROM t$$
            DELIMITER ;
            """,
            SqlDialect.MYSQL);
    assertThat(statements.stream().map(SqlStatementText::text))
        .containsExactly("SELECT a$$b FROM t");
  }

  @Test
  void slashesAreOperatorsOutsideADelimiterLine() {
    assertThat(texts("SELECT 4 / 2;\nSELECT 1;")).containsExactly("SELECT 4 / 2", "SELECT 1");
  }
}
