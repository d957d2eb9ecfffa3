package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.pipeline.Note;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Liquibase changelogs are found from their master and replayed in Liquibase's order: the query at
 * the end expands {@code *} to the right columns only if the order (and what is left out) is right.
 */
class LiquibaseLayoutTest {

  private static final String CHANGELOG = "src/main/resources/db/changelog/";

  private static final String QUERY =
      """
      -- expect: read t.a, read t.c
      SELECT * FROM t;
      """;

  private static final String CREATE_T =
      """
      databaseChangeLog:
        - changeSet:
            id: create
            author: test
            changes:
              # expect: ddl t.a @migration, ddl t.b @migration
              - createTable:
                  tableName: t
                  columns:
                    - column: {name: a, type: int}
                    - column: {name: b, type: int}
      """;

  private static final String SWAP_B_FOR_C =
      """
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
        <changeSet id="swap" author="test">
          <!-- expect: ddl t.b @migration -->
          <dropColumn tableName="t" columnName="b"/>
          <!-- expect: ddl t.c @migration -->
          <addColumn tableName="t"><column name="c" type="int"/></addColumn>
        </changeSet>
      </databaseChangeLog>
      """;

  @Test
  void positive_springBootDefaultMasterFollowsIncludesInOrder() {
    ExtractorTestHelper.create()
        .source(
            CHANGELOG + "db.changelog-master.yaml",
            """
            databaseChangeLog:
              - include:
                  file: db/changelog/changes/2-swap.xml
              - include:
                  file: changes/1-create.yaml
                  relativeToChangelogFile: true
            """)
        // Included second but applied first: include order wins over file names.
        .source(CHANGELOG + "changes/1-create.yaml", CREATE_T)
        .source(CHANGELOG + "changes/2-swap.xml", SWAP_B_FOR_C)
        .source("queries/q.sql", "-- expect: read t.a, read t.b\nSELECT * FROM t;\n")
        .doTest();
  }

