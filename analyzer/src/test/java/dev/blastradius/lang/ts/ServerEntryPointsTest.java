package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import org.junit.jupiter.api.Test;

/** Express, Fastify, Hono, Koa and NestJS routes, and Supabase edge functions. */
class ServerEntryPointsTest {

  private static final String REPO =
      """
      const { Pool } = require('pg');
      const pool = new Pool();
      exports.names = async () => {
        // expect: read users.name @http @admin @webhook
        return pool.query('SELECT name FROM users');
      };
      exports.emails = async () => {
        // expect: read users.email @http
        return pool.query('SELECT email FROM users');
      };
      """;

  @Test
  void positive_expressFastifyHonoAndKoaRoutes() {
    RawSqlTest.withUsers()
        .source("server/repo.js", REPO)
        .source("package.json", "{ \"scripts\": { \"start\": \"node server/app.js\" } }\n")
        .source(
            "server/app.js",
            """
            const express = require('express');
            const repo = require('./repo');
            const app = express();
            const router = express.Router();

            async function listNames(req, res) { res.json(await repo.names()); }

            app.get('/users', listNames);
            router.post('/admin/users/rename', auth, asyncHandler(async (req, res) => {
              await repo.names();
            }));
            app.post('/hooks/github-webhook', (req, res) => repo.names());
            app.use('/api', router);
            app.listen(3000);
            """)
        .source(
            "server/fast.ts",
            """
            import Fastify from 'fastify';
            import { emails } from './repo';
            const fastify = Fastify();
            fastify.route({ method: 'GET', url: '/emails', handler: async () => emails() });
            """)
        .source(
            "server/hono.ts",
            """
            import { Hono } from 'hono';
            import { emails } from './repo';
            const app = new Hono();
            app.get('/hono/emails', (c) => c.json(emails()));
            """)
        .source(
            "server/koa.ts",
            """
            import Router from '@koa/router';
            import { emails } from './repo';
            const router = new Router();
            router.get('list-emails', '/koa/emails', async (ctx) => { ctx.body = await emails(); });
            """)
        .source(
            "server/client.ts",
            """
            import axios from 'axios';
            import { emails } from './repo';
            // expect: none
            axios.get('/users', { params: { q: 1 } });
            export const unused = () => emails;
            """)
        .doTest();
  }

  @Test
  void positive_nestControllersAndSchedules() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/users/users.service.ts",
                """
                import { Injectable } from '@nestjs/common';
                import { InjectDataSource } from '@nestjs/typeorm';
                import { DataSource } from 'typeorm';

                @Injectable()
                export class UsersService {
                  constructor(@InjectDataSource() private readonly db: DataSource) {}
                  name(id: number) {
                    // expect: read users.name @http @cron, read users.id @http @cron
                    return this.db.query('SELECT name FROM users WHERE id = $1', [id]);
                  }
                }
                """)
            .source(
                "src/users/users.controller.ts",
                """
                import { Controller, Get, Param } from '@nestjs/common';
                import { Cron } from '@nestjs/schedule';
                import { UsersService } from './users.service';

                @Controller('users')
                export class UsersController {
                  constructor(private readonly users: UsersService) {}

                  @Get(':id')
                  one(@Param('id') id: string) {
                    return this.users.name(Number(id));
                  }

                  @Cron('0 * * * *')
                  hourly() {
                    return this.users.name(1);
                  }
                }
                """)
            .doTest();
    assertThat(
            result.graph().accesses().stream()
                .filter(a -> a.location().path().endsWith(".ts"))
                .flatMap(a -> a.entryPoints().stream())
                .map(EntryPoint::label)
                .distinct()
                .sorted())
        .containsExactly("cron @Cron 0 * * * *", "http GET /users/:id");
  }

  @Test
  void positive_edgeFunctionsAndWebhooksBySignature() {
    RawSqlTest.withUsers()
        .source(
            "supabase/functions/send-digest/index.ts",
            """
            import { createClient } from 'jsr:@supabase/supabase-js@2';
            Deno.serve(async (req) => {
              const supabase = createClient(Deno.env.get('SUPABASE_URL')!, key);
              // expect: read users.email @http
              const { data } = await supabase.from('users').select('email');
              return new Response(JSON.stringify(data));
            });
            """)
        .source(
            "supabase/functions/billing/index.ts",
            """
            import Stripe from 'npm:stripe';
            import { createClient } from 'jsr:@supabase/supabase-js@2';
            const stripe = new Stripe(key);
            async function handle(req: Request) {
              const event = await stripe.webhooks.constructEventAsync(await req.text(), sig, secret);
              // expect: write users.name @webhook
              await createClient(url, key).from('users').update({ name: event.id });
            }
            Deno.serve(handle);
            """)
        .doTest();
  }
}
