package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import org.junit.jupiter.api.Test;

/** Schedules, queue workers and scripts. */
class JobEntryPointsTest {

  private static final String REPO =
      """
      import { Pool } from 'pg';
      const pool = new Pool();
      export async function archive() {
        // expect: write users.* @cron @worker @script, read users.email @cron @worker @script
        await pool.query("DELETE FROM users WHERE email LIKE '%@old.example'");
      }
      """;

  @Test
  void positive_schedulersAndQueueWorkers() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source("src/repo.ts", REPO)
            .source(
                "src/jobs/cron.ts",
                """
                import cron from 'node-cron';
                import { CronJob } from 'cron';
                import { archive } from '../repo';
                cron.schedule('0 4 * * *', () => archive());
                new CronJob('0 5 * * *', archive);
                """)
            .source(
                "src/jobs/workers.ts",
                """
                import { Worker } from 'bullmq';
                import { task, schedules } from '@trigger.dev/sdk/v3';
                import { Inngest } from 'inngest';
                import { archive } from '../repo';

                new Worker('cleanup', async (job) => { await archive(); });

                export const cleanupTask = task({ id: 'cleanup-users', run: async () => archive() });

                export const nightly = schedules.task({
                  id: 'nightly-cleanup',
                  cron: '0 2 * * *',
                  run: async () => { await archive(); },
                });

                const inngest = new Inngest({ id: 'app' });
                export const onSignup = inngest.createFunction(
                  { id: 'on-signup' }, { event: 'user/signup' }, async ({ step }) => archive());
                """)
            .source(
                "scripts/cleanup.ts",
                """
                import { archive } from '../src/repo';
                async function main() { await archive(); }
                main();
                """)
            .doTest();
    assertThat(
            result.graph().accesses().stream()
                .filter(a -> a.location().path().equals("src/repo.ts"))
                .flatMap(a -> a.entryPoints().stream())
                .map(EntryPoint::label)
                .distinct()
                .sorted())
        .containsExactly(
            "cron cron 0 4 * * *",
            "cron cron 0 5 * * *",
            "cron trigger.dev nightly-cleanup (0 2 * * *)",
            "script scripts/cleanup.ts",
            "worker bullmq cleanup",
            "worker inngest on-signup",
            "worker trigger.dev cleanup-users");
  }

  @Test
  void positive_packageScriptsAndScheduledWorkflows() {
    RawSqlTest.withUsers()
        .source(
            "package.json",
            "{ \"scripts\": { \"purge\": \"tsx tools/purge.ts\", \"report\": \"node tools/report.mjs\" } }\n")
        .source(
            ".github/workflows/nightly.yml",
            """
            on:
              schedule:
                - cron: '0 1 * * *'
            jobs:
              purge:
                runs-on: ubuntu-latest
                steps:
                  - run: npm ci && npm run purge
            """)
        .source(
            "tools/purge.ts",
            """
            import { Pool } from 'pg';
            // expect: write users.* @cron
            await new Pool().query('TRUNCATE users');
            """)
        .source(
            "tools/report.mjs",
            """
            import pg from 'pg';
            // expect: read users.name @script
            await new pg.Pool().query('SELECT name FROM users');
            """)
        .doTest();
  }

  @Test
  void negative_lookalikesAreNotJobs() {
    RawSqlTest.withUsers()
        .source(
            "src/misc.ts",
            """
            import { Pool } from 'pg';
            const calendar = { schedule: (when: string, f: () => void) => f };
            calendar.schedule('tomorrow', () => {
              // expect: read users.name @none
              new Pool().query('SELECT name FROM users');
            });
            export const task = (o: { run: () => void }) => o;
            task({ run: () => {
              // expect: read users.email @none
              new Pool().query('SELECT email FROM users');
            } });
            """)
        .doTest();
  }

  @Test
  void positive_trpcProceduresAreHttpEntryPointsNamedByTheirRouterPath() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/trpc/webhook-router.ts",
                """
                import { Pool } from 'pg';
                import { router, authenticatedProcedure, t } from '../trpc';
                const pool = new Pool();
                export const appRouter = router({
                  webhook: router({
                    editWebhook: authenticatedProcedure.input(schema).mutation(async ({ input }) => {
                      // expect: write users.email @http, read users.id @http
                      await pool.query('UPDATE users SET email = $1 WHERE id = $2', [input.email, input.id]);
                    }),
                    list: t.procedure.query(async () => {
                      // expect: read users.name @http
                      return pool.query('SELECT name FROM users');
                    }),
                  }),
                });
                """)
            .doTest();
    assertThat(
            result.graph().accesses().stream()
                .filter(a -> a.location().path().endsWith(".ts"))
                .flatMap(a -> a.entryPoints().stream())
                .map(EntryPoint::label)
                .distinct()
                .sorted())
        .containsExactly("http trpc webhook.editWebhook", "http trpc webhook.list");
  }

  @Test
  void positive_trpcRoutersComposedAcrossFilesGetTheFullPath() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/server/webhook-router/router.ts",
                """
                import { Pool } from 'pg';
                import { authenticatedProcedure, router } from '../trpc';
                import { findCallsRoute } from './find-calls';
                const pool = new Pool();
                export const webhookRouter = router({
                  calls: { find: findCallsRoute },
                  editWebhook: authenticatedProcedure.mutation(async ({ input }) => {
                    // expect: write users.email @http, read users.id @http
                    await pool.query('UPDATE users SET email = $1 WHERE id = $2', [input.email, input.id]);
                  }),
                });
                """)
            .source(
                "src/server/webhook-router/find-calls.ts",
                """
                import { Pool } from 'pg';
                import { authenticatedProcedure } from '../trpc';
                export const findCallsRoute = authenticatedProcedure.query(async () => {
                  // expect: read users.name @http
                  return new Pool().query('SELECT name FROM users');
                });
                """)
            .source(
                "src/server/router.ts",
                """
                import { router } from './trpc';
                import { webhookRouter } from './webhook-router/router';
                export const appRouter = router({ webhook: webhookRouter });
                export type AppRouter = typeof appRouter;
                """)
            .doTest();
    assertThat(labels(result))
        .containsExactly("http trpc webhook.calls.find", "http trpc webhook.editWebhook");
  }

  @Test
  void negative_routersNothingMountsKeepTheirFilePath() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/server/admin-router.ts",
                """
                import { Pool } from 'pg';
                import { adminProcedure, router } from './trpc';
                const pool = new Pool();
                export const adminRouter = router({
                  users: router({
                    list: adminProcedure.query(async () => {
                      // expect: read users.name @http
                      return pool.query('SELECT name FROM users');
                    }),
                  }),
                });
                """)
            .source(
                "src/server/other.ts",
                """
                import { adminRouter } from './admin-router';
                const table = { admin: adminRouter };
                export const settings = { nested: { admin: adminRouter } };
                """)
            .doTest();
    assertThat(labels(result)).containsExactly("http trpc users.list");
  }

  @Test
  void positive_serverSideCallersReachTheProcedureTheirKeyPathNames() {
    RawSqlTest.withUsers()
        .source(
            "packages/api/src/router/stripe/webhook.ts",
            """
            import { Pool } from 'pg';
            import { createTRPCRouter, publicProcedure } from '../../trpc';
            const pool = new Pool();
            export const webhookRouter = createTRPCRouter({
              sessionCompleted: publicProcedure.mutation(async ({ input }) => {
                // expect: write users.email @http @webhook, read users.id @http @webhook
                await pool.query('UPDATE users SET email = $1 WHERE id = $2', [input.email, input.id]);
              }),
              other: publicProcedure.mutation(async () => {
                // expect: read users.name @http
                await pool.query('SELECT name FROM users');
              }),
            });
            """)
        .source(
            "packages/api/src/lambda.ts",
            """
            import { createTRPCRouter } from './trpc';
            import { webhookRouter } from './router/stripe/webhook';
            export const lambdaRouter = createTRPCRouter({ stripe: { webhooks: webhookRouter } });
            """)
        .source(
            "app/api/webhook/stripe/route.ts",
            """
            import Stripe from 'stripe';
            import { lambdaRouter } from '../../../../packages/api/src/lambda';
            const stripe = new Stripe('sk');
            export async function POST(req: Request) {
              const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get('s'), 'x');
              const caller = lambdaRouter.createCaller({ req });
              await caller.stripe.webhooks.sessionCompleted({ event });
              return new Response(null);
            }
            """)
        .doTest();
  }

  @Test
  void negative_callsOnOtherObjectsAreNotServerSideCallers() {
    RawSqlTest.withUsers()
        .source(
            "src/router.ts",
            """
            import { Pool } from 'pg';
            import { createTRPCRouter, publicProcedure } from './trpc';
            export const appRouter = createTRPCRouter({
              hooks: createTRPCRouter({
                done: publicProcedure.mutation(async () => {
                  // expect: read users.name @http
                  await new Pool().query('SELECT name FROM users');
                }),
              }),
            });
            """)
        .source(
            "app/api/hook/route.ts",
            """
            import { appRouter } from '../../../src/router';
            import { makeClient } from '../../../src/client';
            export async function POST(req: Request) {
              const caller = makeClient(appRouter);
              await caller.hooks.done({});
              const other = appRouter.createCaller({});
              await other.hooks.missing({});
              return new Response(null);
            }
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

  @Test
  void negative_queryAndMutationOfOtherBuildersAreNotProcedures() {
    RawSqlTest.withUsers()
        .source(
            "src/graph.ts",
            """
            import { Pool } from 'pg';
            const pool = new Pool();
            const builder = { query: (f: () => void) => f, mutation: (f: () => void) => f };
            builder.query(async () => {
              // expect: read users.name @none
              await pool.query('SELECT name FROM users');
            });
            const publicProcedure = { query: (x: string) => x };
            // expect: read users.email @none
            publicProcedure.query(pool.query('SELECT email FROM users'));
            """)
        .doTest();
  }
}
