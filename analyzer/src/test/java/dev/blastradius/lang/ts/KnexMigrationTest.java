package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Knex schema migrations replayed into the catalog, in file-name order. */
class KnexMigrationTest {

  private static final String CREATE =
      """
      exports.up = async function (knex) {
        // expect: ddl users.id @migration, ddl users.email @migration, ddl users.full_name @migration, ddl users.created_at @migration, ddl users.updated_at @migration
        await knex.schema.createTable('users', (t) => {
          t.increments('id');
          t.string('email', 320).notNullable().unique();
          t.text('full_name');
          t.timestamps();
        });
      };
      exports.down = (knex) => knex.schema.dropTable('users');
      """;

  @Test
  void positive_migrationsReplayInNameOrderAndFeedTheCatalog() {
    ExtractorTestHelper.create()
        .source(
            "db/migrations/20240102090000_split_name.js",
            """
            exports.up = function (knex) {
              return knex.schema.alterTable('users', function (table) {
                // expect: ddl users.first_name @migration
                table.string('first_name');
                // expect: ddl users.full_name @migration
                table.dropColumn('full_name');
                // expect: ddl users.email @migration, ddl users.mail @migration
                table.renameColumn('email', 'mail');
              });
            };
            exports.down = function () {};
            """)
        .source("db/migrations/20240101090000_create_users.js", CREATE)
        .source(
            "src/users.js",
            """
            const knex = require('knex')({ client: 'pg' });
            async function all() {
              // expect: read users.id, read users.mail, read users.first_name, read users.created_at, read users.updated_at
              return knex('users');
            }
            module.exports = { all };
            """)
        .doTest();
  }

  @Test
  void positive_typescriptUpWithRawAndAlter() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "migrations/001_create_users.ts",
                CREATE
                    .replace("exports.up = async function", "export async function up")
                    .replace("};\nexports.down", "}\nexport const down"))
            .source(
                "migrations/002_counts.ts",
                """
                import { Knex } from 'knex';
                export async function up(knex: Knex): Promise<void> {
                  // expect: ddl users.logins @migration
                  await knex.raw('ALTER TABLE users ADD COLUMN logins int');
                  // expect: ddl users.logins @migration
                  await knex.schema.table('users', (t) => t.bigInteger('logins').notNullable().alter());
                }
                export async function down(): Promise<void> {}
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_computedNamesAreProblemsAndOtherMigrationsAreNotKnex() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "migrations/20240101_dynamic.js",
                """
                // expect: none
                const name = process.env.TABLE;
                exports.up = (knex) => knex.schema.createTable(name, (t) => t.text('a'));
                """)
            .source(
                "migrations/20240102-sequelize.js",
                """
                // expect: none
                module.exports = {
                  up: async (queryInterface) => queryInterface.removeColumn('users', 'email'),
                };
                """)
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("migrations/20240101_dynamic.js");
              assertThat(p.cause()).contains("computed table name");
            });
  }
}
