package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Statements that rewrite or lock a whole table: VACUUM FULL, CLUSTER, SET TABLESPACE, SET
 * LOGGED/UNLOGGED, LOCK TABLE, TRUNCATE (with and without CASCADE), ATTACH PARTITION (Postgres 11
 * vs 12) and CREATE TRIGGER on a table that live code writes.
 */
class TableOperationRulesTest {

  private static final String SCHEMA =
      """
      CREATE TABLE accounts (id bigint PRIMARY KEY, plan text);
      CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, created_at timestamptz);
      CREATE INDEX orders_created_idx ON orders (created_at);
      CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);
      CREATE TABLE events_2026 (id bigint, at timestamptz);
      """;

  @Test
  void positive_rewritingMaintenance() {
    RuleTestHelper.forRule("vacuum-full")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "vacuum.sql",
            """
            -- expect: finding vacuum-full ~ "VACUUM FULL rewrites orders under an ACCESS EXCLUSIVE lock, blocking its reads and writes until the copy finishes."
            VACUUM (FULL, ANALYZE) orders;
            -- expect: none
            VACUUM orders;
            """)
        .doTest();
    RuleTestHelper.forRule("cluster-table")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "cluster.sql",
            """
            -- expect: finding cluster-table ~ "CLUSTER rewrites orders in index order under an ACCESS EXCLUSIVE lock"
            CLUSTER orders USING orders_created_idx;
            -- expect: none
            ANALYZE orders;
            """)
        .doTest();
  }

  @Test
  void positive_tablespaceAndPersistence() {
    RuleTestHelper.forRule("set-tablespace")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__move.sql",
            """
            -- expect: finding set-tablespace ~ "SET TABLESPACE copies orders to the new tablespace under an ACCESS EXCLUSIVE lock"
            ALTER TABLE orders SET TABLESPACE archive;
            """)
        .doTest();
    RuleTestHelper.forRule("set-logged-or-unlogged")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__logged.sql",
            """
            -- expect: finding set-logged-or-unlogged ~ "SET UNLOGGED rewrites orders under an ACCESS EXCLUSIVE lock"
            ALTER TABLE orders SET UNLOGGED;
            -- expect: finding set-logged-or-unlogged ~ "SET LOGGED rewrites accounts"
            ALTER TABLE accounts SET LOGGED;
            """)
        .doTest();
  }

  @Test
  void negative_rewritesOfTablesCreatedHere() {
    RuleTestHelper.forRule("set-logged-or-unlogged")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__staging.sql",
            """
            CREATE TABLE staging (id bigint);
            -- expect: none
            ALTER TABLE staging SET LOGGED;
            """)
        .doTest();
    RuleTestHelper.forRule("set-tablespace")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__staging.sql",
            """
            CREATE TABLE staging (id bigint);
            -- expect: none
            ALTER TABLE staging SET TABLESPACE archive;
            """)
        .doTest();
  }

  @Test
  void positive_lockTableInBlockingModes() {
    RuleTestHelper.forRule("lock-table")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__lock.sql",
            """
            -- expect: finding lock-table ~ "LOCK TABLE takes ACCESS EXCLUSIVE on accounts, blocking its reads and writes until the transaction ends."
            LOCK TABLE accounts;
            -- expect: finding lock-table ~ "takes SHARE ROW EXCLUSIVE on orders, blocking its writes"
            LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE;
            """)
        .doTest();
  }

  @Test
  void negative_lockTableInModesThatBlockNobody() {
    RuleTestHelper.forRule("lock-table")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__lock.sql",
            """
            -- expect: none
            LOCK TABLE accounts IN ROW EXCLUSIVE MODE;
            -- expect: none
            LOCK TABLE orders IN SHARE UPDATE EXCLUSIVE MODE;
            """)
        .doTest();
  }

  @Test
  void positive_truncateWithAndWithoutCascade() {
    RuleTestHelper.forRule("truncate-table")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__truncate.sql",
            """
            -- expect: finding truncate-table ~ "TRUNCATE empties orders under an ACCESS EXCLUSIVE lock"
            TRUNCATE orders;
            -- expect: none
            TRUNCATE accounts CASCADE;
            """)
        .doTest();
    RuleTestHelper.forRule("truncate-cascade")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__truncate.sql",
            """
            -- expect: none
            TRUNCATE orders;
            -- expect: finding truncate-cascade ~ "TRUNCATE … CASCADE empties accounts and every table that references it by foreign key"
            TRUNCATE accounts CASCADE;
            """)
        .doTest();
  }

  @Test
  void positive_attachPartitionWithoutCheckOnBothSidesOfPostgres12() {
    RuleTestHelper.forRule("attach-partition-without-check")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(12)
        .proposed(
            "V2__attach.sql",
            """
            -- expect: finding attach-partition-without-check ~ "ATTACH PARTITION events_2026 scans all of events_2026 under an ACCESS EXCLUSIVE lock to prove its rows fit the bounds of events, while events itself stays readable and writable; a validated CHECK constraint matching the bounds lets Postgres skip the scan."
            ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            """)
        .doTest();
    RuleTestHelper.forRule("attach-partition-without-check")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(11)
        .proposed(
            "V2__attach.sql",
            """
            -- expect: finding attach-partition-without-check ~ "and Postgres 11 also holds ACCESS EXCLUSIVE on events meanwhile, blocking reads and writes of every partition"
            ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            """)
        .doTest();
  }

  @Test
  void negative_attachPartitionWithAValidatedCheckOrANewTable() {
    RuleTestHelper.forRule("attach-partition-without-check")
        .applied("V1__schema.sql", SCHEMA)
        .applied(
            "V2__bounds.sql",
            """
            ALTER TABLE events_2026 ADD CONSTRAINT events_2026_bounds
                CHECK (at >= '2026-01-01' AND at < '2027-01-01') NOT VALID;
            """)
        .applied(
            "V3__validate.sql", "ALTER TABLE events_2026 VALIDATE CONSTRAINT events_2026_bounds;")
        .pgVersion(11)
        .proposed(
            "V4__attach.sql",
            """
            -- expect: none
            ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE TABLE events_2027 (id bigint, at timestamptz);
            -- expect: none
            ALTER TABLE events ATTACH PARTITION events_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
            """)
        .doTest();
  }

  @Test
  void positive_attachPartitionWithACheckThatIsNotValidated() {
    RuleTestHelper.forRule("attach-partition-without-check")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__attach.sql",
            """
            ALTER TABLE events_2026 ADD CONSTRAINT events_2026_bounds CHECK (at >= '2026-01-01') NOT VALID;
            -- expect: finding attach-partition-without-check ~ "events_2026"
            ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            """)
        .doTest();
  }

  private static final String ORDER_API =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class OrderApi {
        private JdbcTemplate jdbc;

        @PostMapping("/orders")
        void create(long id, long account) {
          // expect: related create-trigger-on-hot-table
          jdbc.update("INSERT INTO orders (id, account_id) VALUES (?, ?)", id, account);
        }

        @GetMapping("/accounts/{id}")
        String plan(long id) {
          return jdbc.queryForObject("SELECT plan FROM accounts WHERE id = ?", String.class, id);
        }
      }
      """;

  private static final String TRIGGERS =
      """
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      -- expect: finding create-trigger-on-hot-table ~ "CREATE TRIGGER orders_touch takes a SHARE ROW EXCLUSIVE lock on orders, written by 1 code site (reached from http POST /orders): those writes wait while it waits, and from then on every one of them runs the trigger."
      CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
      -- expect: none
      CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
      """;

  @Test
  void positive_triggerOnATableLiveCodeWrites() {
    RuleTestHelper.forRule("create-trigger-on-hot-table")
        .applied("V1__schema.sql", SCHEMA)
        .proposed("V2__triggers.sql", TRIGGERS)
        .source("src/main/java/app/OrderApi.java", ORDER_API)
        .doTest();
  }

  @Test
  void negative_triggerWithoutLiveWriters() {
    RuleTestHelper.forRule("create-trigger-on-hot-table")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__triggers.sql",
            TRIGGERS.replace(
                "-- expect: finding create-trigger-on-hot-table ~ \"CREATE TRIGGER orders_touch"
                    + " takes a SHARE ROW EXCLUSIVE lock on orders, written by 1 code site"
                    + " (reached from http POST /orders): those writes wait while it waits, and"
                    + " from then on every one of them runs the trigger.\"",
                "-- expect: none"))
        .doTest();
  }
}
