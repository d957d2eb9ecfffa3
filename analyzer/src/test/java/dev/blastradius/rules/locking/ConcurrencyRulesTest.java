package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Operations with a CONCURRENTLY form: index builds and drops, REINDEX (Postgres 12), DETACH
 * PARTITION (Postgres 14), materialized view refreshes; and where CONCURRENTLY itself fails (in a
 * transaction block, on a version without it).
 */
class ConcurrencyRulesTest {

  private static final String SCHEMA =
      """
      CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, created_at timestamptz);
      CREATE INDEX orders_user_idx ON orders (user_id);
      CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);
      CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE MATERIALIZED VIEW daily_totals AS SELECT created_at::date AS day, count(*) AS n FROM orders GROUP BY 1;
      """;

  @Test
  void positive_createIndexWithoutConcurrently() {
    RuleTestHelper.forRule("create-index-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__index.sql",
            """
            -- expect: finding create-index-non-concurrently ~ "CREATE INDEX orders_created_idx on orders without CONCURRENTLY holds a SHARE lock for the whole build, blocking writes to orders until it finishes; use CONCURRENTLY, outside a transaction."
            CREATE INDEX orders_created_idx ON orders (created_at);
            """)
        .doTest();
  }

  @Test
  void negative_createIndexConcurrentlyOrOnANewTable() {
    RuleTestHelper.forRule("create-index-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__index.sql",
            """
            -- expect: none
            CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
            """)
        .proposed(
            "V3__refunds.sql",
            """
            CREATE TABLE refunds (id bigint, order_id bigint);
            -- expect: none
            CREATE INDEX refunds_order_idx ON refunds (order_id);
            """)
        .proposed(
            "V4__refunds_more.sql",
            """
            -- expect: none
            CREATE INDEX refunds_id_idx ON refunds (id);
            """)
        .doTest();
  }

  @Test
  void positive_dropIndexWithoutConcurrently() {
    RuleTestHelper.forRule("drop-index-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__drop.sql",
            """
            -- expect: finding drop-index-non-concurrently ~ "DROP INDEX orders_user_idx without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on orders"
            DROP INDEX orders_user_idx;
            """)
        .doTest();
  }

  @Test
  void negative_dropIndexConcurrently() {
    RuleTestHelper.forRule("drop-index-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__drop.sql",
            """
            -- expect: none
            DROP INDEX CONCURRENTLY IF EXISTS orders_user_idx;
            """)
        .doTest();
  }

