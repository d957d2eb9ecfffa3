package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next.js entry points: route handlers, crons, webhooks, pages, server actions, browser code. */
class NextEntryPointsTest {

  private static final String USERS =
      """
      import { sql } from '@vercel/postgres';

      export async function getUser(id: string) {
        // expect: read users.name @http @cron @webhook, read users.id @http @cron @webhook
        return sql`SELECT name FROM users WHERE id = ${id}`;
      }

      export async function setEmail(id: string, email: string) {
        // expect: write users.email @none, read users.id @none
        return sql`UPDATE users SET email = ${email} WHERE id = ${id}`;
      }
      """;

  @Test
  void positive_routeHandlersCronsAndWebhooks() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "tsconfig.json",
                "{ \"compilerOptions\": { \"paths\": { \"@/*\": [\"./src/*\"] } } }\n")
            .source(
                "vercel.json",
                "{ \"crons\": [{ \"path\": \"/api/jobs/nightly\", \"schedule\": \"0 3 * * *\" }] }\n")
            .source("src/lib/users.ts", USERS)
            .source(
                "src/app/api/users/[id]/route.ts",
                """
                import { getUser } from '@/lib/users';
                export async function GET(req: Request, { params }: { params: { id: string } }) {
                  return Response.json(await getUser(params.id));
                }
                """)
            .source(
                "src/app/api/jobs/nightly/route.ts",
                """
                import { getUser } from '@/lib/users';
                export const GET = async () => Response.json(await getUser('1'));
                """)
            .source(
                "src/app/api/stripe/route.ts",
                """
                import Stripe from 'stripe';
                import { getUser } from '@/lib/users';
                const stripe = new Stripe(process.env.STRIPE_KEY!);
                export async function POST(req: Request) {
                  const event = stripe.webhooks.constructEvent(await req.text(), sig, secret);
                  return Response.json(await getUser(event.id));
                }
                """)
            .doTest();
    List<String> labels =
        result.graph().accesses().stream()
            .filter(a -> a.column().column().equals("name") && a.kind().jsonName().equals("read"))
            .flatMap(a -> a.entryPoints().stream())
            .map(EntryPoint::label)
            .toList();
    assertThat(labels)
        .containsExactlyInAnyOrder(
            "http GET /api/users/[id]",
            "cron vercel cron /api/jobs/nightly (0 3 * * *)",
            "webhook POST /api/stripe");
  }

  @Test
  void positive_serverActionsPagesAndClientComponents() {
    RawSqlTest.withUsers()
        .source(
            "app/actions.ts",
            """
            'use server';
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function rename(id: number, name: string) {
              // expect: write users.name @http, read users.id @http
              await pool.query('UPDATE users SET name = $2 WHERE id = $1', [id, name]);
            }
            """)
        .source(
            "app/profile/ProfileForm.tsx",
            """
            'use client';
            import { createBrowserClient } from '@supabase/ssr';
            import { rename } from '../actions';
            export function ProfileForm({ id }: { id: number }) {
              const supabase = createBrowserClient(url, key);
              async function load() {
                // expect: read users.email @browser, read users.id @browser
                return supabase.from('users').select('email').eq('id', id);
              }
              return <form action={rename.bind(null, id)} onSubmit={() => rename(id, 'x')}><button onClick={load} /></form>;
            }
            """)
        .source(
            "app/(site)/dashboard/page.tsx",
            """
            import { Pool } from 'pg';
            export default async function Dashboard() {
              // expect: read users.* @http
              const { rows } = await new Pool().query('SELECT count(*) FROM users');
              return <p>{rows[0].count}</p>;
            }
            """)
        .source(
            "pages/api/legacy/[id].js",
            """
            import { Pool } from 'pg';
            export default async function handler(req, res) {
              // expect: read users.email @http
              res.json(await new Pool().query('SELECT email FROM users'));
            }
            """)
        .source(
            "middleware.ts",
            """
            import { Pool } from 'pg';
            export async function middleware(req: Request) {
              // expect: read users.id @http
              await new Pool().query('SELECT id FROM users LIMIT 1');
            }
            """)
        .doTest();
  }

  @Test
  void negative_filesOutsideRoutingConventionsAreNotEntryPoints() {
    RawSqlTest.withUsers()
        .source(
            "app/api/users/helpers.ts",
            """
            import { Pool } from 'pg';
            export async function GET() {
              // expect: read users.name @none
              return new Pool().query('SELECT name FROM users');
            }
            """)
        .source(
            "app/_components/route.ts",
            """
            import { Pool } from 'pg';
            export async function GET() {
              // expect: read users.email @none
              return new Pool().query('SELECT email FROM users');
            }
            """)
        .doTest();
  }
}
