package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.testing.ExtractorTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Liquibase formatted SQL: only change set bodies run, with their attributes honoured, and every
 * statement keeps its file line.
 */
class FormattedSqlChangelogTest {

  private static final String MASTER = "src/main/resources/db/changelog/db.changelog-master.sql";

  @Test
  void positive_onlyChangeSetBodiesRunAtTheirLines() {
    ExtractorTestHelper.create()
        .source(
            MASTER,
            """
            --liquibase formatted sql
            -- Text before the first change set does not run.
            -- expect: none
            DROP TABLE everything;

            --changeset alice:1 context:prod labels:v1
            --comment: the users table
            -- expect: ddl users.id @migration, ddl users.email @migration, ddl users.name @migration
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
            --rollback DROP TABLE users;

            --changeset alice:2 dbms:mysql
            -- expect: none
            ALTER TABLE users DROP COLUMN email;

            --changeset alice:3 dbms:postgresql,h2
            --ignoreLines:1
            ALTER TABLE users DROP COLUMN email;
            --ignoreLines:start
            ALTER TABLE users DROP COLUMN id;
            --ignoreLines:end
            -- expect: ddl users.name @migration
            ALTER TABLE users DROP COLUMN name;
            /* liquibase rollback
            ALTER TABLE users ADD COLUMN name text;
            */
            """)
        .source(
            "queries/q.sql",
            """
            -- expect: read users.id, read users.email
            SELECT * FROM users;
            """)
        .doTest();
  }

  @Test
  void positive_endDelimiterSplitsAndSplitStatementsFalseKeepsOneStatementOnPostgres() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                MASTER,
                """
                --liquibase formatted sql

                --changeset bob:1 splitStatements:false
                -- expect: ddl t.a @migration, ddl t.b @migration
                CREATE TABLE t (a int, b int);
                -- expect: write t.a @migration
                INSERT INTO t (a) VALUES (1);

                --changeset bob:2 endDelimiter:/
                -- expect: write t.b @migration, read t.a @migration
                UPDATE t SET b = a
                /
                -- expect: write t.* @migration, read t.b @migration
                DELETE FROM t WHERE b IS NULL
                /

                --changeset bob:3 splitStatements:false endDelimiter:/
                -- expect: write t.a @migration
                UPDATE t SET a = 2
                /
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_splitStatementsFalseOnMySqlIsAProblemWhenWeSplitAnyway() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .dialect(SqlDialect.MYSQL)
            .source(
                MASTER,
                """
                --liquibase formatted sql
                --changeset bob:1
                -- expect: ddl t.a @migration
                CREATE TABLE t (a int);
                --changeset bob:2 splitStatements:false
                -- expect: write t.a @migration
                INSERT INTO t (a) VALUES (1);
                -- expect: write t.a @migration
                INSERT INTO t (a) VALUES (2);
                """)
            .doTest();
    assertThat(result.problems())
        .containsExactly(
            new AnalysisProblem(
                MASTER,
                "replay",
                "Liquibase runs this SQL as one statement (splitStatements:false or endDelimiter),"
                    + " but it was analysed as 2 statements split at ';'",
                7));
  }

  @Test
  void negative_aMalformedChangesetLineIsAProblem() {
    List<MigrationStep> steps =
        FormattedSqlChangelog.read(
            "--liquibase formatted sql\n--changeset nobody\nSELECT 1;\n", SqlDialect.POSTGRES);
    assertThat(steps)
        .containsExactly(
            new MigrationStep.NotReplayed(
                2,
                "--changeset at line 2 is not '--changeset author:id': its SQL is replayed anyway"),
            new MigrationStep.Sql("\n\nSELECT 1;\n", null, 0, false));
  }

  @Test
  void negative_plainSqlIsNotAFormattedChangelog() {
    assertThat(LiquibaseChangelog.isFormattedSql("-- liquibase formatted sql\nSELECT 1;")).isTrue();
    assertThat(LiquibaseChangelog.isFormattedSql("\n--LIQUIBASE FORMATTED SQL\n")).isTrue();
    assertThat(LiquibaseChangelog.isFormattedSql("SELECT 1;\n--liquibase formatted sql\n"))
        .isFalse();
    assertThat(LiquibaseChangelog.isFormattedSql("-- liquibase is formatted here\n")).isFalse();
  }

  @Test
  void endDelimiterPiecesKeepTheirLines() {
    assertThat(EndDelimiter.pieces("a\n/\nb\n/\n", "/")).containsExactly("a\n", " \n \nb\n");
    assertThat(EndDelimiter.pieces("x\nc GO\nd\n", "go")).containsExactly("x\nc ", " \n    \nd\n");
    assertThat(EndDelimiter.pieces("x/y\n", "/")).containsExactly("x/y\n");
  }
}
