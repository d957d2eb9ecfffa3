package dev.blastradius.lang.ts;

import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Where an ORM call is reported: at its host statement when the call chain is the statement's own
 * expression, at the chain's first line when it is nested in another expression (an array given to
 * {@code Promise.all}, an argument, an object property, an arrow body).
 */
class AccessLineTest {

  private static final String TABLES =
      """
      -- expect: ddl users.id, ddl users.email
      CREATE TABLE users (id bigint PRIMARY KEY, email text);
      -- expect: ddl posts.id, ddl posts.title
      CREATE TABLE posts (id bigint PRIMARY KEY, title text);
      """;

  private static final String PRISMA =
      """
      model User {
        id    Int    @id
        email String
        @@map("users")
      }

      model Post {
        id    Int    @id
        title String
        @@map("posts")
      }
      """;

  @Test
  void positive_prismaCallsNestedInPromiseAllArgumentsAndPropertiesAreAtTheirOwnLine() {
    ExtractorTestHelper.create()
        .source("prisma/schema.prisma", PRISMA)
        .source(
            "src/page.ts",
            """
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();

            export async function page(id: number) {
              const [users, posts] = await Promise.all([
                // expect: read users.id, read users.email
                prisma.user.findMany({ where: { id } }),
                // expect: read posts.id, read posts.title
                prisma.post.findMany({
                  where: { id },
                }),
              ]);
              const view = {
                // expect: read users.id, read users.email
                first: await prisma.user.findFirst(),
              };
              const titles =
                id > 0
                  // expect: read posts.title
                  ? await prisma.post.findMany({ select: { title: true } })
                  : [];
              return { users, posts, view, titles };
            }
            """)
        .doTest();
  }

  @Test
  void negative_aChainThatIsTheStatementsExpressionStaysAtTheStatementLine() {
    ExtractorTestHelper.create()
        .source("prisma/schema.prisma", PRISMA)
        .source(
            "src/list.ts",
            """
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();

            export async function list() {
              // expect: read users.email
              const {
                length,
              } = await prisma
                .user
                .findMany({ select: { email: true } });
              let rows;
              // expect: read posts.title
              rows =
                await prisma.post.findMany({ select: { title: true } });
              // expect: read users.id, read users.email
              return prisma.user
                .findMany();
            }
            """)
        .doTest();
  }

  @Test
  void positive_drizzleSupabaseAndKnexNestedCallsAreAtTheirOwnLine() {
    ExtractorTestHelper.create()
        .migration("V1__tables.sql", TABLES)
        .source(
            "src/db/schema.ts",
            """
            import { pgTable, serial, text } from 'drizzle-orm/pg-core';
            export const users = pgTable('users', { id: serial('id').primaryKey(), email: text('email') });
            """)
        .source(
            "src/db/stats.ts",
            """
            import { db } from './client';
            import { users } from './schema';
            import { createClient } from '@supabase/supabase-js';
            const knex = require('knex')({ client: 'pg' });
            const supabase = createClient(url, key);

            export async function stats() {
              return Promise.all([
                // expect: read users.email
                db.select({ email: users.email }).from(users),
                // expect: read posts.title
                supabase.from('posts').select('title'),
                // expect: read posts.id
                knex('posts').select('id'),
              ]);
            }
            """)
        .doTest();
  }
}
