package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Column-level reads and writes of plain SQL files, against a catalog from Flyway migrations. */
class SqlWalkerTest {

  private static final String USERS =
      """
      -- expect: ddl users.id, ddl users.email, ddl users.name, ddl users.active
      CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, active boolean);
      -- expect: ddl orders.id, ddl orders.user_id, ddl orders.total
      CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);
      """;

  private static ExtractorTestHelper withSchema() {
    return ExtractorTestHelper.create().migration("V1__schema.sql", USERS);
  }

  @Test
  void positive_selectListWhereAndJoinsResolveAliases() {
    withSchema()
        .source(
            "queries/report.sql",
            """
            -- expect: read users.email, read users.id, read orders.total, read orders.user_id, read users.active
            SELECT u.email, o.total
              FROM users u
              JOIN orders o ON o.user_id = u.id
             WHERE active AND o.total > 10;
            """)
        .doTest();
  }

  @Test
  void positive_backslashEscapesInEStringsDoNotEndTheStatementEarly() {
    withSchema()
        .source(
            "queries/escapes.sql",
            """
            -- expect: write users.name, write users.email
            INSERT INTO users (name, email) VALUES (E'O\\'Brien', E'a\\\\b@example.com');
            -- expect: write users.name, read users.email
            UPDATE users SET name = E'line one\\nline \\'two\\''
             WHERE email = E'x\\'y';
            -- expect: read users.email, read users.name
            SELECT email FROM users WHERE name = E'plain';
            """)
        .doTest();
  }

