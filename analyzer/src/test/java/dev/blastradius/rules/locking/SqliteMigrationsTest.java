package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The Postgres locking rules judge a Drizzle migration whose journal says {@code postgresql}, and
 * leave one whose journal says {@code sqlite} alone: their advice (lock levels, CONCURRENTLY, NOT
 * VALID) is about Postgres.
 */
class SqliteMigrationsTest {

  private static final String INIT =
      """
      CREATE TABLE orders (id integer PRIMARY KEY NOT NULL, total integer);
      """;

  private static RuleTestHelper drizzle(String rule, String dialect, String proposed) {
    return RuleTestHelper.forRule(rule)
        .source(
            "drizzle/meta/_journal.json",
            """
            {"version": "5", "dialect": "%s", "entries": [{"idx": 0, "tag": "0000_init"}]}
            """
                .formatted(dialect))
        .source("drizzle/0000_init.sql", INIT)
        .proposedAt("drizzle/0001_change.sql", proposed);
  }

  @Test
  void positive_postgresDrizzleMigrationIsJudged() {
    drizzle(
            "add-column-not-null-without-default",
            "postgresql",
            """
            -- expect: finding add-column-not-null-without-default
            ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;
            """)
        .doTest();
  }

  @Test
  void positive_sqliteRefusesANotNullColumnWithoutADefault() {
    // No lock, a hard error: SQLite rejects the statement itself, rows or not.
    drizzle(
            "add-column-not-null-without-default",
            "sqlite",
            """
            -- expect: finding add-column-not-null-without-default ~ "SQLite refuses the ALTER TABLE itself"
            ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;
            """)
        .doTest();
  }

  @Test
  void negative_sqliteNotNullColumnWithADefaultIsFine() {
    drizzle(
            "add-column-not-null-without-default",
            "sqlite",
            """
            -- expect: none
            ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'usd';
            """)
        .doTest();
  }

  @Test
  void negative_sqliteAddColumnIsNotJudgedByPostgresRewriteRules() {
    drizzle(
            "add-column-volatile-default",
            "sqlite",
            """
            -- expect: none
            ALTER TABLE orders ADD COLUMN token text DEFAULT (random());
            """)
        .doTest();
  }

  @Test
  void positive_postgresDropTableIsJudged() {
    drizzle(
            "drop-table",
            "postgresql",
            """
            -- expect: finding drop-table
            DROP TABLE orders;
            """)
        .doTest();
  }

  @Test
  void negative_sqliteTableRebuildIsNotJudgedByPostgresRules() {
    drizzle(
            "drop-table",
            "sqlite",
            """
            CREATE TABLE `__new_orders` (`id` integer PRIMARY KEY NOT NULL, `total` integer NOT NULL);
            INSERT INTO `__new_orders`("id", "total") SELECT "id", "total" FROM `orders`;
            -- expect: none
            DROP TABLE `orders`;
            ALTER TABLE `__new_orders` RENAME TO `orders`;
            """)
        .doTest();
  }
}
