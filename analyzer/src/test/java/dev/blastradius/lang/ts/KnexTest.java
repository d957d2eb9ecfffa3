package dev.blastradius.lang.ts;

import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Knex query builder chains and knex.raw. */
class KnexTest {

  private static ExtractorTestHelper project() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__tables.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.name, ddl users.logins
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, logins int);
            -- expect: ddl posts.id, ddl posts.author_id, ddl posts.title
            CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint, title text);
            """)
        .source(
            "src/db.js",
            """
            // expect: none
            const knex = require('knex');
            module.exports = knex({ client: 'pg', connection: process.env.DATABASE_URL });
            """);
  }

  @Test
  void positive_readsWritesJoinsAndRaw() {
    project()
        .source(
            "src/users.js",
            """
            const knex = require('./db');

            async function byEmail(email) {
              // expect: read users.id, read users.name, read users.email
              return knex('users').select('id', 'name').where('email', email).first();
            }

            async function everything() {
              // expect: read users.id, read users.email, read users.name, read users.logins
              return knex('users').where({ id: 1 });
            }

            async function feed() {
              // expect: read posts.title, read users.name, read posts.author_id, read users.id
              return knex
                .select('p.title', 'u.name')
                .from('posts as p')
                .join('users as u', 'p.author_id', 'u.id')
                .orderBy('p.title');
            }

            async function signUp(email) {
              // expect: write users.email, write users.name, read users.id
              return knex('users').insert({ email, name: 'x' }).returning('id');
            }

            async function login(id) {
              // expect: write users.logins, read users.id
              await knex('users').where('id', id).increment('logins', 1);
              // expect: write users.name, read users.id
              await knex('users').update({ name: 'y' }).whereIn('id', [id]);
              // expect: write posts.*, read posts.author_id
              await knex('posts').where('author_id', id).del();
            }

            async function total() {
              // expect: read users.*
              return knex('users').count();
            }

            async function raw() {
              // expect: read users.email, read users.id
              return knex.raw('SELECT email FROM users WHERE id = ?', [1]);
            }

            module.exports = { byEmail, everything, feed, signUp, login, total, raw };
            """)
        .doTest();
  }

  @Test
  void positive_importedClientWithoutDatabaseWordsIsRead() {
    project()
        .source(
            "src/posts.js",
            """
            const db = require('./db');
            async function titles(author) {
              // expect: read posts.title, read posts.author_id
              return db('posts').where('author_id', author).pluck('title');
            }
            module.exports = { titles };
            """)
        .doTest();
  }

  @Test
  void negative_lookalikesAreNotKnexQueries() {
    project()
        .source(
            "src/ui.js",
            """
            // expect: none
            const $ = require('jquery');
            function show() {
              $('users').first();
              items.filter((x) => x).select('name');
              const db = new Map();
              return db.from('users');
            }
            module.exports = { show };
            """)
        .doTest();
  }
}
