package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Jazzer fuzz target for the SQL walker, {@link SqlFrontend#analyze} over a small fixed catalog:
 * arbitrary bytes, read as UTF-8, analysed in both dialects. Without {@code JAZZER_FUZZ=1} it
 * replays {@code src/test/resources/dev/blastradius/lang/sql/SqlWalkerFuzzTestInputs/walker/}.
 *
 * <p>Invariants: analysis never throws and returns within the per-statement time limit (plus a
 * generous margin for a loaded machine); it reports exactly the statements the splitter cut, with
 * their spans; each is parsed, a fallback, or unanalysed with a problem (and only then); a
 * statement the lexer could not read whole is unanalysed with the lexer's problem; every use names
 * a table and a column.
 */
class SqlWalkerFuzzTest {

  private static final Duration LIMIT = Duration.ofMillis(500);

  /** Per statement: the time limit is checked between parser steps, so allow far more. */
  private static final long MARGIN_NANOS = Duration.ofSeconds(10).toNanos();

  private static final String SCHEMA =
      """
      CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);
      CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id),
        total numeric(10, 2), created_at timestamp DEFAULT now());
      CREATE VIEW user_orders AS SELECT u.email, o.total FROM users u JOIN orders o
        ON o.user_id = u.id;
      """;

  @FuzzTest(maxDuration = "30s")
  void walker(byte[] input) {
    String sql = new String(input, StandardCharsets.UTF_8);
    for (SqlDialect dialect : SqlDialect.values()) {
      SqlFrontend frontend = new SqlFrontend(dialect, LIMIT);
      Catalog catalog = frontend.analyze(SCHEMA, Catalog.empty()).catalogAfter();
      List<SqlStatementText> split =
          SqlSplitter.split(sql, dialect).stream()
              .filter(s -> !s.tokens().isEmpty() || s.lexProblem().isPresent())
              .toList();

      long started = System.nanoTime();
      SqlAnalysis analysis = frontend.analyze(sql, catalog);
      long elapsed = System.nanoTime() - started;

      String where = dialect + " analysis of \"" + sql + '"';
      assertThat(elapsed)
          .as("%s took %d ms", where, elapsed / 1_000_000)
          .isLessThan((split.size() + 1) * (LIMIT.toNanos() * 3 + MARGIN_NANOS));
      assertThat(analysis.catalogAfter()).as(where).isNotNull();
      assertThat(analysis.statements()).as(where).hasSameSizeAs(split);
      for (int i = 0; i < split.size(); i++) {
        check(where, split.get(i), analysis.statements().get(i));
      }
    }
  }

  private static void check(String where, SqlStatementText text, AnalyzedStatement statement) {
    String which = where + ", statement " + statement;
    assertThat(List.of(statement.startLine(), statement.startColumn()))
        .as(which)
        .isEqualTo(List.of(text.startLine(), text.startColumn()));
    assertThat(List.of(statement.endLine(), statement.endColumn()))
        .as(which)
        .isEqualTo(List.of(text.endLine(), text.endColumn()));
    assertThat(statement.text()).as(which).isEqualTo(text.text());
    assertThat(statement.status()).as(which).isNotNull();
    assertThat(statement.problem().isPresent())
        .as("%s: a problem exactly when unanalysed", which)
        .isEqualTo(statement.status() == ParseStatus.UNANALYSED);
    statement.problem().ifPresent(p -> assertThat(p).as(which).isNotBlank());
    text.lexProblem()
        .ifPresent(
            lexProblem -> {
              assertThat(statement.status()).as(which).isEqualTo(ParseStatus.UNANALYSED);
              assertThat(statement.problem()).as(which).contains(lexProblem);
            });
    if (statement.status() == ParseStatus.UNANALYSED) {
      assertThat(statement.uses()).as("%s: unanalysed but has uses", which).isEmpty();
      assertThat(statement.changes()).as("%s: unanalysed but has changes", which).isEmpty();
    }
    for (ColumnUse use : statement.uses()) {
      assertThat(use.column()).as(which).isNotNull();
      assertThat(use.column().table()).as(which).isNotNull();
      assertThat(use.column().column()).as(which).isNotNull();
      assertThat(use.kind()).as(which).isNotNull();
      assertThat(use.confidence()).as(which).isNotNull();
    }
  }
}
