package dev.blastradius.rules.expandcontract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Drizzle's SQLite table rebuild ({@code CREATE TABLE __new_t}, copy, {@code DROP TABLE t}, {@code
 * ALTER TABLE __new_t RENAME TO t}) is a contract step for the columns it leaves out: code that
 * still reads them is caught; code that uses only the columns it keeps is not.
 */
class SqliteTableRebuildTest {

  private static final String JOURNAL =
      """
      {"version": "5", "dialect": "sqlite", "entries": [{"idx": 0, "tag": "0000_init"}]}
      """;

  private static final String INIT =
      """
      CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL, `email` text, `plan` text);
      """;

  private static final String REBUILD =
      """
      PRAGMA foreign_keys=OFF;--> statement-breakpoint
      CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `email` text);
      --> statement-breakpoint
      INSERT INTO `__new_users`("id", "email") SELECT "id", "email" FROM `users`;--> statement-breakpoint
      %s
      DROP TABLE `users`;--> statement-breakpoint
      ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
      PRAGMA foreign_keys=ON;
      """;

  private static final String CODE =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class Users {
        private JdbcTemplate jdbc;

        @GetMapping("/users/plan")
        Object plan() {
          %s
          return jdbc.queryForList("SELECT %s FROM users");
        }
      }
      """;

  private static RuleTestHelper project(String rule, String marker, String column, String code) {
    return RuleTestHelper.forRule(rule)
        .source("drizzle/meta/_journal.json", JOURNAL)
        .source("drizzle/0000_init.sql", INIT)
        .proposedAt("drizzle/0001_rebuild.sql", REBUILD.formatted(marker))
        .source("src/main/java/app/Users.java", CODE.formatted(code, column));
  }

  @Test
  void positive_rebuildWithoutAColumnCodeStillReads() {
    AnalysisResult result =
        project(
                "drop-column-still-read",
                "-- expect: finding drop-column-still-read ~ \"plan\"",
                "id, plan",
                "// expect: related drop-column-still-read")
            .doTest();

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_rebuildKeepingEveryColumnCodeUses() {
    AnalysisResult result =
        project("drop-column-still-read", "-- expect: none", "id, email", "").doTest();

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_rebuildIsNotATableDrop() {
    AnalysisResult result =
        project("drop-table-still-referenced", "-- expect: none", "id, email", "").doTest();

    assertThat(result.problems()).isEmpty();
  }
}
