package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** same-release-drop: a drop in the release that removes the last code reference (--base). */
class SameReleaseDropTest {

  private static final String USERS =
      "CREATE TABLE users (id bigint PRIMARY KEY, name text, nickname text);\n"
          + "CREATE TABLE sessions (id bigint PRIMARY KEY, user_id bigint, token text);\n";

  private static final String OLD_API =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class UserApi {
        private JdbcTemplate jdbc;

        @GetMapping("/users/{id}/nickname")
        String nickname(long id) {
          // expect: related same-release-drop
          return jdbc.queryForObject("SELECT nickname FROM users WHERE id = ?", String.class, id);
        }

        @GetMapping("/users/{id}")
        String name(long id) {
          return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
        }
      }
      """;

  private static final String NEW_API =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class UserApi {
        private JdbcTemplate jdbc;

        @GetMapping("/users/{id}")
        String name(long id) {
          return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
        }
      }
      """;

  private static final String SESSION_JOB =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.scheduling.annotation.Scheduled;

      class SessionCleanup {
        private JdbcTemplate jdbc;

        @Scheduled(cron = "0 0 * * * *")
        void purge() {
          // expect: related same-release-drop, related same-release-drop
          jdbc.update("DELETE FROM sessions WHERE token IS NULL");
        }
      }
      """;

  @Test
  void positive_dropInTheReleaseThatRemovesTheLastRead() {
    RuleTestHelper.forRule("same-release-drop")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/UserApi.java", OLD_API)
        .source("src/main/java/app/UserApi.java", NEW_API)
        .addedSinceBase(
            "V2__drop_nickname.sql",
            """
            -- expect: finding same-release-drop ~ "Dropping users.nickname in the release that removes its last code reference breaks the code at HEAD, which still uses it at 1 code site (reached from 1 entry point: http GET /users/{id}/nickname)"
            ALTER TABLE users DROP COLUMN nickname;
            """)
        .doTest();
  }

  @Test
  void positive_dropTableWhoseLastUserIsDeleted() {
    RuleTestHelper.forRule("same-release-drop")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/SessionCleanup.java", SESSION_JOB)
        .unchanged("src/main/java/app/UserApi.java", NEW_API)
        .addedSinceBase(
            "V2__drop_sessions.sql",
            """
            -- expect: finding same-release-drop ~ "Dropping table sessions in the release that removes its last code reference breaks the code at HEAD, which still uses it at 1 code site (reached from 1 entry point: cron SessionCleanup.purge"
            DROP TABLE sessions;
            """)
        .doTest();
  }

  @Test
  void positive_migrationNamedOnTheCommandLineIsJudgedAgainstTheBaseToo() {
    RuleTestHelper.forRule("same-release-drop")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/UserApi.java", OLD_API)
        .source("src/main/java/app/UserApi.java", NEW_API)
        .proposed(
            "drop_nickname.sql",
            """
            -- expect: finding same-release-drop ~ "users.nickname"
            ALTER TABLE users DROP COLUMN nickname;
            """)
        .doTest();
  }

  @Test
  void negative_referenceRemovedInAnEarlierRelease() {
    RuleTestHelper.forRule("same-release-drop")
        .applied("V1__users.sql", USERS)
        .unchanged("src/main/java/app/UserApi.java", NEW_API)
        .addedSinceBase(
            "V2__drop_nickname.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN nickname;
            """)
        .doTest();
  }

  @Test
  void negative_newCodeStillReadsItSoTheStillReadRuleReportsIt() {
    RuleTestHelper.forRule("same-release-drop")
        .applied("V1__users.sql", USERS)
        .unchanged("src/main/java/app/UserApi.java", OLD_API.replace("// expect: related", "//"))
        .addedSinceBase(
            "V2__drop_nickname.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN nickname;
            """)
        .doTest();
  }

  @Test
  void negative_withoutBaseTheRuleDoesNothing() {
    RuleTestHelper.forRule("same-release-drop")
        .applied("V1__users.sql", USERS)
        .source("src/main/java/app/UserApi.java", NEW_API)
        .proposed(
            "V2__drop_nickname.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN nickname;
            """)
        .doTest();
  }

  @Test
  void negative_withoutBaseAWaiverOfTheRuleIsNotAnUnusedIgnore() {
    // The waiver is written for the pull-request run with --base; a local run without it cannot
    // know whether the drop is a same-release drop, so the waiver is not stale.
    RuleTestHelper.forRule("unused-ignore")
        .applied("V1__users.sql", USERS)
        .source("src/main/java/app/UserApi.java", NEW_API)
        .proposed(
            "V2__drop_nickname.sql",
            """
            -- blastradius-ignore: same-release-drop -- the nickname page was switched off a month ago
            -- expect: none
            ALTER TABLE users DROP COLUMN nickname;
            """)
        .doTest();
  }

  @Test
  void positive_withBaseAWaiverThatMatchesNothingIsAnUnusedIgnore() {
    RuleTestHelper.forRule("unused-ignore")
        .applied("V1__users.sql", USERS)
        .unchanged("src/main/java/app/UserApi.java", NEW_API)
        .addedSinceBase(
            "V2__drop_nickname.sql",
            """
            -- expect: finding unused-ignore ~ "blastradius-ignore: same-release-drop matches no finding on line 3"
            -- blastradius-ignore: same-release-drop -- the nickname page was switched off a month ago
            ALTER TABLE users DROP COLUMN nickname;
            """)
        .doTest();
  }
}
