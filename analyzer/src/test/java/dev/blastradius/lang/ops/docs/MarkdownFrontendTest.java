package dev.blastradius.lang.ops.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Runbooks: SQL code blocks in Markdown and .sql files under docs/ are doc entry points. */
class MarkdownFrontendTest {

  static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.active
            CREATE TABLE users (id bigint PRIMARY KEY, email text, active boolean);
            """);
  }

  @Test
  void positive_sqlBlocksNamedByTheirHeading() {
    AnalysisResult result =
        withUsers()
            .source(
                "docs/runbooks/support.md",
                """
                # Support runbook

                ## Find a user by email

                Run this in a read replica:

                <!-- expect: read users.id @doc, read users.email @doc -->
                ```sql
                SELECT id FROM users WHERE email = 'someone@example.com';
                ```

                ## Deactivate

                - Steps:

                  <!-- expect: write users.active @doc, read users.id @doc -->
                  ```psql
                  \\timing on
                  UPDATE users SET active = false WHERE id = 42;
                  ```
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().endsWith("support.md"))
        .flatMap(Access::entryPoints)
        .extracting(EntryPoint::name)
        .containsOnly(
            "docs/runbooks/support.md § Find a user by email",
            "docs/runbooks/support.md § Deactivate");
    assertThat(
            result
                .graph()
                .blastRadius(
                    result.graph().accesses().stream()
                        .filter(a -> a.location().path().endsWith("support.md"))
                        .findFirst()
                        .orElseThrow()
                        .column())
                .entryPoints())
        .isZero();
  }

  @Test
  void positive_sqlFilesUnderDocs() {
    withUsers()
        .source(
            "docs/queries/cleanup.sql",
            """
            -- expect: write users.* @doc, read users.active @doc
            DELETE FROM users WHERE NOT active;
            """)
        .doTest();
  }

  @Test
  void negative_otherBlocksAndSketches() {
    AnalysisResult result =
        withUsers()
            .source(
                "README.md",
                """
                # Readme
                <!-- expect: none -->
                ```python
                cursor.execute("SELECT email FROM users")
                ```
                <!-- expect: none -->
                ```
                SELECT email FROM users
                ```
                <!-- expect: none -->
                    SELECT email FROM users

                <!-- expect: none -->
                ```sql
                ALTER TABLE users DROP COLUMN email;
                ```
                <!-- expect: none -->
                ```sql
                select from where users ((
                ```
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.notes()).anySatisfy(n -> assertThat(n.toString()).contains("was not read"));
  }
}
