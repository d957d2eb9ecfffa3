package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code check --migration changelog}: a Liquibase changelog under review is read in its format and
 * judged against the graph built from the applied Liquibase history.
 */
class LiquibaseProposedTest {

  private static final String HISTORY =
      """
      databaseChangeLog:
        - changeSet:
            id: 1
            author: test
            changes:
              - createTable:
                  tableName: users
                  columns:
                    - column: {name: id, type: bigint, constraints: {primaryKey: true}}
                    - column: {name: email, type: text}
                    - column: {name: name, type: text}
      """;

  private static final String JOB =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.scheduling.annotation.Scheduled;

      class Digest {
        private JdbcTemplate jdbc;

        @Scheduled(cron = "0 0 7 * * MON")
        void send() {
          // expect: related drop-column-still-read
          jdbc.queryForList("SELECT id, name FROM users");
        }
      }
      """;

  @Test
  void positive_proposedYamlChangelogDropsAColumnACronJobReads() {
    RuleTestHelper.forRule("drop-column-still-read")
        .source("src/main/resources/db/changelog/db.changelog-master.yaml", HISTORY)
        .proposed(
            "002-drop-name.yaml",
            """
            databaseChangeLog:
              - changeSet:
                  id: 2
                  author: test
                  changes:
                    # expect: finding drop-column-still-read ~ "Dropping users.name breaks 1 code site still reading it; reached from 1 entry point: cron Digest.send"
                    - dropColumn:
                        tableName: users
                        columnName: name
            """)
        .source("src/main/java/app/Digest.java", JOB)
        .doTest();
  }

  @Test
  void positive_proposedXmlRenameIsJudgedAtItsElement() {
    RuleTestHelper.forRule("rename-column-still-referenced")
        .source("src/main/resources/db/changelog/db.changelog-master.yaml", HISTORY)
        .proposed(
            "002-rename.xml",
            """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <changeSet id="2" author="test">
                <!-- expect: finding rename-column-still-referenced ~ "users.name" -->
                <renameColumn tableName="users" oldColumnName="name" newColumnName="full_name"/>
              </changeSet>
            </databaseChangeLog>
            """)
        .source(
            "src/main/java/app/Digest.java",
            JOB.replace("related drop-column-still-read", "related rename-column-still-referenced"))
        .doTest();
  }

  @Test
  void negative_proposedFormattedSqlDroppingAnUnreadColumn() {
    AnalysisResult result =
        RuleTestHelper.forRule("drop-column-still-read")
            .source("src/main/resources/db/changelog/db.changelog-master.yaml", HISTORY)
            .proposed(
                "002-drop-email.sql",
                """
                --liquibase formatted sql
                --changeset test:2
                -- expect: none
                ALTER TABLE users DROP COLUMN email;
                --rollback ALTER TABLE users ADD COLUMN email text;
                """)
            .source(
                "src/main/java/app/Digest.java",
                JOB.replace("// expect: related drop-column-still-read\n", ""))
            .doTest();
    assertThat(result.proposed())
        .singleElement()
        .satisfies(m -> assertThat(m.changes()).hasSize(1));
    // Only the locking pack's timeout warning remains: no expand-contract finding.
    assertThat(result.findings())
        .extracting(f -> f.ruleId())
        .containsExactly("missing-lock-timeout");
  }
}
