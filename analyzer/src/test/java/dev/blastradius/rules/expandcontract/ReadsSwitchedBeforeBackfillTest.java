package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** reads-switched-before-backfill: reads of a column in the release that fills it. */
class ReadsSwitchedBeforeBackfillTest {

  private static final String USERS =
      "CREATE TABLE users (id bigint PRIMARY KEY, name text, first_name text);\n";

  private static final String PROFILE =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class ProfileApi {
        private JdbcTemplate jdbc;

        @GetMapping("/profile/{id}")
        Object show(long id) {
          // MARK
          return jdbc.queryForMap("SELECT QUERY", id);
        }
      }
      """;

  private static String profile(String query, String marker) {
    return PROFILE.replace("QUERY", query).replace("// MARK", marker);
  }

  @Test
  void positive_readsOfAColumnAddedWithoutADefault() {
    RuleTestHelper.forRule("reads-switched-before-backfill")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/ProfileApi.java", profile("name FROM users WHERE id = ?", "//"))
        .source(
            "src/main/java/app/ProfileApi.java",
            profile(
                "last_name FROM users WHERE id = ?",
                "// expect: related reads-switched-before-backfill"))
        .addedSinceBase(
            "V2__add_last_name.sql",
            """
            -- expect: finding reads-switched-before-backfill ~ "users.last_name is added by this migration, and this release starts reading it at 1 code site (reached from 1 entry point: http GET /profile/{id}): until every existing row is backfilled, those reads see NULL or partial data."
            ALTER TABLE users ADD COLUMN last_name text;
            """)
        .doTest();
  }

  @Test
  void positive_readsOfAColumnTheReleaseBackfills() {
    RuleTestHelper.forRule("reads-switched-before-backfill")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/ProfileApi.java", profile("name FROM users WHERE id = ?", "//"))
        .source(
            "src/main/java/app/ProfileApi.java",
            profile(
                "first_name FROM users WHERE id = ?",
                "// expect: related reads-switched-before-backfill"))
        .addedSinceBase(
            "V2__backfill_first_name.sql",
            """
            -- expect: finding reads-switched-before-backfill ~ "users.first_name is backfilled by this migration"
            UPDATE users SET first_name = split_part(name, ' ', 1) WHERE first_name IS NULL;
            """)
        .doTest();
  }

  @Test
  void negative_readsSwitchedInAnEarlierRelease() {
    RuleTestHelper.forRule("reads-switched-before-backfill")
        .applied("V1__users.sql", USERS)
        .unchanged(
            "src/main/java/app/ProfileApi.java",
            profile("first_name FROM users WHERE id = ?", "//"))
        .addedSinceBase(
            "V2__backfill_first_name.sql",
            """
            -- expect: none
            UPDATE users SET first_name = split_part(name, ' ', 1) WHERE first_name IS NULL;
            """)
        .doTest();
  }

  @Test
  void negative_columnAddedWithADefaultHasAValueInEveryRow() {
    RuleTestHelper.forRule("reads-switched-before-backfill")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/ProfileApi.java", profile("name FROM users WHERE id = ?", "//"))
        .source(
            "src/main/java/app/ProfileApi.java", profile("active FROM users WHERE id = ?", "//"))
        .addedSinceBase(
            "V2__add_active.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;
            """)
        .doTest();
  }

  @Test
  void negative_wholeRowReadsDoNotSwitchReads() {
    RuleTestHelper.forRule("reads-switched-before-backfill")
        .applied("V1__users.sql", USERS)
        .unchanged("src/main/java/app/ProfileApi.java", profile("* FROM users WHERE id = ?", "//"))
        .addedSinceBase(
            "V2__add_last_name.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN last_name text;
            """)
        .doTest();
  }

  @Test
  void negative_theReleaseOnlyWritesTheNewColumn() {
    RuleTestHelper.forRule("reads-switched-before-backfill")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/ProfileApi.java", profile("name FROM users WHERE id = ?", "//"))
        .source(
            "src/main/java/app/ProfileApi.java",
            PROFILE
                .replace("// MARK", "//")
                .replace(
                    "return jdbc.queryForMap(\"SELECT QUERY\", id);",
                    "return jdbc.update(\"UPDATE users SET last_name = ? WHERE id = ?\", \"x\", id);"))
        .addedSinceBase(
            "V2__add_last_name.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN last_name text;
            """)
        .doTest();
  }
}
