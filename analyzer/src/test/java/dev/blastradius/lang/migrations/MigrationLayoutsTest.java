package dev.blastradius.lang.migrations;

import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Each migration tool's layout is found and replayed in the tool's order: the query at the end only
 * expands {@code *} to the right columns if the order (and what is skipped) is right.
 */
class MigrationLayoutsTest {

  private static final String QUERY =
      """
      -- expect: read t.a, read t.c
      SELECT * FROM t;
      """;

  @Test
  void positive_prismaDirectoriesInTimestampOrder() {
    ExtractorTestHelper.create()
        .source(
            "prisma/migrations/20240202000000_swap/migration.sql",
            """
            -- expect: ddl t.b @migration, ddl t.c @migration
            ALTER TABLE t DROP COLUMN b, ADD COLUMN c int;
            """)
        .source(
            "prisma/migrations/20240101000000_init/migration.sql",
            """
            -- expect: ddl t.a @migration, ddl t.b @migration
            CREATE TABLE t (a int, b int);
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void positive_supabaseTimestampedFiles() {
    ExtractorTestHelper.create()
        .source(
            "supabase/migrations/20240101000000_init.sql",
            """
            -- expect: ddl t.a @migration, ddl t.b @migration
            CREATE TABLE t (a int, b int);
            """)
        .source(
            "supabase/migrations/20240301000000_swap.sql",
            """
            -- expect: ddl t.b @migration, ddl t.c @migration
            ALTER TABLE t DROP COLUMN b, ADD COLUMN c int;
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void positive_drizzleFollowsItsJournalNotFileNames() {
    ExtractorTestHelper.create()
        .source(
            "drizzle/meta/_journal.json",
            """
            {"version": "7", "dialect": "postgresql", "entries": [
              {"idx": 0, "tag": "0001_create"},
              {"idx": 1, "tag": "0000_swap"}
            ]}
            """)
        .source(
            "drizzle/0001_create.sql",
            """
            -- expect: ddl t.a @migration, ddl t.b @migration
            CREATE TABLE t (a int, b int);
            """)
        .source(
            "drizzle/0000_swap.sql",
            """
            -- expect: ddl t.b @migration, ddl t.c @migration
            ALTER TABLE t DROP COLUMN b, ADD COLUMN c int;
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void positive_golangMigrateReplaysUpFilesOnly() {
    ExtractorTestHelper.create()
        .source(
            "migrations/000001_init.up.sql",
            """
            -- expect: ddl t.a @migration, ddl t.b @migration
            CREATE TABLE t (a int, b int);
            """)
        .source(
            "migrations/000002_swap.up.sql",
            """
            -- expect: ddl t.b @migration, ddl t.c @migration
            ALTER TABLE t DROP COLUMN b, ADD COLUMN c int;
            """)
        .source(
            "migrations/000002_swap.down.sql",
            """
            -- expect: none
            ALTER TABLE t DROP COLUMN c, ADD COLUMN b int;
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void positive_dbmateReplaysTheUpSectionOnly() {
    ExtractorTestHelper.create()
        .source(
            "db/migrations/20240101000000_init.sql",
            """
            -- migrate:up
            -- expect: ddl t.a @migration, ddl t.b @migration, ddl t.c @migration
            CREATE TABLE t (a int, b int, c int);
            -- expect: ddl t.b @migration
            ALTER TABLE t DROP COLUMN b;

            -- migrate:down
            -- expect: none
            DROP TABLE t;
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void positive_flywayLocationsFromSpringConfiguration() {
    ExtractorTestHelper.create()
        .source(
            "src/main/resources/application.properties",
            "spring.flyway.locations=classpath:db/changes,filesystem:sql/extra\n")
        .source(
            "src/main/resources/db/changes/V1__init.sql",
            """
            -- expect: ddl t.a @migration, ddl t.b @migration
            CREATE TABLE t (a int, b int);
            """)
        .source(
            "sql/extra/V2__swap.sql",
            """
            -- expect: ddl t.b @migration, ddl t.c @migration
            ALTER TABLE t DROP COLUMN b, ADD COLUMN c int;
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void negative_filesOutsideAnyLayoutAreOrdinarySql() {
    ExtractorTestHelper.create()
        .source(
            "sql/V1__not_a_migration_here.sql",
            """
            -- expect: ddl t.a @none
            CREATE TABLE t (a int);
            """)
        .source(
            "queries/q.sql",
            """
            -- expect: read t.*
            SELECT * FROM t;
            """)
        .doTest();
  }
}
