package dev.blastradius.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runbooks (doc entry points) never block a contract and never count in the blast radius, but
 * {@code who} lists them and the contract verdict mentions them.
 */
class RunbookMentionsTest {

  @TempDir Path root;

  @BeforeEach
  void writeRepository() throws IOException {
    write(
        "db/migration/V1__users.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);\n");
    write(
        "docs/runbook.md",
        """
        # Runbook

        ## Export emails

        ```sql
        SELECT email FROM users;
        ```
        """);
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void positive_droppingAColumnARunbookReadsIsReadyButMentioned() throws IOException {
    write("proposed/V2__drop_email.sql", "ALTER TABLE users DROP COLUMN email;\n");
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            root.resolve("proposed").toString(),
            "--format",
            "markdown",
            "--output",
            "-",
            root.toString());
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out())
        .contains("Ready to contract")
        .contains("Mentioned in runbooks: docs/runbook.md:5");
  }

  @Test
  void negative_droppingAColumnNoRunbookUsesIsNotMentioned() throws IOException {
    write("proposed/V2__drop_nickname.sql", "ALTER TABLE users DROP COLUMN nickname;\n");
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            root.resolve("proposed").toString(),
            "--format",
            "markdown",
            "--output",
            "-",
            root.toString());
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out()).contains("Ready to contract").doesNotContain("Mentioned in runbooks");
  }

  @Test
  void positive_whoListsRunbooksOutsideTheBlastRadius() {
    Cli.Result result = Cli.run("who", "users.email", "--format", "json", root.toString());
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out())
        .contains("\"kind\": \"doc\"")
        .contains("docs/runbook.md § Export emails")
        .contains("\"entryPoints\": 0");
  }
}
