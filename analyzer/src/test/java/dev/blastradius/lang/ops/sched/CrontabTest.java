package dev.blastradius.lang.ops.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Crontabs, {@code *.cron} and {@code cron.d/} files: their jobs' code is {@code cron}. */
class CrontabTest {

  static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.active
            CREATE TABLE users (id bigint PRIMARY KEY, email text, active boolean);
            """);
  }

  @Test
  void positive_aCrontabRunsAScriptThatRunsASqlFile() {
    AnalysisResult result =
        withUsers()
            .source(
                "deploy/crontab",
                """
                MAILTO=ops@example.com
                # nightly cleanup
                15 3 * * * /srv/app/scripts/cleanup.sh >> /var/log/cleanup.log 2>&1
                """)
            .source(
                "scripts/cleanup.sh",
                """
                #!/bin/sh
                psql "$DATABASE_URL" -f sql/cleanup.sql
                """)
            .source(
                "sql/cleanup.sql",
                """
                -- expect: write users.* @cron, read users.active @cron
                DELETE FROM users WHERE NOT active;
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("sql/cleanup.sql"))
        .flatMap(a -> a.entryPoints())
        .extracting(EntryPoint::name)
        .containsOnly("cron 15 3 * * *");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_inlinePsqlAndCronDirectoryUserField() {
    withUsers()
        .source(
            "ops/cron.d/report",
            """
            SHELL=/bin/bash
            # expect: read users.email @cron, read users.active @cron
            @daily postgres psql -c "SELECT email FROM users WHERE active"
            # expect: read users.id @cron
            0 * * * * root psql -tAc 'SELECT count(id) FROM users' | mail -s count ops
            """)
        .doTest();
  }

  @Test
  void positive_pythonModuleFromACronFile() {
    withUsers()
        .source(
            "etc/jobs.cron",
            """
            */5 * * * * cd /app && python -m app.jobs.expire
            """)
        .source(
            "app/jobs/expire.py",
            """
            import psycopg

            def run(conn):
                # expect: write users.active @cron
                conn.execute("UPDATE users SET active = false")

            if __name__ == "__main__":
                run(psycopg.connect())
            """)
        .doTest();
  }

  @Test
  void negative_commandsThatRunNothingOfOursAreNotes() {
    AnalysisResult result =
        withUsers()
            .source(
                "crontab",
                """
                # expect: none
                0 4 * * * /usr/sbin/logrotate /etc/logrotate.conf
                # expect: none
                # 0 5 * * * psql -c "SELECT email FROM users"
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.notes())
        .anySatisfy(n -> assertThat(n.message()).contains("logrotate").contains("not linked"));
  }

  @Test
  void negative_aScriptNoSchedulerRunsKeepsScript() {
    AnalysisResult result =
        withUsers()
            .source("crontab", "0 4 * * * /srv/app/scripts/other.sh\n")
            .source(
                "scripts/report.sh",
                """
                # expect: read users.email @script
                psql -c "SELECT email FROM users"
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .flatMap(a -> a.entryPoints())
        .extracting(EntryPoint::kind)
        .doesNotContain(EntryPointKind.CRON);
  }
}