  @Test
  void positive_anUpdateUnderAWritableCteIsReadNotACrash() {
    AnalysisResult result =
        withSchema()
            .source(
                "queries/move.sql",
                """
                -- expect: write users.email, write users.name, read users.id, read users.email, read users.name, write orders.total, read orders.user_id
                WITH copied AS (
                  INSERT INTO users (email, name) SELECT email, name FROM users WHERE name IS NULL RETURNING id
                )
                UPDATE orders SET total = 0
                 WHERE user_id IN (SELECT id FROM users WHERE name IS NULL);
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_unqualifiedColumnsResolveThroughTheCatalog() {
    withSchema()
        .source(
            "queries/unqualified.sql",
            """
            -- expect: read users.email, read orders.total, read users.id, read orders.user_id
            SELECT email, total FROM users, orders WHERE users.id = user_id;
            """)
        .doTest();
  }

  @Test
  void positive_starExpandsToEveryColumnAsImplicitReads() {
    withSchema()
        .source(
            "queries/star.sql",
            """
            -- expect: read users.id, read users.email, read users.name, read users.active
            SELECT * FROM users;
            -- expect: read orders.id, read orders.user_id, read orders.total, read users.id
            SELECT o.* FROM orders o JOIN users u ON u.id = o.user_id;
            -- expect: read users.*
            SELECT count(*) FROM users;
            """)
        .doTest();
  }

  @Test
  void positive_insertColumnListPositionalSelectAndReturning() {
    withSchema()
        .source(
            "queries/insert.sql",
            """
            -- expect: write users.email, write users.name, read users.id
            INSERT INTO users (email, name) VALUES ('a@x', 'A') RETURNING id;
            -- expect: write orders.id, write orders.user_id, write orders.total
            INSERT INTO orders VALUES (1, 2, 3.5);
            -- expect: write orders.user_id, write orders.total, read users.id, read users.active
            INSERT INTO orders (user_id, total) SELECT id, 0 FROM users WHERE active;
            -- expect: write users.email, write users.name, read users.name
            INSERT INTO users (email, name) VALUES ($1, $2)
              ON CONFLICT (email) DO UPDATE SET name = excluded.name WHERE users.name IS NULL;
            """)
        .doTest();
  }

  @Test
  void positive_updateSetFromWhereReturning() {
    withSchema()
        .source(
            "queries/update.sql",
            """
            -- expect: write users.name, read users.email, read users.id, read orders.user_id, read orders.total, read users.active
            UPDATE users u SET name = upper(u.email)
              FROM orders o
             WHERE o.user_id = u.id AND o.total > 100
            RETURNING u.active;
            """)
        .doTest();
  }

  @Test
  void positive_deleteIsATableLevelWriteWithWhereReads() {
    withSchema()
        .source(
            "queries/delete.sql",
            """
            -- expect: write orders.*, read orders.total
            DELETE FROM orders WHERE total = 0;
            -- expect: write users.*
            TRUNCATE users;
            """)
        .doTest();
  }

  @Test
  void positive_ctesAndCorrelatedSubqueries() {
    withSchema()
        .source(
            "queries/cte.sql",
            """
            -- expect: read orders.user_id, read orders.total, read users.email, read users.id
            WITH big AS (SELECT user_id, total FROM orders WHERE total > 100)
            SELECT email FROM users u WHERE EXISTS (SELECT 1 FROM big b WHERE b.user_id = u.id);
            -- expect: read users.name, read orders.total, read orders.user_id, read users.id
            SELECT name, (SELECT max(total) FROM orders o WHERE o.user_id = users.id) FROM users;
            """)
        .doTest();
  }

  @Test
  void positive_writableCtesOfAnyKindAreWalked() {
    withSchema()
        .source(
            "queries/writable-cte.sql",
            """
            -- expect: write orders.*, read orders.total, read orders.id, read orders.user_id, write orders.id, write orders.user_id, write orders.total
            WITH gone AS (DELETE FROM orders WHERE total = 0 RETURNING *)
            INSERT INTO orders SELECT * FROM gone;
            -- expect: write users.active, read users.id, read orders.user_id
            WITH touched AS (UPDATE users SET active = true WHERE id = 1 RETURNING id)
            SELECT o.user_id FROM orders o JOIN touched t ON t.id = o.user_id;
            """)
        .doTest();
  }

  @Test
  void positive_aWritableCtesReturningColumnsAreItsOutput() {
    // `id` in the subquery is the CTE's RETURNING column, not the UPDATE target's users.id.
    withSchema()
        .source(
            "queries/cte-output.sql",
            """
            -- expect: write orders.user_id, read orders.id, write users.active
            WITH c AS (INSERT INTO orders (user_id) VALUES (1) RETURNING id)
            UPDATE users SET active = (SELECT id FROM c) > 0;
            -- expect: write orders.total, read orders.user_id, read orders.total, write users.email
            WITH c (owner, amount) AS (UPDATE orders SET total = 0 RETURNING user_id, total)
            UPDATE users SET email = (SELECT max(amount) FROM c WHERE owner > 0);
            """)
        .doTest();
  }

  @Test
  void negative_aCteWithoutReturningHasNoColumnsToResolve() {
    // Nothing is returned, so `id` can only be the enclosing statement's column: users.id.
    withSchema()
        .source(
            "queries/cte-no-returning.sql",
            """
            -- expect: write orders.*, read orders.total, write users.active, read users.id
            WITH c AS (DELETE FROM orders WHERE total = 0)
            UPDATE users SET active = EXISTS (SELECT id FROM c);
            """)
        .doTest();
  }

  @Test
  void positive_keywordLikeColumnUsedManyTimesParsesInOneRetry() {
    withSchema()
        .migration(
            "V2__accounts.sql",
            """
            -- expect: ddl accounts.id, ddl accounts.settings
            CREATE TABLE accounts (id bigint PRIMARY KEY, settings jsonb);
            """)
        .source(
            "queries/settings.sql",
            """
            -- expect: write accounts.settings, read accounts.settings, read accounts.id
            UPDATE accounts a
               SET settings = a.settings || jsonb_build_object('theme', a.settings #>> '{ui,theme}')
             WHERE a.settings ? 'ui' AND a.settings #> '{ui,theme}' IS NOT NULL AND a.id = 1;
            """)
        .doTest();
  }

  @Test
  void negative_valuesListsAndFunctionsInFromAreNotTables() {
    withSchema()
        .source(
            "queries/from-items.sql",
            """
            -- expect: write users.name, read users.id
            UPDATE users u SET name = m.name FROM (VALUES (1, 'A'), (2, 'B')) AS m(id, name) WHERE u.id = m.id;
            -- expect: read users.email, read users.name
            SELECT u.email, n FROM users u, upper(u.name) AS n WHERE n <> '';
            -- expect: read orders.total, read orders.user_id, read orders.*
            SELECT bucket, count(*) FROM orders o, width_bucket(o.total, 0, 1000, 10) AS bucket WHERE o.user_id = 1 GROUP BY bucket;
            """)
        .doTest();
  }

  @Test
  void negative_outputAliasesInOrderByAreNotColumns() {
    withSchema()
        .source(
            "queries/alias.sql",
            """
            -- expect: read users.email
            SELECT lower(email) AS e FROM users ORDER BY e;
            """)
        .doTest();
  }

  @Test
  void negative_sessionAndTransactionStatementsAccessNothing() {
    withSchema()
        .source(
            "queries/session.sql",
            """
            -- expect: none
            BEGIN;
            -- expect: none
            SET lock_timeout = '2s';
            -- expect: none
            SELECT now(), current_date, true;
            -- expect: none
            COMMIT;
            -- expect: none
            DEALLOCATE ALL;
            """)
        .doTest();
  }

  @Test
  void positive_ddlInMigrationsIsRecordedAndReplayed() {
    ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id @migration, ddl users.name @migration
            CREATE TABLE users (id bigint, name text);
            """)
        .migration(
            "V2__rename.sql",
            """
            -- expect: ddl users.name @migration, ddl users.full_name @migration
            ALTER TABLE users RENAME COLUMN name TO full_name;
            -- expect: ddl users.email @migration
            ALTER TABLE users ADD COLUMN email text;
            -- expect: ddl users.id @migration
            CREATE INDEX users_id ON users (id);
            """)
        .source(
            "queries/after.sql",
            """
            -- expect: read users.id @dashboard, read users.full_name @dashboard, read users.email @dashboard
            SELECT * FROM users;
            """)
        .doTest();
  }

  @Test
  void positive_migrationsReplayInFlywayVersionOrderNotNameOrder() {
    ExtractorTestHelper.create()
        .migration(
            "V1_10__drop.sql",
            """
            -- expect: ddl t.b @migration
            ALTER TABLE t DROP COLUMN b;
            """)
        .migration(
            "V1_9__add.sql",
            """
            -- expect: ddl t.b @migration
            ALTER TABLE t ADD COLUMN b int;
            """)
        .migration(
            "V1__create.sql",
            """
            -- expect: ddl t.a @migration
            CREATE TABLE t (a int);
            """)
        .source(
            "queries/q.sql",
            """
            -- expect: read t.a
            SELECT * FROM t;
            """)
        .doTest();
  }

  @Test
  void positive_quotedIdentifiersKeepTheirCaseUnquotedFold() {
    ExtractorTestHelper.create()
        .migration(
            "V1__t.sql",
            """
            -- expect: ddl accounts.Name, ddl accounts.email
            CREATE TABLE Accounts ("Name" text, EMAIL text);
            """)
        .source(
            "queries/q.sql",
            """
            -- expect: read accounts.Name, read accounts.email
            SELECT "Name", Email FROM ACCOUNTS;
            """)
        .doTest();
  }

  @Test
  void positive_readingAViewReadsTheBaseColumnsBehindIt() {
    ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id @migration, ddl users.email @migration, ddl users.status @migration
            CREATE TABLE users (id bigint, email text, status text);
            -- expect: read users.id @migration, read users.email @migration, read users.status @migration
            CREATE VIEW active_users AS SELECT id, email AS login FROM users WHERE status = 'active';
            -- expect: read active_users.login @migration, read users.email @migration, read users.status @migration
            CREATE VIEW logins AS SELECT login FROM active_users;
            """)
        .source(
            "queries/q.sql",
            """
            -- expect: read active_users.login, read users.email, read users.status
            SELECT login FROM active_users;
            -- expect: read logins.login, read active_users.login, read users.email, read users.status
            SELECT login FROM logins;
            -- expect: read active_users.id, read active_users.login, read users.id, read users.email, read users.status
            SELECT * FROM active_users;
            """)
        .doTest();
  }

  @Test
  void positive_mergeWritesTargetColumnsAndReadsTheSource() {
    withSchema()
        .migration(
            "V2__staging.sql",
            """
            -- expect: ddl staging.email @migration, ddl staging.name @migration
            CREATE TABLE staging (email text, name text);
            """)
        .source(
            "queries/merge.sql",
            """
            -- expect: read users.email, read staging.email, write users.name, read staging.name, write users.email, write users.*, read users.active
            MERGE INTO users u USING staging s ON u.email = s.email
              WHEN MATCHED AND u.active THEN UPDATE SET name = s.name
              WHEN MATCHED THEN DELETE
              WHEN NOT MATCHED THEN INSERT (email, name) VALUES (s.email, s.name);
            """)
        .doTest();
  }

  @Test
  void positive_mysqlBackticksReplaceAndOnDuplicateKey() {
    ExtractorTestHelper.create()
        .dialect(dev.blastradius.schema.SqlDialect.MYSQL)
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.visits
            CREATE TABLE `users` (`id` bigint PRIMARY KEY AUTO_INCREMENT, `email` varchar(255) NOT NULL, visits int DEFAULT 0) ENGINE=InnoDB;
            """)
        .source(
            "queries/q.sql",
            """
            # a MySQL comment; markers use the file's "--" leader
            -- expect: read users.email, read users.visits
            SELECT `email`, visits FROM `users` WHERE visits > 10;
            -- expect: write users.email, write users.visits, read users.visits
            INSERT INTO users (email, visits) VALUES ('a', 1) ON DUPLICATE KEY UPDATE visits = visits + 1;
            -- expect: write users.id, write users.email
            REPLACE INTO users (id, email) VALUES (1, 'b');
            -- expect: none
            UNLOCK TABLES;
            """)
        .doTest();
  }

