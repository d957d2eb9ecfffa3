package dev.blastradius.lang.ops.sched;

import static dev.blastradius.lang.ops.sched.CrontabTest.withUsers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes workloads and Helm templates: a CronJob's containers run {@code cron} code, a Job's
 * {@code script} code, a Deployment's {@code worker} code. Paths inside the image are matched to
 * repository files by suffix.
 */
class KubernetesTest {

  @Test
  void positive_cronJobRunsPsqlFileAndAScriptByImagePath() {
    AnalysisResult result =
        withUsers()
            .source(
                "deploy/k8s/report.yaml",
                """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly-report
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: report
                              image: postgres:16
                              command: ["psql", "-f", "/scripts/report.sql"]
                            - name: export
                              image: app
                              command: ["bash", "scripts/export.sh"]
                            - name: inline
                              image: postgres:16
                              # expect: read users.email @cron
                              args: ["sh", "-c", "psql -c 'SELECT email FROM users'"]
                """)
            .source(
                "ops/sql/scripts/report.sql",
                """
                -- expect: read users.email @cron, read users.active @cron
                SELECT email FROM users WHERE active;
                """)
            .source(
                "tools/scripts/export.sh",
                """
                #!/bin/bash
                # expect: read users.id @cron
                psql -c "SELECT id FROM users"
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_helmTemplateJobAndDeployment() {
    withUsers()
        .source(
            "charts/app/templates/jobs.yaml",
            """
            {{- if .Values.migrate.enabled }}
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {{ .Release.Name }}-backfill
            spec:
              template:
                spec:
                  containers:
                    - name: backfill
                      image: "{{ .Values.image }}"
                      command:
                        - python
                        - -m
                        - app.backfill
            {{- end }}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: consumer
            spec:
              template:
                spec:
                  containers:
                    - name: consumer
                      command: ["node", "dist/consumer.js"]
            """)
        .source(
            "app/backfill.py",
            """
            import psycopg
            conn = psycopg.connect()
            # expect: write users.active @script
            conn.execute("UPDATE users SET active = true")
            """)
        .source(
            "src/consumer.ts",
            """
            import { Client } from "pg";
            const db = new Client();
            // expect: read users.email @worker
            await db.query("SELECT email FROM users");
            """)
        .doTest();
  }

  @Test
  void negative_otherManifestsAndContainersWithoutCommands() {
    AnalysisResult result =
        withUsers()
            .source(
                "deploy/k8s/web.yaml",
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: app
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: sql
                data:
                  # expect: none
                  query: psql -c "SELECT email FROM users"
                """)
            .source(
                "scripts/report.sh",
                """
                # expect: read users.email @script
                psql -c "SELECT email FROM users"
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_malformedManifestIsAProblem() {
    AnalysisResult result =
        withUsers()
            .source(
                "deploy/k8s/broken.yaml",
                """
                kind: CronJob
                spec: [unclosed
                """)
            .doTest();
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p.cause()).contains("cannot be read as YAML"));
  }
}
