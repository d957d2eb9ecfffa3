package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements {@link PlainStatements} reads without JSqlParser are analysed exactly as when
 * JSqlParser parses them: same status, changes, uses, calls, kinds and settings, statement by
 * statement, over the SQL corpus and the benchmark's generated corpus.
 */
class PlainStatementsTest {

  private static final Path CORPUS =
      TestPaths.repo().resolve("analyzer/src/test/resources/sql-corpus");

  @Test
  void theSqlCorpusIsAnalysedTheSameWithAndWithoutTheShortcut() throws IOException {
    int plain =
        sameWithAndWithout(SqlDialect.POSTGRES, sqlFiles(CORPUS.resolve("postgres")))
            + sameWithAndWithout(SqlDialect.MYSQL, sqlFiles(CORPUS.resolve("mysql")));
    assertThat(plain).as("plain statements in the SQL corpus").isGreaterThan(10);
  }

  @Test
  void theBenchmarkCorpusIsAnalysedTheSameWithAndWithoutTheShortcut(@TempDir Path dir)
      throws Exception {
    Path generator = TestPaths.repo().resolve("bench/sql/GenerateSqlCorpus.java");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(java, generator.toString(), dir.toString(), "60", "1500")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("generator.log").toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("generator finished").isTrue();
    assertThat(process.exitValue()).as("generator exit code").isZero();
    int plain =
        sameWithAndWithout(SqlDialect.POSTGRES, sqlFiles(dir.resolve("postgres")))
            + sameWithAndWithout(SqlDialect.MYSQL, sqlFiles(dir.resolve("mysql")));
    assertThat(plain).as("plain statements in the generated corpus").isGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "COMMIT",
        "ROLLBACK",
        "RESET lock_timeout",
        "SET lock_timeout = '2s'",
        "SET SESSION lock_wait_timeout = 5",
        "ALTER TABLE users DROP COLUMN email",
        "ALTER TABLE app.users DROP COLUMN IF EXISTS email",
        "ALTER TABLE users RENAME COLUMN email TO email_address",
        "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
        "ALTER TABLE users ALTER COLUMN email DROP NOT NULL",
        "ALTER TABLE users ALTER COLUMN email DROP DEFAULT",
        "ALTER TABLE users VALIDATE CONSTRAINT users_email_check",
      })
  void acceptsThePlainShapes(String sql) {
    assertThat(PlainStatements.accepts(tokens(sql))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // incomplete or with tokens left over: JSqlParser decides, and reports a syntax error
        "ALTER TABLE users DROP COLUMN",
        "ALTER TABLE users DROP COLUMN email email",
        "ALTER TABLE users RENAME COLUMN email email_address",
        "ALTER TABLE users ALTER COLUMN email SET NOT",
        "SET lock_timeout =",
        "RESET",
        "COMMIT COMMIT",
        // JSqlParser rejects these (they fall back to our token readers)
        "BEGIN",
        "SET search_path TO app",
        // keywords as names: JSqlParser may reject them
        "ALTER TABLE select DROP COLUMN email",
        "ALTER TABLE users DROP COLUMN from",
        "RESET all",
        // quoted names, expressions and other actions are left to JSqlParser
        "ALTER TABLE \"users\" DROP COLUMN email",
        "ALTER TABLE users ALTER COLUMN email SET DEFAULT 'x'",
        "ALTER TABLE users ADD COLUMN email text",
        "SET lock_timeout = 1 + 1",
        "DELETE FROM users",
      })
  void declinesEverythingElse(String sql) {
    assertThat(PlainStatements.accepts(tokens(sql))).isFalse();
  }

  @Test
  void aStatementItDeclinesStillGetsJSqlParsersVerdict() {
    SqlFrontend frontend = new SqlFrontend(SqlDialect.POSTGRES, Duration.ofSeconds(10));
    AnalyzedStatement broken =
        frontend
            .analyze("ALTER TABLE users DROP COLUMN email email;", Catalog.empty())
            .statements()
            .get(0);
    assertThat(broken.status()).isNotEqualTo(ParseStatus.PARSED);
  }

  private static List<SqlToken> tokens(String sql) {
    return SqlSplitter.split(sql, SqlDialect.POSTGRES).get(0).tokens();
  }

  private static List<Path> sqlFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
      assertThat(files).as("SQL files under %s", root).isNotEmpty();
      return files;
    }
  }

  /** Analyses the files in order both ways; returns how many statements were plain. */
  private static int sameWithAndWithout(SqlDialect dialect, List<Path> files) throws IOException {
    SqlFrontend fast = new SqlFrontend(dialect, Duration.ofSeconds(10), true);
    SqlFrontend full = new SqlFrontend(dialect, Duration.ofSeconds(10), false);
    Catalog fastCatalog = Catalog.empty();
    Catalog fullCatalog = Catalog.empty();
    int plain = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      SqlAnalysis withShortcut = fast.analyze(text, fastCatalog);
      SqlAnalysis withParser = full.analyze(text, fullCatalog);
      assertThat(withShortcut.statements()).as("%s", file).hasSameSizeAs(withParser.statements());
      for (int i = 0; i < withParser.statements().size(); i++) {
        AnalyzedStatement expected = withParser.statements().get(i);
        assertThat(withShortcut.statements().get(i))
            .as("%s:%d %s", file, expected.startLine(), expected.text())
            .isEqualTo(expected);
      }
      for (SqlStatementText statement : SqlSplitter.split(text, dialect)) {
        plain += PlainStatements.accepts(statement.tokens()) ? 1 : 0;
      }
      fastCatalog = withShortcut.catalogAfter();
      fullCatalog = withParser.catalogAfter();
    }
    return plain;
  }
}
