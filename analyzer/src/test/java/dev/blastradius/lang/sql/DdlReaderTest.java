package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.CreateView;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.change.TableOperation.Kind;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schema changes read from DDL, with the flags the locking rules need. */
class DdlReaderTest {

  private static final SqlFrontend POSTGRES =
      new SqlFrontend(SqlDialect.POSTGRES, Duration.ofSeconds(5));
  private static final SqlFrontend MYSQL = new SqlFrontend(SqlDialect.MYSQL, Duration.ofSeconds(5));

  private static final String SCHEMA =
      """
      CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, name text, status text DEFAULT 'new');
      CREATE TABLE orders (id bigint, user_id bigint, total numeric(12, 2));
      CREATE INDEX orders_user_idx ON orders (user_id);
      """;

  private static final Catalog CATALOG = POSTGRES.analyze(SCHEMA, Catalog.empty()).catalogAfter();

  private static AnalyzedStatement one(SqlFrontend frontend, String sql) {
    List<AnalyzedStatement> statements = frontend.analyze(sql, CATALOG).statements();
    assertThat(statements).hasSize(1);
    return statements.get(0);
  }

  private static List<String> described(SqlFrontend frontend, String sql) {
    AnalyzedStatement statement = one(frontend, sql);
    assertThat(statement.problem()).as("problem for %s", sql).isEmpty();
    return statement.changes().stream().map(SchemaChange::describe).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ALTER TABLE users ALTER COLUMN email SET DATA TYPE varchar(320)                 | change type of users.email to varchar(320)
          ALTER TABLE users ALTER email TYPE varchar(320) USING email::varchar(320)       | change type of users.email to varchar(320)
          ALTER TABLE users ALTER COLUMN email SET NOT NULL                               | set not null on users.email
          ALTER TABLE users ALTER COLUMN email DROP NOT NULL                              | drop not null on users.email
          ALTER TABLE users ALTER COLUMN status SET DEFAULT 'active'                      | set default of users.status
          ALTER TABLE users ALTER COLUMN status DROP DEFAULT                              | drop default of users.status
          ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email | add unique constraint users_email_key on users
          ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk                          | validate constraint orders_user_fk on orders
          ALTER TABLE orders DROP CONSTRAINT IF EXISTS positive_total                     | drop constraint positive_total on orders
          ALTER TABLE users RENAME TO accounts                                            | rename table users to accounts
          ALTER TABLE users RENAME COLUMN name TO full_name                               | rename column users.name to full_name
          ALTER TABLE users RENAME name TO full_name                                      | rename column users.name to full_name
          ALTER TABLE IF EXISTS ONLY users DROP COLUMN IF EXISTS name CASCADE             | drop column users.name
          ALTER TABLE users SET TABLESPACE fast                                           | set tablespace fast on users
          ALTER TABLE users SET LOGGED                                                    | set logged on users
          ALTER TABLE users SET SCHEMA archive                                            | rename table users to archive.users
          ALTER TABLE orders ENABLE ROW LEVEL SECURITY                                    | row level security enable row level security on orders
          DROP INDEX CONCURRENTLY IF EXISTS orders_user_idx                               | drop index orders_user_idx
          REINDEX INDEX CONCURRENTLY orders_user_idx                                      | reindex index orders_user_idx
          REINDEX TABLE users                                                             | reindex table users
          VACUUM FULL users                                                               | vacuum full on users
          VACUUM (FULL, ANALYZE) users                                                    | vacuum full on users
          VACUUM (FULL false) users                                                       | vacuum on users
          CLUSTER users USING users_pkey                                                  | cluster using users_pkey on users
          LOCK TABLE users IN ACCESS EXCLUSIVE MODE                                       | lock in access exclusive mode on users
          REFRESH MATERIALIZED VIEW CONCURRENTLY user_stats                              | refresh materialized view concurrently on user_stats
          TRUNCATE TABLE orders RESTART IDENTITY                                          | truncate on orders
          ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok'                        | add value 'meh' to type mood
          CREATE TRIGGER touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch() | create trigger touch on users
          DROP TABLE IF EXISTS orders CASCADE                                            | drop table orders
          DROP MATERIALIZED VIEW user_stats                                               | drop materialized view user_stats
          """)
  void positive_readsPostgresDdl(String sql, String expected) {
    assertThat(described(POSTGRES, sql)).containsExactly(expected);
  }

  @Test
  void positive_addColumnWithInlineConstraintsAndDefaults() {
    AnalyzedStatement statement =
        one(
            POSTGRES,
            "ALTER TABLE orders ADD COLUMN IF NOT EXISTS ref uuid NOT NULL DEFAULT gen_random_uuid() REFERENCES users (id) ON DELETE CASCADE");
    assertThat(statement.changes()).hasSize(2);
    AddColumn add = (AddColumn) statement.changes().get(0);
    assertThat(add.definition())
        .isEqualTo(new Catalog.Column("ref", "uuid", true, "gen_random_uuid()"));
    AddConstraint fk = (AddConstraint) statement.changes().get(1);
    assertThat(fk.kind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
    assertThat(fk.referencedTable()).isEqualTo(new TableRef("public", "users"));
    assertThat(fk.columnNames()).containsExactly("ref");
  }

  @Test
  void positive_constraintsKeepNotValidAndColumns() {
    AddConstraint check =
        (AddConstraint)
            one(POSTGRES, "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID")
                .changes()
                .get(0);
    assertThat(check.kind()).isEqualTo(ConstraintKind.CHECK);
    assertThat(check.notValid()).isTrue();
    assertThat(check.columnNames()).containsExactly("total");
    AddConstraint fk =
        (AddConstraint)
            one(
                    POSTGRES,
                    "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID")
                .changes()
                .get(0);
    assertThat(fk.notValid()).isTrue();
    assertThat(fk.referencedColumns()).containsExactly("id");
  }

  @Test
  void positive_indexesKeepConcurrentlyUniqueAndExpressionColumns() {
    CreateIndex index =
        (CreateIndex)
            one(
                    POSTGRES,
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_lower_email ON users USING btree (lower(email), status DESC) WHERE name IS NOT NULL")
                .changes()
                .get(0);
    assertThat(index.unique()).isTrue();
    assertThat(index.concurrently()).isTrue();
    assertThat(index.columnNames()).containsExactly("email", "status");
    assertThat(index.where()).isEqualTo("name is not null");
    DropIndex drop = (DropIndex) one(POSTGRES, "DROP INDEX orders_user_idx").changes().get(0);
    assertThat(drop.table())
        .as("the catalog knows the index's table")
        .isEqualTo(new TableRef("public", "orders"));
    assertThat(drop.concurrently()).isFalse();
  }

  @Test
  void positive_typeChangeKeepsUsing() {
    AlterColumnType change =
        (AlterColumnType)
            one(
                    POSTGRES,
                    "ALTER TABLE orders ALTER COLUMN total TYPE bigint USING (total * 100)::bigint")
                .changes()
                .get(0);
    assertThat(change.newType()).isEqualTo("bigint");
    assertThat(change.using()).isEqualTo("(total * 100)::bigint");
  }

  @Test
  void positive_viewsAndCreateTableAsLearnTheirColumns() {
    SqlAnalysis analysis =
        POSTGRES.analyze(
            """
            CREATE OR REPLACE VIEW active_users AS SELECT u.id, u.email AS login FROM users u WHERE status = 'active';
            CREATE TABLE users_copy AS SELECT * FROM users WITH NO DATA;
            CREATE MATERIALIZED VIEW totals (user_id, sum_total) AS SELECT user_id, sum(total) FROM orders GROUP BY user_id;
            """,
            CATALOG);
    assertThat(analysis.statements()).allSatisfy(s -> assertThat(s.problem()).isEmpty());
    CreateView view = (CreateView) analysis.statements().get(0).changes().get(0);
    assertThat(view.outputColumns()).containsExactly("id", "login");
    Catalog after = analysis.catalogAfter();
    assertThat(after.table(new TableRef("public", "active_users")).orElseThrow().view()).isTrue();
    assertThat(after.table(new TableRef("public", "users_copy")).orElseThrow().columns())
        .extracting(Catalog.Column::name)
        .containsExactly("id", "email", "name", "status");
    assertThat(after.table(new TableRef("public", "totals")).orElseThrow().columns())
        .extracting(Catalog.Column::name)
        .containsExactly("user_id", "sum_total");
  }

  @Test
  void positive_createTableReadsConstraintsLikeAndPartitions() {
    Catalog after =
        POSTGRES
            .analyze(
                """
                CREATE TABLE IF NOT EXISTS events (
                  id bigint GENERATED ALWAYS AS IDENTITY,
                  kind text NOT NULL CHECK (kind <> ''),
                  at timestamptz,
                  CONSTRAINT events_pk PRIMARY KEY (id, at),
                  FOREIGN KEY (kind) REFERENCES kinds (name)
                ) PARTITION BY RANGE (at);
                CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE TABLE events_like (LIKE events INCLUDING ALL);
                """,
                CATALOG)
            .catalogAfter();
    Catalog.Table events = after.table(new TableRef("public", "events")).orElseThrow();
    assertThat(events.columns())
        .containsExactly(
            new Catalog.Column("id", "bigint", true, "generated always as identity"),
            new Catalog.Column("kind", "text", true, null),
            new Catalog.Column("at", "timestamptz", true, null));
    assertThat(after.table(new TableRef("public", "events_2026")).orElseThrow().columns())
        .hasSize(3);
    assertThat(after.table(new TableRef("public", "events_like")).orElseThrow().columns())
        .hasSize(3);
  }

  @Test
  void positive_settingsTableParsesThroughTheKeywordRetry() {
    SqlAnalysis analysis =
        POSTGRES.analyze(
            """
            CREATE TABLE settings (key text PRIMARY KEY, value jsonb);
            SELECT value FROM settings WHERE key = 'x';
            INSERT INTO settings (key, value) VALUES ('a', '{}');
            """,
            Catalog.empty());
    assertThat(analysis.statements())
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(ParseStatus.FALLBACK));
    assertThat(analysis.statements().get(1).uses())
        .extracting(u -> u.column().displayName() + " " + u.kind().jsonName())
        .containsExactlyInAnyOrder("settings.value read", "settings.key read");
    assertThat(analysis.catalogAfter().hasColumn(new TableRef("public", "settings"), "value"))
        .isTrue();
  }

  @Test
  void positive_copyIsReadFromTokens() {
    List<AnalyzedStatement> statements =
        POSTGRES
            .analyze(
                """
                COPY users (id, email) FROM STDIN WITH (FORMAT csv);
                COPY (SELECT id, name FROM users WHERE status = 'x') TO STDOUT WITH CSV HEADER;
                COPY orders TO '/tmp/orders.csv';
                """,
                CATALOG)
            .statements();
    assertThat(statements).allSatisfy(s -> assertThat(s.status()).isEqualTo(ParseStatus.FALLBACK));
    assertThat(statements.get(0).uses())
        .extracting(u -> u.column().column() + " " + u.kind().jsonName())
        .containsExactly("id write", "email write");
    assertThat(statements.get(1).uses())
        .extracting(u -> u.column().column() + " " + u.kind().jsonName())
        .containsExactlyInAnyOrder("id read", "name read", "status read");
    assertThat(statements.get(2).uses())
        .extracting(u -> u.column().column())
        .containsExactly("id", "user_id", "total");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ALTER TABLE users MODIFY COLUMN email varchar(320) NOT NULL             | change type of users.email to varchar(320)
          ALTER TABLE users CHANGE name full_name text                            | rename column users.name to full_name
          ALTER TABLE users ADD INDEX users_email (email), ALGORITHM=INPLACE, LOCK=NONE | create index users_email on users (email)
          RENAME TABLE users TO accounts                                          | rename table users to accounts
          ALTER TABLE users DROP INDEX users_email                                | drop index users_email
          LOCK TABLES users WRITE, orders AS o READ                               | lock write on users
          LOCK TABLES users WRITE, orders AS o READ                               | lock as o read on orders
          """)
  void positive_readsMysqlDdl(String sql, String expected) {
    assertThat(described(MYSQL, sql)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ALTER TABLE orders REORGANIZE PARTITION pmax INTO (PARTITION p2025 VALUES LESS THAN (2026), PARTITION pmax VALUES LESS THAN MAXVALUE)
          ALTER TABLE orders ADD PARTITION (PARTITION p2026 VALUES LESS THAN (2027))
          ALTER TABLE orders DROP PARTITION p2019, p2020
          ALTER TABLE orders TRUNCATE PARTITION p2021
          ALTER TABLE orders REMOVE PARTITIONING
          ALTER TABLE orders PARTITION BY HASH (id) PARTITIONS 8
          """)
  void positive_mysqlPartitionMaintenanceChangesNoColumn(String sql) {
    AnalyzedStatement statement = one(MYSQL, sql);
    assertThat(statement.problem()).isEmpty();
    assertThat(statement.changes())
        .singleElement()
        .satisfies(c -> assertThat(((TableOperation) c).kind()).isEqualTo(Kind.OTHER_ALTER));
    assertThat(statement.uses()).isEmpty();
  }

  @Test
  void negative_postgresColumnsNamedPartitionAreStillColumns() {
    assertThat(described(POSTGRES, "ALTER TABLE orders ADD COLUMN partition int"))
        .containsExactly("add column orders.partition");
    assertThat(described(POSTGRES, "ALTER TABLE orders DROP partition"))
        .containsExactly("drop column orders.partition");
  }

  @Test
  void positive_mysqlViewOptionsBeforeViewAreSkippedAndTheQueryIsStillRead() {
    AnalyzedStatement statement =
        one(
            MYSQL,
            "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW"
                + " `big_orders` AS SELECT id, total FROM orders WHERE total > 100");
    assertThat(statement.problem()).isEmpty();
    assertThat(statement.changes())
        .singleElement()
        .satisfies(
            c -> assertThat(((CreateView) c).outputColumns()).containsExactly("id", "total"));
    assertThat(statement.uses())
        .extracting(u -> u.column().displayName() + " " + u.kind().jsonName())
        .containsExactlyInAnyOrder("orders.id read", "orders.total read");
  }

  @Test
  void positive_mysqlAlgorithmAndLockAreKept() {
    List<SchemaChange> changes =
        one(MYSQL, "ALTER TABLE users ADD COLUMN nick varchar(20), ALGORITHM=INSTANT").changes();
    assertThat(changes).anySatisfy(c -> assertThat(c).isInstanceOf(TableOperation.class));
  }

  @Test
  void positive_mysqlIndexOptionsAfterKeysAreRead() {
    AnalyzedStatement statement =
        one(
            MYSQL,
            """
            create table notice_read (
              read_id bigint not null auto_increment comment 'key',
              notice_id int not null,
              user_id bigint not null,
              primary key (read_id) comment 'pk' visible,
              unique key uk_user_notice (user_id, notice_id) comment 'once per user',
              key ix_notice (notice_id) using btree key_block_size = 8 invisible
            ) engine=innodb comment='read receipts'""");
    assertThat(statement.problem()).isEmpty();
    assertThat(statement.changes())
        .map(Object::toString)
        .anySatisfy(c -> assertThat(c).contains("notice_read"));
  }

  @Test
  void positive_backslashEscapedQuotesInMysqlStringsParse() {
    AnalyzedStatement statement =
        one(MYSQL, "insert into users (name, email) values ('task(\\'ry\\')', 'a\\\\b')");
    assertThat(statement.status()).isEqualTo(ParseStatus.PARSED);
    assertThat(statement.uses())
        .extracting(u -> u.column().column() + " " + u.kind().jsonName())
        .containsExactlyInAnyOrder("name write", "email write");
  }

  @Test
  void negative_inPostgresABackslashInAPlainStringIsNoEscape() {
    // 'a\' is a complete string in Postgres: the backslash is an ordinary character.
    AnalyzedStatement statement =
        one(POSTGRES, "insert into users (name, email) values ('a\\', 'b')");
    assertThat(statement.status()).isEqualTo(ParseStatus.PARSED);
    assertThat(statement.uses()).hasSize(2);
  }

  @Test
  void negative_anIndexOptionWithoutItsValueIsAProblem() {
    AnalyzedStatement statement = one(MYSQL, "create table t (a int, unique key uk (a) comment)");
    assertThat(statement.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("index option without a value"));
  }

  @Test
  void negative_unknownAlterActionsAreProblemsNotSilence() {
    AnalyzedStatement statement = one(POSTGRES, "ALTER TABLE users FROBNICATE everything");
    assertThat(statement.status()).isEqualTo(ParseStatus.UNANALYSED);
    assertThat(statement.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("unknown ALTER TABLE action"));
  }

  @Test
  void negative_statementsWithoutSchemaEffectHaveNoChanges() {
    for (String sql :
        List.of(
            "COMMENT ON COLUMN users.email IS 'login'",
            "CREATE EXTENSION IF NOT EXISTS pgcrypto",
            "CREATE TYPE mood AS ENUM ('sad', 'ok')",
            "GRANT SELECT ON users TO reporting",
            "CREATE POLICY own ON orders FOR SELECT USING (user_id = current_user_id())",
            "SET search_path TO billing, public",
            "START TRANSACTION")) {
      AnalyzedStatement statement = one(POSTGRES, sql);
      assertThat(statement.problem()).as(sql).isEmpty();
      assertThat(statement.changes()).as(sql).isEmpty();
    }
  }

  @Test
  void positive_quotedNamesKeepTheirDots() {
    SqlAnalysis analysis =
        POSTGRES.analyze(
            """
            CREATE TABLE "t.x" ("a.b" text, c text);
            SELECT "a.b", c FROM "t.x";
            SELECT t."a.b" FROM "t.x" t;
            """,
            Catalog.empty());
    assertThat(analysis.statements().get(1).uses())
        .extracting(u -> u.column().displayName())
        .containsExactly("\"t.x\".\"a.b\"", "\"t.x\".c");
    assertThat(analysis.statements().get(2).uses())
        .extracting(u -> u.column().displayName())
        .containsExactly("\"t.x\".\"a.b\"");
  }
}
