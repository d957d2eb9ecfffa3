package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
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
 * YAML and JSON changelogs: the same change types as XML, read with Jackson's streaming parser so
 * each change keeps its key's line. JSON cannot hold comments, so its markers live in a {@code
 * .expect} sidecar (DESIGN §8).
 */
class LiquibaseYamlJsonTest {

  private static final String MASTER = "src/main/resources/db/changelog/db.changelog-master.yaml";

  @Test
  void positive_yamlChangesAtTheirKeysLine() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                MASTER,
                """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: test
                      changes:
                        # expect: ddl users.id @migration, ddl users.full_name @migration
                        - createTable:
                            tableName: users
                            columns:
                              - column:
                                  name: id
                                  type: bigint
                                  constraints: {primaryKey: true, nullable: false}
                              - column: {name: full_name, type: text}
                        # expect: ddl orders.id @migration, ddl orders.user_id @migration, ddl orders.total @migration
                        - addColumn:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint, autoIncrement: true}
                              - column:
                                  name: user_id
                                  type: bigint
                                  constraints:
                                    references: users(id)
                                    foreignKeyName: orders_user_fk
                                    validateForeignKey: false
                              - column:
                                  name: total
                                  type: numeric(12, 2)
                                  defaultValueNumeric: 0
                                  constraints: {checkConstraint: total >= 0}
                        # expect: ddl users.full_name @migration
                        - createIndex:
                            tableName: users
                            indexName: users_name_idx
                            columns:
                              - column: {name: full_name}
                  - changeSet:
                      id: 2
                      author: test
                      changes:
                        # expect: ddl users.first_name @migration
                        - addColumn:
                            tableName: users
                            columns:
                              # Liquibase fills the column with an UPDATE, located at the column.
                              # expect: write users.first_name @migration, read users.full_name @migration
                              - column: {name: first_name, type: text, valueComputed: "split_part(full_name, ' ', 1)"}
                        # expect: ddl users.first_name @migration, ddl users.full_name @migration, ddl users.display_name @migration, write users.display_name @migration, read users.first_name @migration, read users.full_name @migration
                        - mergeColumns:
                            tableName: users
                            column1Name: first_name
                            column2Name: full_name
                            finalColumnName: display_name
                            finalColumnType: text
                            joinString: " "
                        - sql:
                            # expect: write users.display_name @migration
                            sql: UPDATE users SET display_name = 'x'
                """)
            .source(
                "queries/q.sql",
                """
                -- expect: read users.id, read users.display_name
                SELECT * FROM users;
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    Catalog.Table orders = result.catalog().table(new TableRef("public", "orders")).orElseThrow();
    assertThat(orders.columns())
        .containsExactly(
            new Catalog.Column("id", "bigint", true, "generated by default as identity"),
            new Catalog.Column("user_id", "bigint", false, null),
            new Catalog.Column("total", "numeric(12, 2)", false, "0"));
  }

  @Test
  void positive_sqlInALiteralBlockKeepsItsLinesAndAFoldedOneItsFirstLine() {
    // Markers cannot sit inside a literal block (they would be SQL), so this changelog has none
    // and the lines are checked directly.
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                MASTER,
                """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: test
                      changes:
                        - sql:
                            sql: |
                              CREATE TABLE t (a int, b int);

                              UPDATE t
                                 SET a = b;
                        - sql: >
                            DELETE FROM t
                            WHERE b IS NULL;
                """)
            .source("queries/q.sql", "-- expect: read t.a, read t.b\nSELECT * FROM t;\n")
            .doTest();
    assertThat(linesOf(result, AccessKind.DDL, "a")).containsExactly(8);
    assertThat(linesOf(result, AccessKind.WRITE, "a")).containsExactly(10);
    assertThat(linesOf(result, AccessKind.WRITE, "*")).containsExactly(13);
  }

  @Test
  void positive_inlineConstraintsOfAddColumnAreConstraintChanges() {
    List<AddConstraint> constraints =
        readYaml(
                """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: test
                      changes:
                        - addColumn:
                            tableName: orders
                            columns:
                              - column:
                                  name: user_id
                                  type: bigint
                                  constraints:
                                    references: users(id)
                                    foreignKeyName: orders_user_fk
                                    validateForeignKey: false
                                    unique: true
                """)
            .stream()
            .filter(s -> s instanceof MigrationStep.Change c && c.change() instanceof AddConstraint)
            .map(s -> (AddConstraint) ((MigrationStep.Change) s).change())
            .toList();
    TableRef orders = new TableRef("public", "orders");
    assertThat(constraints)
        .containsExactly(
            new AddConstraint(
                orders,
                null,
                ConstraintKind.UNIQUE,
                List.of("user_id"),
                null,
                List.of(),
                null,
                false,
                null),
            new AddConstraint(
                orders,
                "orders_user_fk",
                ConstraintKind.FOREIGN_KEY,
                List.of("user_id"),
                new TableRef("public", "users"),
                List.of("id"),
                null,
                true,
                null));
  }

  @Test
  void positive_quoteAllObjectsKeepsTheCaseOfNames() {
    List<MigrationStep> steps =
        readYaml(
            """
            databaseChangeLog:
              - changeSet:
                  id: 1
                  author: test
                  objectQuotingStrategy: QUOTE_ALL_OBJECTS
                  changes:
                    - dropColumn: {tableName: Users, columnName: eMail}
              - changeSet:
                  id: 2
                  author: test
                  changes:
                    - dropColumn: {tableName: Users, columnName: eMail}
            """);
    assertThat(steps)
        .extracting(s -> ((MigrationStep.Change) s).change().describe())
        .containsExactly("drop column Users.eMail", "drop column users.email");
  }

  @Test
  void positive_jsonChangesWithASidecar() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "src/main/resources/db/changelog/db.changelog-master.json",
                """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "1", "author": "test", "changes": [
                    {"createTable": {"tableName": "users", "columns": [
                      {"column": {"name": "id", "type": "bigint"}},
                      {"column": {"name": "name", "type": "text"}}]}},
                    {"addColumn": {"tableName": "users", "columns": [
                      {"column": {"name": "email", "type": "text",
                                  "constraints": {"nullable": false}}}]}},
                    {"sql": {"sql": "UPDATE users\\nSET email = name;"}},
                    {"dropColumn": {"tableName": "users", "columnName": "name"}}
                  ]}}
                ]}
                """)
            .source(
                "src/main/resources/db/changelog/db.changelog-master.json.expect",
                """
                # the createTable key, the addColumn key, the sql string (its lines are not the
                # file's: every statement is reported where the string starts), the dropColumn key
                3: ddl users.id @migration, ddl users.name @migration
                6: ddl users.email @migration
                9: write users.email @migration, read users.name @migration
                10: ddl users.name @migration
                """)
            .source(
                "queries/q.sql",
                """
                -- expect: read users.id, read users.email
                SELECT * FROM users;
                """)
            .doTest();
    assertThat(result.catalog().table(new TableRef("public", "users")).orElseThrow().columns())
        .contains(new Catalog.Column("email", "text", true, null));
  }

  @Test
  void negative_anIncludeInAProposedChangelogIsAProblemNotSilence() {
    List<MigrationStep> steps =
        LiquibaseReader.read(
            script(ScriptFormat.LIQUIBASE_YAML),
            "databaseChangeLog:\n  - include: {file: other.yaml}\n",
            new Identifiers(SqlDialect.POSTGRES),
            true);
    assertThat(steps)
        .containsExactly(
            new MigrationStep.NotReplayed(
                2,
                "include at line 2 in a proposed changelog is not followed: pass the included"
                    + " changelogs with --migration"));
  }

  @Test
  void negative_malformedYamlAndJsonAreProblems() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(MASTER, "databaseChangeLog:\n  - include: {file: db/changelog/a.json}\n")
            .source("src/main/resources/db/changelog/a.json", "{\"databaseChangeLog\": [\n  {,\n]}")
            .source(
                "src/main/resources/db/changelog/b.yaml", "databaseChangeLog:\n  - changeSet: [\n")
            .source("src/main/resources/db/changelog/c.yaml", "databaseChangeLog: {a: 1}\n")
            .source("queries/q.sql", "-- expect: none\nSELECT 1;\n")
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::path, p -> p.cause().substring(0, 28))
        .containsExactly(
            tuple("src/main/resources/db/changelog/a.json", "not well-formed JSON at line"),
            tuple("src/main/resources/db/changelog/b.yaml", "not well-formed YAML at line"),
            tuple("src/main/resources/db/changelog/c.yaml", "not a Liquibase changelog: d"));
  }

  private static List<Integer> linesOf(AnalysisResult result, AccessKind kind, String column) {
    return result.graph().accesses().stream()
        .filter(a -> a.kind() == kind && a.column().column().equals(column))
        .filter(a -> a.location().path().equals(MASTER))
        .map(Access::location)
        .map(l -> l.startLine())
        .toList();
  }

  private static List<MigrationStep> readYaml(String yaml) {
    return LiquibaseReader.read(
        script(ScriptFormat.LIQUIBASE_YAML), yaml, new Identifiers(SqlDialect.POSTGRES), false);
  }

  private static MigrationScript script(ScriptFormat format) {
    SourceFile file =
        new SourceFile(Path.of("/nonexistent/changelog.yaml"), "changelog.yaml", Language.YAML);
    return new MigrationScript(file, LiquibaseLayout.TOOL, "", List.of(), "changelog", format);
  }
}