  @Test
  void positive_reindexAdviceFollowsTheVersion() {
    RuleTestHelper.forRule("reindex-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(12)
        .proposed(
            "V2__reindex.sql",
            """
            -- expect: finding reindex-non-concurrently ~ "REINDEX index orders_user_idx without CONCURRENTLY blocks writes to orders, and reads that use the index, until the rebuild finishes; use REINDEX … CONCURRENTLY, outside a transaction."
            REINDEX INDEX orders_user_idx;
            """)
        .doTest();
    RuleTestHelper.forRule("reindex-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(11)
        .proposed(
            "V2__reindex.sql",
            """
            -- expect: finding reindex-non-concurrently ~ "Postgres 11 has no REINDEX CONCURRENTLY (12 has): build a new index CONCURRENTLY, then drop the old one CONCURRENTLY"
            REINDEX TABLE orders;
            """)
        .doTest();
  }

  @Test
  void negative_reindexConcurrently() {
    RuleTestHelper.forRule("reindex-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "reindex.sql",
            """
            -- expect: none
            REINDEX INDEX CONCURRENTLY orders_user_idx;
            """)
        .doTest();
  }

  @Test
  void positive_detachPartitionAdviceFollowsTheVersion() {
    RuleTestHelper.forRule("detach-partition-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(14)
        .proposed(
            "V2__detach.sql",
            """
            -- expect: finding detach-partition-non-concurrently ~ "DETACH PARTITION events_2024 takes an ACCESS EXCLUSIVE lock on events, blocking reads and writes of the whole partitioned table while it waits; use DETACH PARTITION … CONCURRENTLY, outside a transaction."
            ALTER TABLE events DETACH PARTITION events_2024;
            """)
        .doTest();
    RuleTestHelper.forRule("detach-partition-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(13)
        .proposed(
            "V2__detach.sql",
            """
            -- expect: finding detach-partition-non-concurrently ~ "Postgres 13 has no DETACH PARTITION … CONCURRENTLY (14 has)"
            ALTER TABLE events DETACH PARTITION events_2024;
            """)
        .doTest();
  }

  @Test
  void negative_detachPartitionConcurrently() {
    RuleTestHelper.forRule("detach-partition-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "detach.sql",
            """
            -- expect: none
            ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
            """)
        .doTest();
  }

  @Test
  void positive_refreshMaterializedView() {
    RuleTestHelper.forRule("refresh-materialized-view-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__refresh.sql",
            """
            -- expect: finding refresh-materialized-view-non-concurrently ~ "REFRESH MATERIALIZED VIEW daily_totals holds an ACCESS EXCLUSIVE lock while its query reruns, blocking every read of daily_totals until it finishes"
            REFRESH MATERIALIZED VIEW daily_totals;
            """)
        .doTest();
  }

  @Test
  void negative_refreshMaterializedViewConcurrently() {
    RuleTestHelper.forRule("refresh-materialized-view-non-concurrently")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__refresh.sql",
            """
            -- expect: none
            REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;
            """)
        .doTest();
  }

  @Test
  void positive_concurrentlyInsideAnExplicitTransaction() {
    RuleTestHelper.forRule("concurrently-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "index.sql",
            """
            BEGIN;
            -- expect: finding concurrently-in-transaction ~ "CREATE INDEX CONCURRENTLY orders_created_idx cannot run inside a transaction block, and the BEGIN on line 1 opened one: the migration fails."
            CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
            COMMIT;
            """)
        .doTest();
  }

  @Test
  void positive_concurrentlyInsideTheToolsTransaction() {
    // Flyway runs a script with a concurrent index build outside a transaction by itself, but not
    // one with REINDEX … CONCURRENTLY on a table or DETACH … CONCURRENTLY.
    RuleTestHelper.forRule("concurrently-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__reindex.sql",
            """
            -- expect: finding concurrently-in-transaction ~ "REINDEX CONCURRENTLY orders_user_idx cannot run inside a transaction block, and flyway runs this migration in one"
            REINDEX INDEX CONCURRENTLY orders_user_idx;
            """)
        .doTest();
    RuleTestHelper.forRule("concurrently-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .assumeInTransaction(true)
        .proposed(
            "V2__index.sql",
            """
            -- expect: finding concurrently-in-transaction ~ "--assume-in-transaction says the migration runs in one"
            CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
            """)
        .doTest();
  }

  @Test
  void negative_concurrentlyOutsideATransaction() {
    RuleTestHelper.forRule("concurrently-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__index.sql",
            """
            -- expect: none
            CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
            """)
        .doTest();
    RuleTestHelper.forRule("concurrently-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .assumeInTransaction(false)
        .proposed(
            "V2__reindex.sql",
            """
            -- expect: none
            REINDEX INDEX CONCURRENTLY orders_user_idx;
            -- expect: none
            ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
            """)
        .doTest();
  }

  @Test
  void positive_concurrentlyFormsMissingFromOldVersions() {
    RuleTestHelper.forRule("concurrently-unsupported-version")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(11)
        .proposed(
            "reindex.sql",
            """
            -- expect: finding concurrently-unsupported-version ~ "REINDEX CONCURRENTLY orders_user_idx needs Postgres 12 or later, and the target is Postgres 11: the statement fails with a syntax error."
            REINDEX INDEX CONCURRENTLY orders_user_idx;
            """)
        .doTest();
    RuleTestHelper.forRule("concurrently-unsupported-version")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(13)
        .proposed(
            "detach.sql",
            """
            -- expect: finding concurrently-unsupported-version ~ "needs Postgres 14 or later, and the target is Postgres 13"
            ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
            -- expect: none
            REINDEX INDEX CONCURRENTLY orders_user_idx;
            """)
        .doTest();
  }

  @Test
  void negative_concurrentlyFormsOnNewEnoughVersions() {
    RuleTestHelper.forRule("concurrently-unsupported-version")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(14)
        .proposed(
            "maintenance.sql",
            """
            -- expect: none
            ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
            -- expect: none
            REINDEX INDEX CONCURRENTLY orders_user_idx;
            -- expect: none
            CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
            """)
        .doTest();
  }
}
