package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import org.junit.jupiter.api.Test;

/** Background job definitions given to an application's jobs client are {@code worker}s. */
class JobDefinitionsTest {

  private static final String REPO =
      """
      import { Pool } from 'pg';
      const pool = new Pool();
      export async function archive() {
        // expect: read users.name @worker
        await pool.query('SELECT name FROM users');
      }
      """;

  @Test
  void positive_definitionsGivenToAJobsClientInAnotherFile() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source("src/repo.ts", REPO)
            .source(
                "src/jobs/definitions/send-report.ts",
                """
                import type { JobDefinition } from '../client/job';
                const SEND_REPORT_JOB_ID = 'emails.send-report';
                export const SEND_REPORT_JOB_DEFINITION = {
                  id: SEND_REPORT_JOB_ID,
                  name: 'Send report',
                  version: '1.0.0',
                  trigger: { name: SEND_REPORT_JOB_ID },
                  handler: async ({ payload, io }) => {
                    const handler = await import('./send-report.handler');
                    await handler.run({ payload, io });
                  },
                } as const satisfies JobDefinition<typeof SEND_REPORT_JOB_ID>;
                """)
            .source(
                "src/jobs/definitions/send-report.handler.ts",
                """
                import { Pool } from 'pg';
                export const run = async ({ payload }) => {
                  // expect: read users.email @worker, read users.id @worker
                  await new Pool().query('SELECT email FROM users WHERE id = $1', [payload.id]);
                };
                """)
            .source(
                "src/jobs/definitions/archive.ts",
                """
                import { archive } from '../../repo';
                export const ARCHIVE_JOB = {
                  name: 'archive-users',
                  trigger: { name: 'archive-users' },
                  run: async () => archive(),
                };
                """)
            .source(
                "src/jobs/client.ts",
                """
                import { JobClient } from './client/client';
                import { SEND_REPORT_JOB_DEFINITION } from './definitions/send-report';
                import { ARCHIVE_JOB } from './definitions/archive';
                export const jobsClient = new JobClient([SEND_REPORT_JOB_DEFINITION, ARCHIVE_JOB]);
                """)
            .doTest();
    assertThat(labels(result))
        .containsExactly("worker job archive-users", "worker job emails.send-report");
  }

  @Test
  void positive_defineCallsAndJobsArraysInTheSameFile() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/jobs.ts",
                """
                import { Pool } from 'pg';
                import { Client, defineJob } from './queue';
                const pool = new Pool();
                defineJob({
                  id: 'purge',
                  trigger: { event: 'purge.requested' },
                  handler: async () => {
                    // expect: write users.email @worker, read users.id @worker
                    await pool.query('UPDATE users SET email = NULL WHERE id = 1');
                  },
                });
                const NIGHTLY = {
                  id: 'nightly',
                  trigger: { name: 'nightly' },
                  async handler() {
                    // expect: read users.name @worker
                    await pool.query('SELECT name FROM users');
                  },
                };
                export const client = new Client({ jobs: [NIGHTLY] });
                """)
            .doTest();
    assertThat(labels(result)).containsExactly("worker job nightly", "worker job purge");
  }

  @Test
  void negative_handlerObjectsNothingRegistersAndRouteHandlers() {
    RawSqlTest.withUsers()
        .source(
            "src/config.ts",
            """
            import { Pool } from 'pg';
            import { Menu } from './menu';
            const pool = new Pool();
            export const REPORT_MENU_ITEM = {
              id: 'report',
              name: 'Report',
              trigger: { key: 'r' },
              handler: async () => {
                // expect: read users.name @none
                await pool.query('SELECT name FROM users');
              },
            };
            const plain = {
              handler: async () => {
                // expect: read users.email @none
                await pool.query('SELECT email FROM users');
              },
            };
            export const menu = new Menu([REPORT_MENU_ITEM, plain]);
            """)
        .source(
            "app/api/hooks/route.ts",
            """
            import { Pool } from 'pg';
            const handler = async (req: Request) => {
              // expect: read users.id @http
              await new Pool().query('SELECT id FROM users');
              return new Response('ok');
            };
            export { handler as GET, handler as POST };
            """)
        .doTest();
  }

  private static java.util.List<String> labels(AnalysisResult result) {
    return result.graph().accesses().stream()
        .filter(a -> a.location().path().endsWith(".ts"))
        .flatMap(a -> a.entryPoints().stream())
        .map(EntryPoint::label)
        .distinct()
        .sorted()
        .toList();
  }
}
