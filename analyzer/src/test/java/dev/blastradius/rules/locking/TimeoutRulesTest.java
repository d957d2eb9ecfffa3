package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * missing-lock-timeout and missing-statement-timeout: which statements need them, and which
 * settings are in force (SET, SET LOCAL until the end of its transaction, RESET, 0).
 */
class TimeoutRulesTest {

  private static final String SCHEMA =
      "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n"
          + "CREATE MATERIALIZED VIEW user_domains AS SELECT split_part(email, '@', 2) AS domain"
          + " FROM users;\n";

  @Test
  void positive_firstBlockingStatementWithoutLockTimeout() {
    RuleTestHelper.forRule("missing-lock-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            CREATE TABLE teams (id bigint PRIMARY KEY);
            ALTER TABLE teams ADD COLUMN name text;
            -- expect: finding missing-lock-timeout ~ "This statement waits for ACCESS EXCLUSIVE on users with no lock_timeout set: behind any long-running query it queues, and all reads and writes of users queue behind it."
            ALTER TABLE users ADD COLUMN nickname text;
            ALTER TABLE users DROP COLUMN name;
            """)
        .doTest();
  }

  @Test
  void positive_writeBlockingLockAndTimeoutSwitchedOff() {
    RuleTestHelper.forRule("missing-lock-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "V2__index.sql",
            """
            SET lock_timeout = '0s';
            -- expect: finding missing-lock-timeout ~ "waits for SHARE on users with no lock_timeout set: behind any long-running query it queues, and all writes of users queue behind it"
            CREATE INDEX users_email_idx ON users (email);
            """)
        .doTest();
  }

  @Test
  void positive_setLocalEndsWithItsTransaction() {
    RuleTestHelper.forRule("missing-lock-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "nickname.sql",
            """
            BEGIN;
            SET LOCAL lock_timeout = '2s';
            ALTER TABLE users ADD COLUMN nickname text;
            COMMIT;
            -- expect: finding missing-lock-timeout ~ "This statement waits for ACCESS EXCLUSIVE on users"
            ALTER TABLE users DROP COLUMN name;
            """)
        .doTest();
  }

  @Test
  void negative_lockTimeoutSetFirst() {
    RuleTestHelper.forRule("missing-lock-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            -- expect: none
            SET lock_timeout TO '3s';
            -- expect: none
            ALTER TABLE users ADD COLUMN nickname text;
            -- expect: none
            CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
            """)
        .doTest();
  }

  @Test
  void negative_statementsThatBlockNobody() {
    RuleTestHelper.forRule("missing-lock-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "V2__maintenance.sql",
            """
            -- expect: none
            CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
            -- expect: none
            ANALYZE users;
            -- Nobody writes a materialized view; CONCURRENTLY lets its readers in.
            -- expect: none
            REFRESH MATERIALIZED VIEW CONCURRENTLY user_domains;
            """)
        .doTest();
  }

  @Test
  void positive_resetRemovesTheTimeout() {
    RuleTestHelper.forRule("missing-lock-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            SET lock_timeout = '3s';
            ALTER TABLE users ADD COLUMN nickname text;
            RESET lock_timeout;
            -- expect: finding missing-lock-timeout ~ "This statement waits for ACCESS EXCLUSIVE on users"
            ALTER TABLE users DROP COLUMN name;
            """)
        .doTest();
  }

  @Test
  void positive_longOperationWithoutStatementTimeout() {
    RuleTestHelper.forRule("missing-statement-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "V2__email.sql",
            """
            SET lock_timeout = '3s';
            ALTER TABLE users ADD COLUMN nickname text;
            -- expect: finding missing-statement-timeout ~ "This statement scans users while holding ACCESS EXCLUSIVE, with no statement_timeout set: nothing bounds how long reads and writes of users wait."
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            """)
        .doTest();
  }

  @Test
  void negative_statementTimeoutSetOrNothingLong() {
    RuleTestHelper.forRule("missing-statement-timeout")
        .applied("V1__users.sql", SCHEMA)
        .proposed(
            "V2__email.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN nickname text;
            -- A constant default fills NOT NULL without looking at the rows (Postgres 11+).
            -- expect: none
            ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
            -- expect: none
            CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
            SET statement_timeout = '10s';
            -- expect: none
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            """)
        .doTest();
  }
}
