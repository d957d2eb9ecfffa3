package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import dev.blastradius.testing.ExtractorTestHelper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drizzle migrations whose journal says {@code sqlite} or {@code turso} accept SQLite's own
 * statements (PRAGMA, {@code INSERT OR …}, libSQL's {@code ALTER COLUMN c TO c …}); the same
 * statements elsewhere stay problems.
 */
class DrizzleSqliteTest {

  private static final String CREATE =
      """
      -- expect: ddl t.id @migration, ddl t.a @migration, ddl t.b @migration
      CREATE TABLE `t` (`id` integer PRIMARY KEY NOT NULL, `a` text, `b` integer);
      """;

  private static ExtractorTestHelper drizzle(String dialect, String second) {
    return ExtractorTestHelper.create()
        .source(
            "drizzle/meta/_journal.json",
            """
            {"version": "5", "dialect": "%s", "entries": [
              {"idx": 0, "tag": "0000_init"},
              {"idx": 1, "tag": "0001_change"}
            ]}
            """
                .formatted(dialect))
        .source("drizzle/0000_init.sql", CREATE)
        .source("drizzle/0001_change.sql", second);
  }

  @Test
  void positive_tableRebuildReplaysIntoTheNewTable() {
    AnalysisResult result =
        drizzle(
                "sqlite",
                """
                -- expect: none
                PRAGMA foreign_keys=OFF;--> statement-breakpoint
                -- expect: ddl __new_t.id @migration, ddl __new_t.a @migration, ddl __new_t.c @migration
                CREATE TABLE `__new_t` (`id` integer PRIMARY KEY NOT NULL, `a` text NOT NULL, `c` text);
                --> statement-breakpoint
                -- expect: write __new_t.id @migration, write __new_t.a @migration, read t.id @migration, read t.a @migration
                INSERT INTO `__new_t`("id", "a") SELECT "id", "a" FROM `t`;--> statement-breakpoint
                -- expect: ddl t.* @migration
                DROP TABLE `t`;--> statement-breakpoint
                -- expect: ddl __new_t.* @migration, ddl t.* @migration
                ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
                -- expect: none
                PRAGMA foreign_keys=ON;
                """)
            .source(
                "queries/q.sql",
                """
                -- expect: read t.id, read t.a, read t.c
                SELECT * FROM t;
                """)
            .doTest();

    assertThat(result.problems()).isEmpty();
    Catalog.Table table = result.catalog().table(new TableRef("public", "t")).orElseThrow();
    assertThat(table.columns()).extracting(Catalog.Column::name).containsExactly("id", "a", "c");
    assertThat(result.catalog().table(new TableRef("public", "__new_t"))).isEmpty();
  }

  @Test
  void positive_insertOrIgnoreWritesAndReadsLikeThePlainInsert() {
    AnalysisResult result =
        drizzle(
                "sqlite",
                """
                -- expect: write t.a @migration, write t.b @migration, read t.id @migration
                INSERT OR IGNORE INTO `t` (`a`, `b`) SELECT 'x', `id` FROM `t`;
                -- expect: write t.a @migration
                INSERT OR ABORT INTO t (a) VALUES ('y');
                """)
            .doTest();

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_insertOrReplaceAlsoDeletesConflictingRows() {
    AnalysisResult result =
        drizzle(
                "sqlite",
                """
                -- expect: write t.id @migration, write t.a @migration, write t.* @migration
                INSERT OR REPLACE INTO t (id, a) VALUES (1, 'x');
                """)
            .doTest();

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_libsqlAlterColumnToRedefinesTheColumn() {
    AnalysisResult result =
        drizzle(
                "turso",
                """
                -- expect: ddl t.b @migration
                ALTER TABLE `t` ALTER COLUMN "b" TO "b" integer NOT NULL DEFAULT 0;
                """)
            .doTest();

    assertThat(result.problems()).isEmpty();
    Catalog.Column b =
        result.catalog().table(new TableRef("public", "t")).orElseThrow().column("b").orElseThrow();
    assertThat(b.notNull()).isTrue();
    assertThat(b.defaultExpression()).isEqualTo("0");
  }

  @Test
  void negative_unknownPragmaStaysAProblem() {
    AnalysisResult result =
        drizzle(
                "sqlite",
                """
                -- expect: none
                PRAGMA writable_schema=ON;
                """)
            .doTest();

    assertThat(result.problems())
        .extracting(AnalysisProblem::cause)
        .containsExactly(
            "SQLite PRAGMA writable_schema is not known to leave the schema and its rows alone");
  }

  @Test
  void negative_sqliteSyntaxInAPostgresJournalStaysAProblem() {
    AnalysisResult result =
        drizzle(
                "postgresql",
                """
                -- expect: none
                PRAGMA foreign_keys=OFF;
                -- expect: none
                INSERT OR IGNORE INTO t (a) VALUES ('x');
                -- expect: none
                ALTER TABLE t ALTER COLUMN "b" TO "b" integer NOT NULL;
                """)
            .dialect(SqlDialect.POSTGRES)
            .doTest();

    assertThat(result.problems()).hasSize(3);
    assertThat(result.problems()).extracting(AnalysisProblem::line).containsExactly(2, 4, 6);
  }

  @Test
  void positive_configuredSqliteDirectoryIsReadAsSqlite() {
    SourceFile file = new SourceFile(Path.of("/repo/db/1_init.sql"), "db/1_init.sql", Language.SQL);
    List<MigrationScript> scripts =
        new ConfiguredLayout("sqlite", "db").discover(List.of(file), f -> "").scripts();

    assertThat(scripts).extracting(MigrationScript::format).containsExactly(ScriptFormat.SQLITE);
    assertThat(MigrationReader.read(scripts.get(0), "PRAGMA foreign_keys=ON;", null, false))
        .containsExactly(new MigrationStep.Sql("PRAGMA foreign_keys=ON;", null, 0, false, true));
  }

  @Test
  void negative_configuredPlainSqlDirectoryIsNot() {
    SourceFile file = new SourceFile(Path.of("/repo/db/1_init.sql"), "db/1_init.sql", Language.SQL);

    assertThat(new ConfiguredLayout("sql", "db").discover(List.of(file), f -> "").scripts())
        .extracting(MigrationScript::format)
        .containsExactly(ScriptFormat.SQL);
  }
}
