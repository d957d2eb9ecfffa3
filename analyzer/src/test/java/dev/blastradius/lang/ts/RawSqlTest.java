package dev.blastradius.lang.ts;

import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** SQL sent by Node drivers, folded within the file and across files. */
class RawSqlTest {

  static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.name
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
            """);
  }

  @Test
  void positive_pgQueriesWithConstantsConcatenationAndConfigObjects() {
    withUsers()
        .source(
            "src/db/users.ts",
            """
            import { Pool } from 'pg';

            const pool = new Pool();
            const BY_ID = 'SELECT email FROM users ' + 'WHERE id = $1';
            const COLUMNS = ['name', 'email'].join(', ');

            export async function email(id: number) {
              // expect: read users.email, read users.id
              const { rows } = await pool.query(BY_ID, [id]);
              return rows[0];
            }

            export async function rename(id: number, name: string) {
              // expect: write users.name, read users.id
              await pool.query({
                text: `UPDATE users
                          SET name = $2
                        WHERE id = $1`,
                values: [id, name],
              });
            }

            export async function all() {
              // expect: read users.name, read users.email
              return pool.query(`SELECT ${COLUMNS} FROM users`);
            }
            """)
        .doTest();
  }

  @Test
  void positive_taggedTemplatesBindTheirSubstitutionsAsParameters() {
    withUsers()
        .source(
            "src/db/vercel.ts",
            """
            import { sql } from '@vercel/postgres';

            export async function byEmail(email: string) {
              // expect: read users.name, read users.email
              const { rows } = await sql`SELECT name FROM users WHERE email = ${email}`;
              return rows;
            }
            """)
        .source(
            "src/db/neon.js",
            """
            import { neon } from '@neondatabase/serverless';
            const sql = neon(process.env.DATABASE_URL);

            export async function touch(id) {
              const where = sql`WHERE id = ${id}`;
              // expect: write users.email, read users.email, read users.id
              await sql`UPDATE users SET email = lower(email) ${where}`;
            }
            """)
        .doTest();
  }

  @Test
  void positive_dynamicPartsMakeTheSqlPossible() {
    var result =
        withUsers()
            .source(
                "src/db/dynamic.ts",
                """
                import mysql from 'mysql2/promise';
                const db = await mysql.createConnection({});

                export async function pick(column: string) {
                  // expect: read users.id
                  return db.execute(`SELECT ${column} FROM users WHERE id = ?`, [1]);
                }
                """)
            .doTest();
    org.assertj.core.api.Assertions.assertThat(result.graph().accesses())
        .allSatisfy(
            a ->
                org.assertj.core.api.Assertions.assertThat(a.confidence().jsonName())
                    .isIn("possible", "certain"))
        .anySatisfy(
            a ->
                org.assertj.core.api.Assertions.assertThat(a.confidence().jsonName())
                    .isEqualTo("possible"));
  }

  @Test
  void positive_constantsOfOtherModulesAndAQueryHelper() {
    withUsers()
        .source(
            "src/lib/queries.ts",
            """
            export const USERS = 'users';
            export const SQL = { byId: 'SELECT name FROM users WHERE id = $1' };
            """)
        .source(
            "src/lib/db.ts",
            """
            import { Pool } from 'pg';
            const pool = new Pool();
            export function query(text: string, params?: unknown[]) {
              // expect: none
              return pool.query(text, params);
            }
            """)
        .source(
            "src/app.ts",
            """
            import { query } from './lib/db';
            import { SQL, USERS } from './lib/queries';

            export async function load(id: number) {
              // expect: read users.name, read users.id
              await query(SQL.byId, [id]);
              // expect: read users.email
              await query('SELECT email FROM ' + USERS);
            }
            """)
        .doTest();
  }

  @Test
  void positive_sqliteClientsTakeSqlInTheirCommonlyNamedMethods() {
    withUsers()
        .source(
            "scripts/report.js",
            """
            const Database = require('better-sqlite3');
            const db = new Database('app.db');
            // expect: read users.name
            const names = db.prepare('SELECT name FROM users').all();
            // expect: read users.email
            db.get('SELECT email FROM users');
            // expect: none
            names.get('SELECT id FROM users');
            """)
        .doTest();
  }

  @Test
  void negative_stringsThatAreNotSqlOrNotSentAreIgnored() {
    withUsers()
        .source(
            "src/ui/labels.ts",
            """
            import { Pool } from 'pg';
            const pool = new Pool();
            // expect: none
            const label = 'select a user';
            export function f(map: Map<string, string>) {
              // expect: none
              map.get('SELECT name FROM users');
              // expect: none
              console.log('UPDATE users SET name = 1');
              // expect: none
              return pool.query(label);
            }
            """)
        .doTest();
  }
}
