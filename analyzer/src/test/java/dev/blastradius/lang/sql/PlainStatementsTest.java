package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.change.CreateFunction;
import dev.blastradius.change.SchemaChange;
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
import net.sf.jsqlparser.statement.Statement;
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
    Counts counts =
        sameWithAndWithout(SqlDialect.POSTGRES, sqlFiles(CORPUS.resolve("postgres")))
            .plus(sameWithAndWithout(SqlDialect.MYSQL, sqlFiles(CORPUS.resolve("mysql"))));
    assertThat(counts.plain()).as("plain statements in the SQL corpus").isGreaterThan(10);
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
    Counts counts =
        sameWithAndWithout(SqlDialect.POSTGRES, sqlFiles(dir.resolve("postgres")))
            .plus(sameWithAndWithout(SqlDialect.MYSQL, sqlFiles(dir.resolve("mysql"))));
    assertThat(counts.plain()).as("plain statements in the generated corpus").isGreaterThan(600);
    assertThat(counts.data())
        .as("plain data statements in the generated corpus")
        .isGreaterThan(200);
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

  /** Every position the data reader takes a name in, {@code %1$s} standing for the name. */
  private static final List<String> DATA_NAME_POSITIONS =
      List.of(
          "UPDATE %1$s SET %1$s = lower(%1$s), id = coalesce(%1$s.%1$s, 'x') WHERE %1$s IS NULL",
          "UPDATE users SET email = 'x' WHERE %1$s >= 1 AND %1$s IN (SELECT %1$s FROM %1$s"
              + " WHERE %1$s = 'x' ORDER BY %1$s LIMIT 5)",
          "INSERT INTO %1$s (%1$s, id) VALUES ('x', 1)");

  private static final List<String> POSTGRES_DATA_NAME_POSITIONS =
      List.of(
          "WITH %1$s AS (SELECT %1$s FROM %1$s LIMIT 5 FOR UPDATE SKIP LOCKED)"
              + " UPDATE %1$s %1$s SET %1$s = %1$s.%1$s FROM %1$s WHERE %1$s.%1$s = %1$s.%1$s",
          "INSERT INTO users (%1$s) VALUES ('x') ON CONFLICT (%1$s) DO UPDATE"
              + " SET %1$s = excluded.%1$s RETURNING %1$s");

  @Test
  void keywordsTakenAsNamesParseTheSameInEveryDataPosition() {
    List<String> failures = new ArrayList<>();
    for (String keyword : PlainStatements.NAME_KEYWORDS) {
      for (String word : List.of(keyword.toLowerCase(Locale.ROOT), keyword)) {
        for (SqlDialect dialect : SqlDialect.values()) {
          List<String> positions = new ArrayList<>(DATA_NAME_POSITIONS);
          if (dialect == SqlDialect.POSTGRES) {
            positions.addAll(POSTGRES_DATA_NAME_POSITIONS);
          }
          for (String position : positions) {
            String sql = String.format(Locale.ROOT, position, word);
            Statement built = PlainDataStatements.read(tokens(sql, dialect), dialect);
            Statement parsed =
                new StatementParser(dialect, Duration.ofSeconds(10)).parse(sql).statement();
            if (built == null) {
              failures.add("declined in " + dialect + ": " + sql);
            } else if (parsed == null || !built.toString().equals(parsed.toString())) {
              failures.add("not the tree JSqlParser makes in " + dialect + ": " + sql);
            } else if (!sameWithAndWithout(dialect, sql)) {
              failures.add("not analysed the same in " + dialect + ": " + sql);
            }
          }
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
        "UPDATE users SET email = 'x' WHERE id IN (SELECT id FROM users u WHERE u.id = 1)",
        "UPDATE users SET email = 'x' WHERE EXISTS (SELECT 1 FROM teams)",
        "INSERT INTO users (email, created_at) SELECT f.title, f.id FROM teams f"
            + " WHERE f.id >= 1 AND NOT EXISTS (SELECT 1 FROM users t WHERE t.email = f.title)",
        "INSERT INTO users (email) SELECT title FROM teams WHERE created_at >= DATE '2024-01-01'",
        "UPDATE users SET email = 'x' WHERE EXISTS (SELECT id, 1 FROM teams WHERE teams.id = 1)",
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE users SET email = 'x'",
        "UPDATE app.users SET email = NULL, team_id = 1 WHERE id = 7",
        "UPDATE users SET email = lower(email) WHERE id >= 0 AND id < 50000 AND email IS NULL",
        "UPDATE users SET email = LOWER(users.email) WHERE email IS NOT NULL AND team_id <> 3",
        "UPDATE users SET email = coalesce(email, 'n/a'), created_at = now() WHERE id <= 10",
        "UPDATE users SET email = upper(nickname) WHERE nickname > 'a'",
        "UPDATE users SET email = lower(email), created_at = now()"
            + " WHERE id IN (SELECT id FROM users WHERE email IS NULL ORDER BY id LIMIT 5000)",
        "UPDATE users SET team_id = 2 WHERE id IN (1, 2, 3)",
        "UPDATE users SET team_id = team_id WHERE team_id IN (SELECT id FROM teams)",
        "UPDATE users SET email = '' WHERE id IN (SELECT id FROM users ORDER BY id DESC LIMIT 10)",
        "WITH batch AS (SELECT id FROM users WHERE email IS NULL ORDER BY id LIMIT 10000"
            + " FOR UPDATE SKIP LOCKED) UPDATE users t SET email = coalesce(t.email, 'n/a')"
            + " FROM batch WHERE t.id = batch.id",
        "WITH batch AS (SELECT id FROM users LIMIT 10) UPDATE users u SET email = 'x'"
            + " FROM batch WHERE u.id = batch.id AND u.email IS NULL",
        "INSERT INTO users (id, email) VALUES (1, 'a')",
        "INSERT INTO users (id, email, created_at) VALUES (1, 'a', now()), (2, NULL, now())",
        "INSERT INTO users (team_id, email) VALUES (1, 'a') ON CONFLICT DO NOTHING",
        "INSERT INTO users (team_id, email) VALUES (1, 'a'), (2, 'b')"
            + " ON CONFLICT (email) DO UPDATE SET created_at = excluded.created_at",
        "INSERT INTO users (team_id, email) VALUES (1, 'a') RETURNING id",
        "INSERT INTO users (team_id, email) VALUES (team_id, new.email), (1, lower(nickname))",
        "INSERT INTO app.users (email) VALUES ('a') ON CONFLICT (email, team_id) DO NOTHING"
            + " RETURNING id, email",
        "UPDATE users AS u SET email = t.title FROM teams AS t WHERE t.id = u.team_id"
            + " AND u.email IS DISTINCT FROM t.title",
        "UPDATE users u SET email = title FROM teams t WHERE t.id = u.team_id"
            + " AND u.email IS NOT DISTINCT FROM 'x'",
        "UPDATE users SET team_id = team_id + 1, created_at = now() - interval '1 day'"
            + " WHERE id > 5",
        "DELETE FROM users",
        "DELETE FROM users WHERE created_at < now() - interval '30 days' AND email = 'archived'",
        "DELETE FROM app.users WHERE id IN (SELECT id FROM users WHERE team_id IS NULL LIMIT 10)",
      })
  void readsThePlainPostgresDataChangesAsJSqlParserDoes(String sql) {
    assertThat(PlainDataStatements.read(tokens(sql, SqlDialect.POSTGRES), SqlDialect.POSTGRES))
        .isNotNull();
    assertSameTree(SqlDialect.POSTGRES, sql);
    assertSameWithAndWithout(SqlDialect.POSTGRES, sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE users SET email = lower(email), created_at = NOW(6)\n WHERE email IS NULL\n"
            + " ORDER BY id\n LIMIT 5000",
        "UPDATE users SET email = COALESCE(email, 'n/a') WHERE email IS NULL ORDER BY id LIMIT 1",
        "UPDATE users SET email = 'x' WHERE id >= 0 AND id < 50000 AND email IS NULL",
        "UPDATE users SET email = 'x' ORDER BY id DESC",
        "INSERT INTO users (team_id, email) VALUES (1, 'a'), (2, 'b')",
        "INSERT IGNORE INTO users (team_id, email) VALUES (1, 'a')",
        "INSERT INTO users (team_id, email) VALUES (1, 'it\\'s')"
            + " ON DUPLICATE KEY UPDATE created_at = NOW(6)",
        "UPDATE users SET team_id = team_id - 1 WHERE created_at < NOW() - INTERVAL 3 HOUR",
        "DELETE FROM users WHERE created_at < NOW() - INTERVAL 36 DAY LIMIT 10000",
        "DELETE FROM users WHERE email = 'x' AND id < 10",
        "INSERT INTO users (email, created_at) SELECT f.title, f.created_at FROM teams f"
            + " WHERE f.created_at >= '2024-01-01' AND NOT EXISTS (SELECT 1 FROM users t"
            + " WHERE t.email = f.title)",
      })
  void readsThePlainMySqlDataChangesAsJSqlParserDoes(String sql) {
    assertThat(PlainDataStatements.read(tokens(sql, SqlDialect.MYSQL), SqlDialect.MYSQL))
        .isNotNull();
    assertSameTree(SqlDialect.MYSQL, sql);
    assertSameWithAndWithout(SqlDialect.MYSQL, sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // incomplete or with tokens left over
        "UPDATE users SET email = 'x' email",
        "UPDATE users SET email = 'x',",
        "UPDATE users SET email =",
        "UPDATE users SET email = 'x' WHERE",
        "UPDATE users SET email = 'x' WHERE id = 1 AND",
        "UPDATE users SET email = lower(email WHERE id = 1",
        "UPDATE users SET email = 'x' WHERE id IN (SELECT id FROM users",
        "UPDATE users SET email = 'x' WHERE id > = 1",
        "INSERT INTO users (id, email) VALUES (1, 'a'),",
        "INSERT INTO users (id, email) VALUES (1, 'a') ON CONFLICT DO",
        "INSERT INTO users (id, email) VALUES",
        "INSERT INTO users VALUES (1, 'a')",
        // expressions, clauses and subqueries it does not read
        "UPDATE users SET email = email || 'x'",
        "UPDATE users SET email = trim(email)",
        "UPDATE users SET email = md5(email)",
        "UPDATE users SET email = 'x' WHERE id = 1 OR id = 2",
        "UPDATE users SET email = 'x' WHERE (id = 1)",
        "UPDATE users SET email = 'x' WHERE id NOT IN (1, 2)",
        "UPDATE users SET email = 'x' WHERE id IN (SELECT max(id) FROM users)",
        "UPDATE users SET email = 'x' WHERE id = -1",
        "UPDATE users SET email = 'x'::text",
        "UPDATE users SET email = 'x' RETURNING id",
        "UPDATE users AS SET email = 'x'",
        "UPDATE users u SET email = t.title FROM teams t, users v WHERE t.id = u.team_id",
        "UPDATE users u SET email = t.title FROM teams t JOIN users v ON v.id = t.id",
        "UPDATE users SET email = 'x' WHERE email IS DISTINCT 'y'",
        "UPDATE users SET email = 'x' WHERE created_at < now() - interval 1 day",
        "UPDATE users SET team_id = team_id * 2",
        "UPDATE users SET team_id = team_id + - 1",
        "UPDATE users SET (email, team_id) = ('x', 1)",
        "UPDATE users SET users.email = 'x'",
        "INSERT INTO users (id, email) SELECT * FROM users",
        "INSERT INTO users (id, email) SELECT id, email FROM users ON CONFLICT DO NOTHING",
        "INSERT INTO users (id, email) SELECT id, email FROM users RETURNING id",
        "INSERT INTO users (id, email) SELECT id, email FROM users u JOIN teams t ON t.id = u.id",
        "UPDATE users SET email = 'x' WHERE NOT EXISTS (SELECT 1 FROM teams",
        "UPDATE users SET email = 'x' WHERE NOT email IS NULL",
        "UPDATE users SET email = DATE 'x' || 'y'",
        "INSERT INTO users (email) VALUES ('a') ON CONFLICT (email) DO UPDATE SET email = 'b'"
            + " WHERE users.id > 1",
        "INSERT INTO users (email) VALUES (E'a')",
        "WITH batch AS (SELECT id FROM users LIMIT 10) UPDATE users SET email = 'x'",
        "WITH batch AS (SELECT id FROM users LIMIT 10) SELECT id FROM batch",
        "WITH a AS (SELECT id FROM users), b AS (SELECT id FROM a) UPDATE users t SET email = 'x'"
            + " FROM b WHERE t.id = b.id",
        "DELETE users WHERE id = 1",
        "DELETE FROM users USING teams WHERE users.team_id = teams.id",
        "DELETE FROM users WHERE id = 1 RETURNING id",
        "DELETE FROM users WHERE id = 1 LIMIT 1",
        // keywords as names: JSqlParser may reject them or read them differently
        "UPDATE select SET email = 'x'",
        "UPDATE users SET from = 'x'",
        "UPDATE users SET email = 'x' WHERE active IS NULL",
        "UPDATE users SET email = true",
        "INSERT INTO users (level) VALUES ('a')",
        "UPDATE users SET email = current_date",
        "UPDATE users SET email = 'x' WHERE user = 'x'",
        "UPDATE users SET email = localtimestamp",
        "UPDATE \"users\" SET email = 'x'",
        // MySQL syntax in Postgres
        "UPDATE users SET email = 'x' WHERE email IS NULL ORDER BY id LIMIT 10",
        "INSERT IGNORE INTO users (email) VALUES ('a')",
        "INSERT INTO users (email) VALUES ('a') ON DUPLICATE KEY UPDATE email = 'b'",
        "UPDATE `users` SET email = 'x'",
      })
  void declinesOtherDataChangesInPostgres(String sql) {
    assertThat(PlainDataStatements.read(tokens(sql, SqlDialect.POSTGRES), SqlDialect.POSTGRES))
        .isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Postgres syntax in MySQL
        "INSERT INTO users (email) VALUES ('a') ON CONFLICT DO NOTHING",
        "INSERT INTO users (email) VALUES ('a') RETURNING id",
        "WITH batch AS (SELECT id FROM users LIMIT 10) UPDATE users t SET email = 'x'"
            + " FROM batch WHERE t.id = batch.id",
        "UPDATE users SET email = 'x' WHERE id IN (SELECT id FROM users LIMIT 5) LIMIT 1 LIMIT 2",
        "UPDATE `users` SET email = 'x'",
        "UPDATE users SET email = \"x\"",
        "INSERT INTO users (email) VALUES ('a') ON DUPLICATE KEY UPDATE email = VALUES(email)",
        "UPDATE users u SET email = 'x'",
        "UPDATE users SET email = 'x' WHERE email IS DISTINCT FROM 'y'",
        "UPDATE users SET email = 'x' FROM teams",
        "DELETE FROM users WHERE created_at < NOW() - INTERVAL 36 FORTNIGHT",
        "DELETE FROM users WHERE created_at < NOW() - INTERVAL '1 day'",
        "DELETE t FROM users t WHERE t.id = 1",
      })
  void declinesOtherDataChangesInMySql(String sql) {
    assertThat(PlainDataStatements.read(tokens(sql, SqlDialect.MYSQL), SqlDialect.MYSQL)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"BEGIN", "begin", "BEGIN WORK", "BEGIN TRANSACTION", "START TRANSACTION"})
  void transactionStartsThatJSqlParserRejectsSkipIt(String sql) {
    List<String> failures = new ArrayList<>();
    for (SqlDialect dialect : SqlDialect.values()) {
      assertThat(PlainStatements.rejectedByParser(tokens(sql, dialect))).isTrue();
      if (new StatementParser(dialect, Duration.ofSeconds(10)).parse(sql).statement() != null) {
        failures.add("JSqlParser parses " + sql + " in " + dialect);
      }
      AnalyzedStatement withParser =
          new SqlFrontend(dialect, Duration.ofSeconds(10), false)
              .analyze(sql, Catalog.empty())
              .statements()
              .get(0);
      AnalyzedStatement without =
          new SqlFrontend(dialect, Duration.ofSeconds(10), true)
              .analyze(sql, Catalog.empty())
              .statements()
              .get(0);
      if (!without.equals(withParser) || withParser.status() != ParseStatus.FALLBACK) {
        failures.add("not analysed the same in " + dialect + ": " + sql);
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEGIN ISOLATION LEVEL SERIALIZABLE",
        "START TRANSACTION READ ONLY",
        "BEGIN BEGIN",
        "START",
        "COMMIT",
        "BEGIN ATOMIC"
      })
  void otherTransactionStatementsStillGoToJSqlParser(String sql) {
    assertThat(PlainStatements.rejectedByParser(tokens(sql, SqlDialect.POSTGRES))).isFalse();
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

  /**
   * JSqlParser parses {@code sql} into the tree {@link PlainDataStatements} builds, as far as its
   * printed form shows (node types and nesting decide that form).
   */
  private static void assertSameTree(SqlDialect dialect, String sql) {
    StatementParser.Outcome parsed =
        new StatementParser(dialect, Duration.ofSeconds(10)).parse(sql);
    assertThat(parsed.statement()).as("JSqlParser parses %s in %s", sql, dialect).isNotNull();
    assertThat(String.valueOf(PlainDataStatements.read(tokens(sql, dialect), dialect)))
        .as("tree of %s in %s", sql, dialect)
        .isEqualTo(parsed.statement().toString());
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
    // With the tables known and unknown: the walker's confidences depend on the catalog.
    return sameWithAndWithout(dialect, sql, catalog)
        && sameWithAndWithout(dialect, sql, Catalog.empty());
  }

  private static boolean sameWithAndWithout(SqlDialect dialect, String sql, Catalog catalog) {
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

  /** How many statements of a corpus skipped JSqlParser, and how many of them were data changes. */
  private record Counts(int plain, int data) {
    Counts plus(Counts other) {
      return new Counts(plain + other.plain, data + other.data);
    }
  }

  /**
   * Analyses the files in order both ways, and checks that each data statement read without
   * JSqlParser is the tree JSqlParser makes of it; returns how many statements were plain.
   */
  private static Counts sameWithAndWithout(SqlDialect dialect, List<Path> files)
      throws IOException {
    SqlFrontend fast = new SqlFrontend(dialect, Duration.ofSeconds(10), true);
    SqlFrontend full = new SqlFrontend(dialect, Duration.ofSeconds(10), false);
    Catalog fastCatalog = Catalog.empty();
    Catalog fullCatalog = Catalog.empty();
    int plain = 0;
    int data = 0;
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
        // Routine bodies are analysed later (pipeline Routines), in strict mode: the same there.
        for (SchemaChange change : expected.changes()) {
          if (change instanceof CreateFunction function) {
            assertThat(RoutineBodies.read(fast, function, withParser.catalogAfter()))
                .as("body of %s at %s:%d", function.function(), file, expected.startLine())
                .isEqualTo(RoutineBodies.read(full, function, withParser.catalogAfter()));
          }
        }
      }
      for (SqlStatementText statement : SqlSplitter.split(text, dialect)) {
        if (PlainStatements.accepts(statement.tokens(), dialect)) {
          plain++;
        } else if (PlainDataStatements.read(statement.tokens(), dialect) != null) {
          assertSameTree(dialect, statement.text());
          plain++;
          data++;
        }
      }
      fastCatalog = withShortcut.catalogAfter();
      fullCatalog = withParser.catalogAfter();
    }
    return new Counts(plain, data);
  }
}
