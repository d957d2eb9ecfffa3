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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.sf.jsqlparser.parser.ParserKeywordsUtils;
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
    assertThat(plain).as("plain statements in the generated corpus").isGreaterThan(600);
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
        "ALTER TABLE users ALTER COLUMN email SET DEFAULT 'none'",
        "ALTER TABLE users ALTER COLUMN email TYPE varchar(320)",
        "ALTER TABLE users VALIDATE CONSTRAINT users_email_check",
        "ALTER TABLE users ADD COLUMN email text",
        "ALTER TABLE users ADD COLUMN IF NOT EXISTS email varchar(64) NOT NULL DEFAULT ''",
        "ALTER TABLE users ADD COLUMN team_id bigint REFERENCES teams (id) ON DELETE SET NULL",
        "ALTER TABLE users ADD COLUMN score numeric(12, 2) DEFAULT 0 CHECK (score >= 0)",
        "ALTER TABLE users ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb",
        "ALTER TABLE users ADD COLUMN enabled boolean NOT NULL DEFAULT true",
        "ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now()",
        "ALTER TABLE users ADD CONSTRAINT users_team_fkey FOREIGN KEY (team_id)"
            + " REFERENCES teams (id) NOT VALID",
        "ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID",
        "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email, team_id)",
        "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key",
        "COMMENT ON COLUMN users.email IS 'Where receipts go'",
        "COMMENT ON TABLE app.users IS 'People who sign in'",
        "CREATE INDEX users_email_idx ON users (email)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email)",
        "CREATE INDEX CONCURRENTLY users_recent_idx ON ONLY users USING btree"
            + " (team_id, created_at DESC) INCLUDE (id) WHERE email IS NOT NULL",
        "CREATE TABLE teams (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text)",
        "CREATE TABLE IF NOT EXISTS members (id bigint PRIMARY KEY, team_id bigint NOT NULL"
            + " REFERENCES teams (id) ON DELETE CASCADE, created_at timestamptz NOT NULL"
            + " DEFAULT now(), CONSTRAINT members_team_key UNIQUE (team_id, id))",
      })
  void acceptsThePlainShapesThatJSqlParserParses(String sql) {
    assertThat(PlainStatements.accepts(tokens(sql, SqlDialect.POSTGRES), SqlDialect.POSTGRES))
        .isTrue();
    assertSameWithAndWithout(SqlDialect.POSTGRES, sql);
  }

  /** Every position the reader takes a name in, {@code %1$s} standing for the name. */
  private static final List<String> NAME_POSITIONS =
      List.of(
          "ALTER TABLE %1$s ADD COLUMN %1$s text NOT NULL DEFAULT ''",
          "ALTER TABLE users DROP COLUMN IF EXISTS %1$s",
          "ALTER TABLE users RENAME COLUMN %1$s TO %1$s",
          "ALTER TABLE users ALTER COLUMN %1$s SET NOT NULL",
          "ALTER TABLE users ALTER COLUMN %1$s SET DEFAULT 'x'",
          "ALTER TABLE users ADD CONSTRAINT %1$s UNIQUE (%1$s, id)",
          "ALTER TABLE users ADD CONSTRAINT %1$s FOREIGN KEY (%1$s) REFERENCES %1$s (%1$s)",
          "ALTER TABLE users ADD CONSTRAINT users_check CHECK (%1$s IS NOT NULL)",
          "ALTER TABLE users VALIDATE CONSTRAINT %1$s",
          "CREATE INDEX %1$s ON %1$s (%1$s DESC, id)",
          "CREATE TABLE %1$s (%1$s bigint NOT NULL REFERENCES %1$s (%1$s) ON DELETE CASCADE,"
              + " id bigint CHECK (%1$s > 0), PRIMARY KEY (%1$s), CONSTRAINT %1$s UNIQUE (%1$s))",
          "CREATE TABLE users (%1$s text, id bigint, email text)",
          "COMMENT ON COLUMN users.%1$s IS 'x'",
          "COMMENT ON TABLE %1$s IS 'x'",
          "RESET %1$s");

  @Test
  void keywordsTakenAsNamesAreNonReservedAndParseInEveryPosition() {
    assertThat(ParserKeywordsUtils.getNonReservedKeywords())
        .containsAll(PlainStatements.NAME_KEYWORDS);
    List<String> failures = new ArrayList<>();
    for (String keyword : PlainStatements.NAME_KEYWORDS) {
      for (String position : NAME_POSITIONS) {
        for (String word : List.of(keyword.toLowerCase(Locale.ROOT), keyword)) {
          String sql = String.format(Locale.ROOT, position, word);
          for (SqlDialect dialect : SqlDialect.values()) {
            if (!PlainStatements.accepts(tokens(sql, dialect), dialect)) {
              failures.add("declined in " + dialect + ": " + sql);
            } else if (!sameWithAndWithout(dialect, sql)) {
              failures.add("not parsed the same by JSqlParser in " + dialect + ": " + sql);
            }
          }
        }
      }
    }
    for (String quoted : List.of("`users`", "`name`", "`select`", "`Mixed_Case_1`")) {
      for (String position : NAME_POSITIONS) {
        String sql = String.format(Locale.ROOT, position, quoted);
        if (!PlainStatements.accepts(tokens(sql, SqlDialect.MYSQL), SqlDialect.MYSQL)) {
          failures.add("declined in MYSQL: " + sql);
        } else if (!sameWithAndWithout(SqlDialect.MYSQL, sql)) {
          failures.add("not parsed the same by JSqlParser in MYSQL: " + sql);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SET SESSION lock_wait_timeout = DEFAULT",
        "ALTER TABLE users ADD COLUMN team_id BIGINT UNSIGNED NULL",
        "ALTER TABLE users ADD COLUMN email VARCHAR(64) NOT NULL DEFAULT ''",
        "ALTER TABLE users MODIFY COLUMN email VARCHAR(320) NOT NULL DEFAULT ''",
        "ALTER TABLE users MODIFY email VARCHAR(320) NULL",
        "ALTER TABLE users ADD CONSTRAINT users_team_fkey FOREIGN KEY (team_id)"
            + " REFERENCES teams (id)",
        "CREATE INDEX users_email_idx ON users (email, created_at DESC)",
        "CREATE TABLE teams (id BIGINT UNSIGNED NOT NULL, title VARCHAR(64), PRIMARY KEY (id))",
      })
  void acceptsThePlainMySqlShapesThatJSqlParserParses(String sql) {
    assertThat(PlainStatements.accepts(tokens(sql, SqlDialect.MYSQL), SqlDialect.MYSQL)).isTrue();
    assertSameWithAndWithout(SqlDialect.MYSQL, sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // incomplete or with tokens left over: JSqlParser decides, and reports a syntax error
        "ALTER TABLE users DROP COLUMN",
        "ALTER TABLE users DROP COLUMN email email",
        "ALTER TABLE users RENAME COLUMN email email_address",
        "ALTER TABLE users ALTER COLUMN email SET NOT",
        "ALTER TABLE users ADD COLUMN email",
        "ALTER TABLE users ADD COLUMN email text NOT",
        "ALTER TABLE users ADD COLUMN email varchar(64",
        "ALTER TABLE users ADD COLUMN IF EXISTS email text",
        "ALTER TABLE users ADD CONSTRAINT users_team_fkey FOREIGN KEY (team_id) REFERENCES teams",
        "ALTER TABLE users ADD CONSTRAINT users_check CHECK (email IS NOT NULL",
        "CREATE INDEX users_email_idx ON users ()",
        "CREATE INDEX users_email_idx ON users (email,)",
        "CREATE TABLE teams (id bigint,)",
        "CREATE TABLE teams (id bigint",
        "CREATE TABLE teams (UNIQUE id text)",
        "CREATE TABLE teams (id bigint) extra",
        "COMMENT ON COLUMN users IS 'x'",
        "SET lock_timeout =",
        "RESET",
        "COMMIT COMMIT",
        // JSqlParser rejects these (they fall back to our token readers)
        "BEGIN",
        "SET search_path TO app",
        // keywords as names: JSqlParser may reject them
        "ALTER TABLE select DROP COLUMN email",
        "ALTER TABLE users DROP COLUMN from",
        "ALTER TABLE users DROP COLUMN active",
        "ALTER TABLE users DROP CONSTRAINT name",
        "ALTER TABLE users ADD COLUMN from text",
        "CREATE INDEX users_idx ON users (select)",
        "RESET all",
        // quoted names, other types, expressions and other actions are left to JSqlParser
        "ALTER TABLE \"users\" DROP COLUMN email",
        "ALTER TABLE users ADD COLUMN email citext",
        "ALTER TABLE users ADD COLUMN tags text[]",
        "ALTER TABLE users ADD COLUMN created_at timestamp with time zone",
        "ALTER TABLE users ADD COLUMN score int DEFAULT 1 + 1",
        "ALTER TABLE users ADD COLUMN score int CHECK (score > = 0)",
        "ALTER TABLE users ADD COLUMN email text, ADD COLUMN phone text",
        "ALTER TABLE users ADD COLUMN settings jsonb DEFAULT '{}'::citext",
        "ALTER TABLE users ALTER COLUMN email TYPE varchar(320) USING email::varchar(320)",
        "ALTER TABLE users ALTER COLUMN email SET DATA TYPE text",
        "CREATE INDEX users_email_idx ON users USING gin (email)",
        "CREATE INDEX users_email_idx ON users (lower(email))",
        "CREATE TABLE copy AS SELECT * FROM users",
        "CREATE TABLE teams (id bigint) ENGINE = InnoDB",
        "SET lock_timeout = 1 + 1",
        "DELETE FROM users",
      })
  void declinesEverythingElse(String sql) {
    assertThat(PlainStatements.accepts(tokens(sql, SqlDialect.POSTGRES), SqlDialect.POSTGRES))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Postgres-only syntax is left to JSqlParser in MySQL
        "CREATE INDEX CONCURRENTLY users_email_idx ON users (email)",
        "CREATE INDEX users_email_idx ON users (email) WHERE email IS NOT NULL",
        "ALTER TABLE users ADD CONSTRAINT users_check CHECK (email IS NOT NULL) NOT VALID",
        "ALTER TABLE users ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY",
        "ALTER TABLE users ALTER COLUMN email TYPE text",
        "ALTER TABLE users ADD COLUMN seen_at timestamp DEFAULT now()",
        "ALTER TABLE users ADD COLUMN email VARCHAR(64) NULL, ALGORITHM=INSTANT",
        "ALTER TABLE `app.users` ADD COLUMN email text",
        "ALTER TABLE `us``ers` ADD COLUMN email text",
        "ALTER TABLE `` ADD COLUMN email text",
      })
  void declinesPostgresSyntaxAndEverythingElseInMySql(String sql) {
    // (backtick names are MySQL's: see keywordsTakenAsNamesAreNonReservedAndParseInEveryPosition)
    assertThat(PlainStatements.accepts(tokens(sql, SqlDialect.MYSQL), SqlDialect.MYSQL)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ALTER TABLE users MODIFY COLUMN email text",
        "ALTER TABLE users ADD COLUMN team_id bigint UNSIGNED",
        "ALTER TABLE `users` ADD COLUMN email text",
      })
  void declinesMySqlSyntaxInPostgres(String sql) {
    assertThat(PlainStatements.accepts(tokens(sql, SqlDialect.POSTGRES), SqlDialect.POSTGRES))
        .isFalse();
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

  private static List<SqlToken> tokens(String sql, SqlDialect dialect) {
    return SqlSplitter.split(sql, dialect).get(0).tokens();
  }

  /** JSqlParser parses {@code sql}, and the analysis is the same without it. */
  private static void assertSameWithAndWithout(SqlDialect dialect, String sql) {
    assertThat(sameWithAndWithout(dialect, sql))
        .as("JSqlParser parses %s in %s, and the analysis is the same without it", sql, dialect)
        .isTrue();
  }

  /** Whether JSqlParser parses {@code sql}, and the analysis is the same without it. */
  private static boolean sameWithAndWithout(SqlDialect dialect, String sql) {
    Catalog catalog =
        new SqlFrontend(dialect, Duration.ofSeconds(10))
            .analyze(
                "CREATE TABLE teams (id bigint PRIMARY KEY);"
                    + " CREATE TABLE users (id bigint PRIMARY KEY, email text, team_id bigint,"
                    + " created_at timestamptz);",
                Catalog.empty())
            .catalogAfter();
    AnalyzedStatement withParser =
        new SqlFrontend(dialect, Duration.ofSeconds(10), false)
            .analyze(sql, catalog)
            .statements()
            .get(0);
    AnalyzedStatement withShortcut =
        new SqlFrontend(dialect, Duration.ofSeconds(10), true)
            .analyze(sql, catalog)
            .statements()
            .get(0);
    return withParser.status() == ParseStatus.PARSED && withShortcut.equals(withParser);
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
        plain += PlainStatements.accepts(statement.tokens(), dialect) ? 1 : 0;
      }
      fastCatalog = withShortcut.catalogAfter();
      fullCatalog = withParser.catalogAfter();
    }
    return plain;
  }
}
