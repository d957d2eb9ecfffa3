package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.blastradius.schema.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jazzer fuzz target for {@link SqlSplitter}: arbitrary bytes, read as UTF-8, split in both
 * dialects. Without {@code JAZZER_FUZZ=1} it replays the committed inputs in {@code
 * src/test/resources/dev/blastradius/lang/sql/SqlSplitterFuzzTestInputs/splitter/} as a regression
 * test; with it (and {@code -P fuzz}) Jazzer mutates them for at most 30 seconds.
 *
 * <p>Invariants: splitting never throws; every statement's span lies inside the text, starts where
 * its text starts, holds its tokens, and comes after the previous statement; an UNTERMINATED token
 * makes a problem naming a line of the statement; and an unterminated quote, dollar quote or block
 * comment appended to text that splits cleanly is reported on its own line while the statement
 * after it is still split.
 */
class SqlSplitterFuzzTest {

  private static final Pattern PROBLEM_LINE = Pattern.compile("starting at line (\\d+)");

  /** Openers that can never be closed by the suffix they are followed by. */
  private static final List<String> POSTGRES_OPENERS =
      List.of("'", "E'", "\"", "`", "/*", "$$", "$body$");

  private static final List<String> MYSQL_OPENERS = List.of("'", "\"", "`", "/*");

  @FuzzTest(maxDuration = "30s")
  void splitter(byte[] input) {
    String sql = new String(input, StandardCharsets.UTF_8);
    for (SqlDialect dialect : SqlDialect.values()) {
      checkSpans(sql, dialect, SqlSplitter.split(sql, dialect));
      checkUnterminatedOpenersAreReportedAndSplitPast(sql, dialect);
    }
  }

  /** Spans inside the text, ordered, starting where their text starts; problems name a line. */
  static void checkSpans(String sql, SqlDialect dialect, List<SqlStatementText> statements) {
    String[] lines = sql.split("\n", -1);
    int previousLine = 1;
    int previousColumn = 1;
    for (SqlStatementText statement : statements) {
      String where = dialect + " statement " + statement + " of " + quoted(sql);
      assertThat(statement.startLine()).as(where).isBetween(1, lines.length);
      assertThat(statement.endLine()).as(where).isBetween(statement.startLine(), lines.length);
      assertThat(statement.startColumn())
          .as(where)
          .isBetween(1, lines[statement.startLine() - 1].length() + 1);
      assertThat(statement.endColumn())
          .as(where)
          .isBetween(1, lines[statement.endLine() - 1].length() + 1);
      if (statement.startLine() == statement.endLine()) {
        assertThat(statement.endColumn()).as(where).isGreaterThanOrEqualTo(statement.startColumn());
      }
      assertThat(
              before(previousLine, previousColumn, statement.startLine(), statement.startColumn()))
          .as("%s starts before the previous statement ends", where)
          .isTrue();
      previousLine = statement.endLine();
      previousColumn = statement.endColumn();

      int start = offset(lines, statement.startLine(), statement.startColumn());
      assertThat(sql.startsWith(statement.text(), start))
          .as("%s: its text is not the input at its start", where)
          .isTrue();
      for (SqlToken token : statement.tokens()) {
        assertThat(token.offset()).as(where).isBetween(0, statement.text().length());
        assertThat(statement.text().startsWith(token.text(), token.offset()))
            .as("%s: token %s is not at its offset", where, token)
            .isTrue();
        assertThat(offset(lines, token.line(), token.column()))
            .as("%s: token %s is not at its line and column", where, token)
            .isEqualTo(start + token.offset());
      }
      boolean unterminated =
          statement.tokens().stream().anyMatch(t -> t.type() == SqlLexer.UNTERMINATED);
      if (unterminated) {
        assertThat(statement.lexProblem()).as(where).isPresent();
      }
      statement
          .lexProblem()
          .ifPresent(
              problem -> {
                Matcher line = PROBLEM_LINE.matcher(problem);
                assertThat(line.find()).as("%s: the problem names no line", where).isTrue();
                assertThat(Integer.parseInt(line.group(1)))
                    .as(where)
                    .isBetween(statement.startLine(), statement.endLine());
              });
    }
  }

  /**
   * When {@code sql} followed by {@code ;} and {@code SELECT 1;} splits cleanly (no problem, the
   * last statement is that SELECT on its own line), then an unterminated opener in between is a
   * problem naming its line, and {@code SELECT 1} is still split after it, clean.
   */
  private static void checkUnterminatedOpenersAreReportedAndSplitPast(
      String sql, SqlDialect dialect) {
    int openerLine = (int) sql.chars().filter(c -> c == '\n').count() + 3;
    String prefix = sql + "\n;\n";
    List<SqlStatementText> clean = SqlSplitter.split(prefix + "SELECT 1;\n", dialect);
    if (clean.stream().anyMatch(s -> s.lexProblem().isPresent())
        || !isSelectOneAt(clean.get(clean.size() - 1), openerLine)) {
      return; // the text leaves the splitter inside a custom delimiter or a BEGIN ATOMIC body
    }
    for (String opener : dialect == SqlDialect.MYSQL ? MYSQL_OPENERS : POSTGRES_OPENERS) {
      String text = prefix + opener + ";\nSELECT 1;\n";
      List<SqlStatementText> statements = SqlSplitter.split(text, dialect);
      String where = dialect + " " + quoted(text);
      checkSpans(text, dialect, statements);
      if (statements.size() != clean.size() + 1
          || !statements.subList(0, clean.size() - 1).equals(clean.subList(0, clean.size() - 1))) {
        // The opener closed a quote the lexer had ended at its last possible end (an E'' string
        // whose doubled quote had no partner): a different, still valid, reading of the text.
        continue;
      }
      SqlStatementText broken = statements.get(statements.size() - 2);
      assertThat(broken.lexProblem())
          .as("%s: the unterminated %s is not reported", where, opener)
          .hasValueSatisfying(
              p -> assertThat(p).contains("unterminated").contains("line " + openerLine));
      assertThat(isSelectOneAt(statements.get(statements.size() - 1), openerLine + 1))
          .as("%s: the statement after the unterminated %s is not split", where, opener)
          .isTrue();
    }
  }

  private static boolean isSelectOneAt(SqlStatementText statement, int line) {
    return statement.text().equals("SELECT 1")
        && statement.startLine() == line
        && statement.startColumn() == 1
        && statement.lexProblem().isEmpty();
  }

  private static boolean before(int line, int column, int otherLine, int otherColumn) {
    return line < otherLine || (line == otherLine && column <= otherColumn);
  }

  /** The char offset of a 1-based line and column. */
  private static int offset(String[] lines, int line, int column) {
    int offset = 0;
    for (int i = 0; i < line - 1; i++) {
      offset += lines[i].length() + 1;
    }
    return offset + column - 1;
  }

  private static String quoted(String sql) {
    String shown = sql.length() > 400 ? sql.substring(0, 400) + "…" : sql;
    return '"' + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + '"';
  }
}
