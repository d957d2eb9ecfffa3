package dev.blastradius.lang.ts;

import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Drizzle: table mappings in another file, the query builder, the relational API, sql``. */
class DrizzleTest {

  private static final String SCHEMA =
      """
      import { pgTable, serial, text, integer, timestamp, boolean } from 'drizzle-orm/pg-core';
      import { relations } from 'drizzle-orm';

      export const users = pgTable('users', {
        id: serial('id').primaryKey(),
        firstName: text('first_name').notNull(),
        email: text('email'),
        updatedAt: timestamp('updated_at').$onUpdate(() => new Date()),
      });

      export const posts = pgTable('posts', {
        id: serial('id').primaryKey(),
        authorId: integer('author_id').references(() => users.id),
        title: text('title'),
        published: boolean('published').$defaultFn(() => false),
      });

      export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
      """;

  private static ExtractorTestHelper project() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__tables.sql",
            """
            -- expect: ddl users.id, ddl users.first_name, ddl users.email, ddl users.updated_at
            CREATE TABLE users (id serial PRIMARY KEY, first_name text NOT NULL, email text, updated_at timestamptz);
            -- expect: ddl posts.id, ddl posts.author_id, ddl posts.title, ddl posts.published
            CREATE TABLE posts (id serial PRIMARY KEY, author_id int, title text, published boolean);
            """)
        .source("src/db/schema.ts", SCHEMA);
  }

  @Test
  void positive_queryBuilderReadsAndWrites() {
    project()
        .source(
            "src/db/queries.ts",
            """
            import { and, desc, eq, sql } from 'drizzle-orm';
            import { db } from './client';
            import { posts, users } from './schema';

            export async function feed(author: number) {
              // expect: read posts.title, read users.first_name, read posts.author_id, read users.id, read posts.published, read posts.id
              return db
                .select({ title: posts.title, author: users.firstName })
                .from(posts)
                .innerJoin(users, eq(posts.authorId, users.id))
                .where(and(eq(posts.published, true), sql`${posts.id} > ${author}`))
                .orderBy(desc(posts.id));
            }

            export async function everything() {
              // expect: read users.id, read users.first_name, read users.email, read users.updated_at
              return db.select().from(users);
            }

            export async function signUp(firstName: string) {
              // expect: write users.first_name, read users.id
              return db.insert(users).values({ firstName }).returning({ id: users.id });
            }

            export async function post(authorId: number) {
              // expect: write posts.author_id, write posts.title, write posts.published
              await db.insert(posts).values([{ authorId, title: 'x' }]);
            }

            export async function rename(id: number, email: string) {
              // expect: write users.email, write users.updated_at, read users.id
              await db.update(users).set({ email }).where(eq(users.id, id));
              // expect: write posts.*, read posts.author_id
              await db.delete(posts).where(eq(posts.authorId, id));
            }

            export async function stats() {
              // expect: read users.email, read users.first_name
              return db.execute(sql`SELECT ${users.email} FROM ${users} WHERE ${users.firstName} IS NOT NULL`);
            }
            """)
        .doTest();
  }

  @Test
  void positive_relationalQueries() {
    project()
        .source(
            "src/db/relational.ts",
            """
            import { db } from './client';
            export async function withPosts(id: number) {
              // expect: read users.first_name, read users.id, read posts.id, read posts.author_id, read posts.title, read posts.published
              return db.query.users.findFirst({
                columns: { firstName: true },
                where: (u, { eq }) => eq(u.id, id),
                with: { posts: true },
              });
            }
            """)
        .doTest();
  }

  @Test
  void negative_lookalikesAreNotDrizzleQueries() {
    project()
        .source(
            "src/cache.ts",
            """
            import { users } from './db/schema';
            const seen = new Map<string, number>();
            export function forget(key: string, set: Set<string>) {
              // expect: none
              seen.delete(key);
              // expect: none
              set.delete(key);
              return users;
            }
            """)
        .doTest();
  }
}