  @Test
  void positive_mysqlStatementsAfterAnEndGluedToItsDelimiterAreStillSeen() {
    ExtractorTestHelper.create()
        .dialect(dev.blastradius.schema.SqlDialect.MYSQL)
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email
            CREATE TABLE users (id bigint PRIMARY KEY AUTO_INCREMENT, email varchar(255));
            """)
        .source(
            "queries/q.sql",
            """
            DELIMITER $$
            CREATE PROCEDURE noop()
            BEGIN
              DO 1;
            END$$
            DELIMITER ;
            -- expect: read users.email
            SELECT email FROM users;
            -- expect: none
            FLUSH PRIVILEGES;
            """)
        .doTest();
  }

  @Test
  void negative_psqlMetaCommandsAccessNothing() {
    withSchema()
        .source(
            "scripts/report.sql",
            """
            -- expect: none
            \\set ON_ERROR_STOP on
            -- expect: read users.email
            SELECT email FROM users;
            """)
        .doTest();
  }

  @Test
  void positive_psqlCopyExportsReadTheirQueryOrTable() {
    withSchema()
        .source(
            "scripts/export.sql",
            """
            -- expect: read users.email, read users.id, read users.active
            \\copy (SELECT id, email FROM users WHERE active) TO 'users.csv' CSV HEADER
            -- expect: read orders.id, read orders.total
            \\copy orders (id, total) TO stdout WITH (FORMAT csv)
            -- expect: write users.email, write users.name
            \\copy users (email, name) FROM users.csv CSV
            -- expect: none
            \\connect reports
            """)
        .doTest();
  }
}
