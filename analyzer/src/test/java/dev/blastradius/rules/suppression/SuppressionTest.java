package dev.blastradius.rules.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.rules.Suppression;
import dev.blastradius.rules.Suppressions;
import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** blastradius-ignore comments: on statements, on code sites, file-level, and unused ones. */
class SuppressionTest {

  private static final String USERS =
      "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n";

  private static String reader(String marker) {
    return """
        package app;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.web.bind.annotation.*;

        @RestController
        class UserApi {
          private JdbcTemplate jdbc;

          @GetMapping("/users/{id}")
          String show(long id) {
            MARKER
            return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
          }

          @GetMapping("/users/{id}/legacy")
          String legacy(long id) {
            // blastradius-ignore: drop-column-still-read -- route removed from the gateway in PR 812
            return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
          }
        }
        """
        .replace("MARKER", marker);
  }

  @Test
  void positive_aSuppressedSiteIsLeftOutOfTheFindingAndItsCounts() {
    RuleTestHelper.forRule("drop-column-still-read")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_name.sql",
            """
            -- expect: finding drop-column-still-read ~ "breaks 1 code site still reading it; reached from 1 entry point: http GET /users/{id}."
            ALTER TABLE users DROP COLUMN name;
            """)
        .source(
            "src/main/java/app/UserApi.java", reader("// expect: related drop-column-still-read"))
        .doTest();
  }

  @Test
  void positive_aSuppressionAboveTheStatementWaivesTheFindingAndTheReportKeepsIt() {
    AnalysisResult result =
        RuleTestHelper.forRule("drop-column-still-read")
            .applied("V1__users.sql", USERS)
            .proposed(
                "V2__drop_name.sql",
                """
                -- blastradius-ignore: drop-column-still-read -- UserApi.show ships in the same deploy, behind the flag
                -- expect: none
                ALTER TABLE users DROP COLUMN name;
                """)
            .source("src/main/java/app/UserApi.java", reader(""))
            .doTest();
    assertThat(result.suppressed())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.finding().ruleId()).isEqualTo("drop-column-still-read");
              assertThat(s.by().scope()).isEqualTo(Suppression.Scope.LINE);
              assertThat(s.by().where().startLine()).isEqualTo(1);
              assertThat(s.by().reason())
                  .isEqualTo("UserApi.show ships in the same deploy, behind the flag");
            });
  }

  @Test
  void positive_fileLevelSuppressionCoversEverySiteOfTheFile() {
    RuleTestHelper.forRule("drop-column-still-read")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_name.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN name;
            """)
        .source(
            "src/main/java/app/UserApi.java",
            "// blastradius-ignore-file: drop-column-still-read -- generated client, regenerated on deploy\n"
                + reader(""))
        .doTest();
  }

  @Test
  void negative_aSuppressionForAnotherRuleWaivesNothing() {
    AnalysisResult result =
        RuleTestHelper.forRule("drop-column-still-read")
            .applied("V1__users.sql", USERS)
            .proposed(
                "V2__drop_name.sql",
                """
                -- blastradius-ignore: drop-column-still-written -- nobody writes it any more
                -- expect: finding drop-column-still-read ~ "users.name"
                ALTER TABLE users DROP COLUMN name;
                """)
            .source(
                "src/main/java/app/UserApi.java",
                reader("// expect: related drop-column-still-read"))
            .doTest();
    assertThat(result.suppressed()).isEmpty();
  }

  @Test
  void positive_unknownIdsAndStaleSuppressionsAreUnusedIgnores() {
    RuleTestHelper.forRule("unused-ignore")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_email.sql",
            """
            -- expect: finding unused-ignore ~ "blastradius-ignore: drop-column-still-reads is not a rule id"
            -- blastradius-ignore: drop-column-still-reads -- typo
            ALTER TABLE users DROP COLUMN name;
            -- expect: finding unused-ignore ~ "blastradius-ignore: drop-column-still-written matches no finding on line 6"
            -- blastradius-ignore: drop-column-still-written -- stale
            ALTER TABLE users DROP COLUMN email;
            """)
        .source("src/main/java/app/UserApi.java", reader(""))
        .doTest();
  }

  @Test
  void negative_codeSuppressionsForChangesNotMadeNowAreNotUnused() {
    // The legacy route's suppression waits for the drop of users.name; this change drops email.
    RuleTestHelper.forRule("unused-ignore")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_email.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN email;
            """)
        .source("src/main/java/app/UserApi.java", reader(""))
        .doTest();
  }

  @Test
  void negative_malformedSuppressionsAreProblems() {
    AnalysisResult result =
        RuleTestHelper.forRule("drop-column-still-read")
            .applied("V1__users.sql", USERS)
            .proposed(
                "V2__drop_email.sql",
                """
                -- blastradius-ignore: -- forgot the id
                -- expect: none
                ALTER TABLE users DROP COLUMN email;
                """)
            .doTest();
    assertThat(result.problems())
        .anySatisfy(
            p -> {
              assertThat(p.path()).isEqualTo("proposed/V2__drop_email.sql");
              assertThat(p.cause()).contains("malformed suppression");
            });
  }

  @Test
  void positive_suppressionsMatchStatementSpansAndSkipCommentLines() {
    Suppressions suppressions =
        new Suppressions(
            dev.blastradius.pipeline.SuppressionScanAccess.scan(
                "m.sql",
                """
                -- blastradius-ignore: rule-a, rule-b -- why
                -- another comment

                ALTER TABLE users
                  DROP COLUMN name;
                """));
    Suppression s = suppressions.all().get(0);
    assertThat(s.ruleIds()).containsExactly("rule-a", "rule-b");
    assertThat(s.targetLine()).isEqualTo(4);
    assertThat(
            suppressions.covering(
                "rule-b", new dev.blastradius.source.Location("m.sql", 4, 1, 5, 20)))
        .isSameAs(s);
    assertThat(
            suppressions.covering(
                "rule-c", new dev.blastradius.source.Location("m.sql", 4, 1, 5, 20)))
        .isNull();
  }
}
