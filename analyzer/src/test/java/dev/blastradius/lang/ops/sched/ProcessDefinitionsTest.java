package dev.blastradius.lang.ops.sched;

import static dev.blastradius.lang.ops.sched.CrontabTest.withUsers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import org.junit.jupiter.api.Test;

/**
 * CI workflows, Procfiles, Compose services, systemd units and app.json: each gives the code its
 * commands run the job's kind.
 */
class ProcessDefinitionsTest {

  @Test
  void positive_githubScheduleAndPlainRunSteps() {
    withUsers()
        .source(
            ".github/workflows/nightly.yml",
            """
            on:
              schedule:
                - cron: "0 2 * * *"
            jobs:
              purge:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo start
                      # expect: write users.* @cron
                      psql -c "DELETE FROM users"
                      bash scripts/purge.sh
            """)
        .source(
            ".github/workflows/ci.yml",
            """
            on: push
            jobs:
              seed:
                steps:
                  - run: python manage.py seed_users
            """)
        .source(
            "scripts/purge.sh",
            """
            # expect: read users.email @cron
            psql -c "SELECT email FROM users"
            """)
        .source(
            "app/management/commands/seed_users.py",
            """
            from django.core.management.base import BaseCommand
            from django.db import connection

            class Command(BaseCommand):
                def handle(self, *args, **options):
                    with connection.cursor() as cursor:
                        # expect: write users.email @script
                        cursor.execute("INSERT INTO users (email) VALUES ('a@b.c')")
            """)
        .doTest();
  }

  @Test
  void positive_gitlabScheduledJob() {
    withUsers()
        .source(
            ".gitlab-ci.yml",
            """
            stages: [maintenance]
            vacuum:
              stage: maintenance
              rules:
                - if: $CI_PIPELINE_SOURCE == "schedule"
              script:
                # expect: read users.* @cron, read users.active @cron
                - psql -c "SELECT count(*) FROM users WHERE active"
                - java -cp build/libs/app.jar com.acme.jobs.Expire
            """)
        .source(
            "src/main/java/com/acme/jobs/Expire.java",
            """
            package com.acme.jobs;

            import java.sql.Connection;

            public class Expire {
              public static void main(String[] args) throws Exception {
                Connection c = null;
                // expect: write users.active @cron
                c.createStatement().executeUpdate("UPDATE users SET active = false");
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_procfileComposeAndSystemd() {
    withUsers()
        .source(
            "Procfile",
            """
            web: gunicorn app.wsgi
            worker: python worker.py
            clock: npm run clock
            """)
        .source(
            "worker.py",
            """
            import psycopg
            # expect: read users.email @worker
            psycopg.connect().execute("SELECT email FROM users")
            """)
        .source("package.json", "{\"scripts\": {\"clock\": \"node dist/clock.js\"}}\n")
        .source(
            "src/clock.ts",
            """
            import { Client } from "pg";
            const db = new Client();
            // expect: read users.id @cron
            await db.query("SELECT id FROM users");
            """)
        .source(
            "deploy/docker-compose.yml",
            """
            services:
              mailer:
                image: app
                # expect: read users.active @worker
                command: psql -c "SELECT active FROM users"
            """)
        .source(
            "deploy/systemd/report.service",
            """
            [Service]
            Type=oneshot
            ExecStart=/usr/bin/psql -f /opt/app/report.sql
            """)
        .source("deploy/systemd/report.timer", "[Timer]\nOnCalendar=daily\n")
        .source(
            "db/report.sql",
            """
            -- expect: read users.email @cron
            SELECT email FROM users;
            """)
        .doTest();
  }

  @Test
  void positive_appJsonCronAndPostdeploy() {
    withUsers()
        .source(
            "app.json",
            """
            {
              "scripts": {"postdeploy": "bin/seed"},
              "cron": [{"command": "python jobs/expire.py", "schedule": "@daily"}]
            }
            """)
        .source(
            "jobs/expire.py",
            """
            import psycopg
            # expect: write users.active @cron
            psycopg.connect().execute("UPDATE users SET active = false")
            """)
        .doTest();
  }

  @Test
  void negative_unrelatedYamlAndJsonAreNotRead() {
    AnalysisResult result =
        withUsers()
            .source(
                "config/settings.yml",
                """
                # expect: none
                command: psql -c "SELECT email FROM users"
                """)
            .source("data/jobs.json", "{\"command\": \"psql -c 'SELECT email FROM users'\"}\n")
            .source(
                ".github/workflows/lint.yml",
                """
                on: push
                jobs:
                  lint:
                    steps:
                      - uses: actions/checkout@v4
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .noneMatch(a -> a.location().path().startsWith("data/"))
        .noneMatch(a -> a.location().path().startsWith(".github/"));
    assertThat(result.problems()).isEmpty();
  }
}
