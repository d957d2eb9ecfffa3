package dev.blastradius.lang.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * psql and mysql in shell scripts: -c/-e strings, here-documents, -f files, script entry points.
 */
class ShellFrontendTest {

  static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.active, ddl users.last_login
            CREATE TABLE users (id bigint PRIMARY KEY, email text, active boolean, last_login timestamptz);
            """);
  }

  @Test
  void positive_psqlCommandsHeredocsAndMysqlInAScript() {
    AnalysisResult result =
        withUsers()
            .source(
                "scripts/deactivate.sh",
                """
                #!/usr/bin/env bash
                set -euo pipefail
                # expect: write users.active @script, read users.last_login @script
                psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -c "UPDATE users SET active = false WHERE last_login < now() - interval '1 year'"
                # expect: read users.email @script, read users.active @script
                psql -X --csv -c 'SELECT email FROM users WHERE active' > active.csv
                # expect: read users.email @script
                /usr/bin/psql --command="SELECT email FROM users"
                # expect: read users.id @script, read users.email @script, write users.* @script, read users.active @script
                psql "$DATABASE_URL" <<'SQL'
                SELECT id, email FROM users;
                DELETE FROM users WHERE NOT active;
                SQL
                # expect: read users.email @script
                mysql -e "SELECT email FROM users"
                # expect: none
                echo "SELECT email FROM users"
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("scripts/deactivate.sh"))
        .allSatisfy(a -> assertThat(a.via()).isEqualTo(Via.PSQL))
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.CERTAIN));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_expandedVariablesMakeTheSqlPossible() {
    AnalysisResult result =
        withUsers()
            .source(
                "ops/purge.sh",
                """
                # expect: write users.* @script, read users.id @script
                psql -c "DELETE FROM users WHERE id = $USER_ID"
                # expect: read users.email @script, read users.id @script
                psql <<SQL
                SELECT email FROM users WHERE id = ${USER_ID};
                SQL
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("ops/purge.sh"))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.POSSIBLE));
  }

  @Test
  void positive_constantsAssignedOnceAndFlagGroupsAreRead() {
    AnalysisResult result =
        withUsers()
            .source(
                "scripts/report.sh",
                """
                #!/bin/sh
                QUERY="SELECT email FROM users"
                LIMIT=$1
                # expect: read users.email @script
                psql -c "$QUERY"
                # expect: read users.id @script
                count=$(psql -tAc "SELECT count(id) FROM users")
                # expect: read users.email @script
                psql -c "SELECT email FROM users LIMIT ${LIMIT}"
                psql -c "$UNKNOWN"
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("scripts/report.sh"))
        .extracting(a -> a.location().startLine() + " " + a.confidence())
        .containsExactlyInAnyOrder("5 CERTAIN", "7 CERTAIN", "9 POSSIBLE");
    assertThat(result.problems()).isEmpty();
    assertThat(result.notes())
        .anySatisfy(
            n ->
                assertThat(n.message())
                    .isEqualTo(
                        "line 10: the SQL of this command comes entirely from shell variables;"
                            + " not analysed"));
  }

  @Test
  void positive_psqlFileCallsTheSqlFileWhichInheritsTheScriptsEntryPoint() {
    withUsers()
        .source(
            "bin/nightly.sh",
            """
            psql -f sql/cleanup.sql
            psql --file=../reports/weekly.sql
            """)
        .source(
            "bin/sql/cleanup.sql",
            """
            -- expect: write users.* @script, read users.active @script
            DELETE FROM users WHERE NOT active;
            """)
        .source(
            "reports/weekly.sql",
            """
            -- expect: read users.email @dashboard @script
            SELECT email FROM users;
            """)
        .doTest();
  }

  @Test
  void negative_sourcedLibrariesAreNotEntryPointsAndOtherCommandsAreIgnored() {
    withUsers()
        .source(
            "lib/db.sh",
            """
            export PGOPTIONS='-c statement_timeout=5min'
            # expect: read users.email @none
            psql -c "SELECT email FROM users"
            # expect: none
            grep -c "DELETE FROM users" audit.log
            """)
        .doTest();
  }

  @Test
  void negative_syntaxErrorsAreProblemsNotSilence() {
    AnalysisResult result =
        withUsers()
            .source(
                "scripts/broken.sh",
                """
                if [ -n "$X" ; then
                # expect: read users.email @script
                psql -c "SELECT email FROM users"
                """)
            .doTest();
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p.cause()).contains("the shell script has syntax errors"));
  }

  @Test
  void scriptsAreRecognisedByDirectoryOrShebang() {
    assertThat(ShellFrontend.isScript("scripts/a.sh", "")).isTrue();
    assertThat(ShellFrontend.isScript("deploy/bin/a.sh", "")).isTrue();
    assertThat(ShellFrontend.isScript("lib/a.sh", "#!/bin/sh\n")).isTrue();
    assertThat(ShellFrontend.isScript("lib/a.sh", "echo\n")).isFalse();
    assertThat(ShellFrontend.normalise("bin/../sql/./x.sql")).isEqualTo("sql/x.sql");
    assertThat(ShellFrontend.normalise("../x.sql")).isEmpty();
  }
}