  @Test
  void positive_includeAllIsAlphabeticalAndRecursive() {
    ExtractorTestHelper.create()
        .source(
            CHANGELOG + "db.changelog-master.xml",
            """
            <databaseChangeLog>
              <includeAll path="db/changelog/changes/"/>
            </databaseChangeLog>
            """)
        .source(CHANGELOG + "changes/a/001-create.yaml", CREATE_T)
        .source(CHANGELOG + "changes/b/001-swap.xml", SWAP_B_FOR_C)
        .source(CHANGELOG + "changes/README.txt", "not a changelog")
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void positive_springConfiguredChangeLogIsTheMaster() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "src/main/resources/application.yml",
                "spring:\n  liquibase:\n    change-log: classpath:/db/main.xml\n")
            .source(
                "src/main/resources/db/main.xml",
                """
                <databaseChangeLog>
                  <include file="db/parts/create.yaml"/>
                  <include file="parts/swap.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """)
            .source("src/main/resources/db/parts/create.yaml", CREATE_T)
            .source("src/main/resources/db/parts/swap.xml", SWAP_B_FOR_C)
            .source("queries/q.sql", QUERY)
            .doTest();
    assertThat(result.notes()).contains(new Note(".", "replayed 3 applied migrations (liquibase)"));
  }

  @Test
  void positive_withoutAMasterTheRootsRunInPathOrderWithANote() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source("db/1-create.yaml", CREATE_T)
            .source("db/2-swap.xml", SWAP_B_FOR_C)
            .source("queries/q.sql", QUERY)
            .doTest();
    assertThat(result.notes())
        .anySatisfy(
            n -> assertThat(n.message()).contains("replayed the 2 changelogs no other changelog"));
  }

  @Test
  void positive_aChangelogNoMasterIncludesStillCountsWithANote() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                CHANGELOG + "db.changelog-master.yaml",
                "databaseChangeLog:\n  - include:\n      file: db/changelog/1-create.yaml\n")
            .source(CHANGELOG + "1-create.yaml", CREATE_T)
            .source(CHANGELOG + "orphan/2-swap.xml", SWAP_B_FOR_C)
            .source("queries/q.sql", QUERY)
            .doTest();
    assertThat(result.notes())
        .contains(
            new Note(
                CHANGELOG + "orphan/2-swap.xml",
                "Liquibase changelog not included from the default master changelog: replayed"
                    + " after the master's changelogs, in path order"));
  }

  @Test
  void positive_rawSqlAndFormattedSqlIncludes() {
    ExtractorTestHelper.create()
        .source(
            CHANGELOG + "db.changelog-master.yaml",
            """
            databaseChangeLog:
              - include: {file: db/changelog/1-create.sql}
              - include: {file: db/changelog/2-swap.sql}
            """)
        .source(
            CHANGELOG + "1-create.sql",
            """
            -- A raw SQL changelog: the whole file is one change set.
            -- expect: ddl t.a @migration, ddl t.b @migration
            CREATE TABLE t (a int, b int);
            """)
        .source(
            CHANGELOG + "2-swap.sql",
            """
            --liquibase formatted sql

            --changeset test:swap
            -- expect: ddl t.b @migration, ddl t.c @migration
            ALTER TABLE t DROP COLUMN b, ADD COLUMN c int;
            --rollback ALTER TABLE t DROP COLUMN c, ADD COLUMN b int;
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void positive_sqlFileTargetsAreReplayedAtTheirOwnLinesNotReadAsCode() {
    ExtractorTestHelper.create()
        .source(
            CHANGELOG + "db.changelog-master.xml",
            """
            <databaseChangeLog>
              <changeSet id="1" author="test">
                <sqlFile path="sql/create.sql" relativeToChangelogFile="true"/>
              </changeSet>
              <changeSet id="2" author="test">
                <sqlFile path="db/changelog/sql/swap.sql"/>
              </changeSet>
            </databaseChangeLog>
            """)
        .source(
            CHANGELOG + "sql/create.sql",
            """
            -- expect: ddl t.a @migration, ddl t.b @migration
            CREATE TABLE t (a int, b int);
            """)
        .source(
            CHANGELOG + "sql/swap.sql",
            """

            -- expect: ddl t.b @migration
            ALTER TABLE t DROP COLUMN b;
            -- expect: ddl t.c @migration
            ALTER TABLE t ADD COLUMN c int;
            """)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void negative_eachChangelogIsReplayedOnceEvenWhenIncludedTwice() {
    ExtractorTestHelper.create()
        .source(
            CHANGELOG + "db.changelog-master.yaml",
            """
            databaseChangeLog:
              - include: {file: db/changelog/1-create.yaml}
              - include: {file: db/changelog/2-swap.xml}
              - include: {file: db/changelog/1-create.yaml}
            """)
        .source(CHANGELOG + "1-create.yaml", CREATE_T)
        .source(CHANGELOG + "2-swap.xml", SWAP_B_FOR_C)
        .source("queries/q.sql", QUERY)
        .doTest();
  }

  @Test
  void negative_aMissingIncludeIsAProblemWithItsLine() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                CHANGELOG + "db.changelog-master.yaml",
                """
                databaseChangeLog:
                  - include: {file: db/changelog/1-create.yaml}
                  - include: {file: db/changelog/missing.yaml}
                """)
            .source(CHANGELOG + "1-create.yaml", CREATE_T)
            .source("queries/q.sql", "-- expect: read t.a, read t.b\nSELECT * FROM t;\n")
            .doTest();
    assertThat(result.problems())
        .containsExactly(
            new AnalysisProblem(
                CHANGELOG + "db.changelog-master.yaml",
                "replay",
                "include 'db/changelog/missing.yaml': no such file, not replayed",
                3));
  }

  @Test
  void negative_aChangelogThatDoesNotParseIsAProblemNotSilence() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(CHANGELOG + "1-create.yaml", CREATE_T)
            .source(
                CHANGELOG + "2-broken.xml",
                "<databaseChangeLog>\n  <changeSet id=\"1\" author=\"x\">\n</databaseChangeLog>\n")
            .source("queries/q.sql", "-- expect: read t.a, read t.b\nSELECT * FROM t;\n")
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo(CHANGELOG + "2-broken.xml");
              assertThat(p.cause()).startsWith("not well-formed XML at line 3");
            });
  }

  @Test
  void negative_anIncludedFileThatIsNoChangelogIsAProblem() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                CHANGELOG + "db.changelog-master.yaml",
                """
                databaseChangeLog:
                  - include: {file: db/changelog/1-create.yaml}
                  - include: {file: db/changelog/settings.yaml}
                """)
            .source(CHANGELOG + "1-create.yaml", CREATE_T)
            .source(CHANGELOG + "settings.yaml", "retries: 3\n")
            .source("queries/q.sql", "-- expect: read t.a, read t.b\nSELECT * FROM t;\n")
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::cause)
        .containsExactly(
            "included file " + CHANGELOG + "settings.yaml is not a Liquibase changelog");
  }

  @Test
  void negative_anIncludeThatCannotBeAPathIsAProblemNotACrash() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                CHANGELOG + "db.changelog-master.yaml",
                """
                databaseChangeLog:
                  - include: {file: db/changelog/1-create.yaml}
                  - include: {file: "bad\\0name.yaml"}
                """)
            .source(CHANGELOG + "1-create.yaml", CREATE_T)
            .source("queries/q.sql", "-- expect: read t.a, read t.b\nSELECT * FROM t;\n")
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::line, AnalysisProblem::cause)
        .containsExactly(tuple(3, "include 'bad\u0000name.yaml': no such file, not replayed"));
  }

  @Test
  void negative_circularIncludesAreReplayedOnceWithANote() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source("db/a.yaml", CREATE_T + "  - include: {file: db/b.xml}\n")
            .source(
                "db/b.xml",
                SWAP_B_FOR_C.replace(
                    "<changeSet id=\"swap\"",
                    "<include file=\"db/a.yaml\"/>\n  <changeSet id=\"swap\""))
            .source("queries/q.sql", "-- expect: read t.a, read t.c\nSELECT * FROM t;\n")
            .doTest();
    // Neither is a root; the first in path order starts the walk and reaches the other.
    assertThat(result.notes())
        .contains(
            new Note(
                "db/a.yaml",
                "Liquibase changelog only included through circular includes: replayed after the"
                    + " others, in path order"))
        .extracting(Note::path)
        .doesNotContain("db/b.xml");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_changeSetsAfterAnIncludeAreNoted() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                CHANGELOG + "db.changelog-master.xml",
                """
                <databaseChangeLog>
                  <changeSet id="1" author="test">
                    <!-- expect: ddl t.a @migration, ddl t.b @migration -->
                    <createTable tableName="t"><column name="a" type="int"/><column name="b" type="int"/></createTable>
                  </changeSet>
                  <include file="db/changelog/add-c.yaml"/>
                  <changeSet id="3" author="test">
                    <!-- expect: ddl t.b @migration -->
                    <dropColumn tableName="t" columnName="b"/>
                  </changeSet>
                </databaseChangeLog>
                """)
            .source(
                CHANGELOG + "add-c.yaml",
                """
                databaseChangeLog:
                  - changeSet:
                      id: 2
                      author: test
                      changes:
                        # expect: ddl t.c @migration
                        - addColumn: {tableName: t, columns: [{column: {name: c, type: int}}]}
                """)
            .source("queries/q.sql", QUERY)
            .doTest();
    assertThat(result.notes())
        .contains(
            new Note(
                CHANGELOG + "db.changelog-master.xml",
                "change sets after an include (line 7) are replayed with the rest of the file,"
                    + " before the included changelogs"));
  }
}
