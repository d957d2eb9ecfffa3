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
 * The verdict and the "no findings" line say what was judged: a change that removes or renames is
 * the contract step ("ready to contract"), any other change is "safe to apply".
 */
class VerdictWordingTest {

  @TempDir Path root;

  @BeforeEach
  void writeRepository() throws IOException {
    write(
        "db/migration/V1__users.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, nickname text);\n");
    write("src/report.sql", "SELECT id, email FROM users;\n");
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private Cli.Result check(String format) {
    return Cli.run(
        "check",
        "--migration",
        root.resolve("proposed").toString(),
        "--format",
        format,
        "--output",
        "-",
        root.toString());
  }

  @Test
  void positive_anExpandChangeIsSafeToApplyNotReadyToContract() throws IOException {
    write(
        "proposed/V2__add_age.sql",
        "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN age bigint;\n");
    Cli.Result markdown = check("markdown");
    assertThat(markdown.exitCode()).as("%s", markdown).isZero();
    assertThat(markdown.out())
        .contains("Safe to apply")
        .contains("no rule found code in the scan, or a lock, that these changes would break.")
        .doesNotContain("contract")
        .doesNotContain("remove or rename");
    Cli.Result text = check("text");
    assertThat(text.out())
        .contains(
            "No findings: no rule found code in the scan, or a lock, that these changes would"
                + " break.")
        .doesNotContain("remove or rename");
  }

  @Test
  void negative_aDropIsStillJudgedAsTheContractStep() throws IOException {
    write(
        "proposed/V2__drop_nickname.sql",
        "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN nickname;\n");
    Cli.Result markdown = check("markdown");
    assertThat(markdown.exitCode()).as("%s", markdown).isZero();
    assertThat(markdown.out())
        .contains("Ready to contract")
        .contains("no code in the scan reads or writes what these changes remove or rename.")
        .doesNotContain("Safe to apply");
    assertThat(check("text").out())
        .contains(
            "No findings: no code in the scan reads or writes what these changes remove or"
                + " rename.");
  }

  @Test
  void positive_anExpandChangeWithAnErrorIsNotSafeToApply() throws IOException {
    write("proposed/V2__index.sql", "CREATE INDEX users_email ON users (email);\n");
    Cli.Result markdown = check("markdown");
    assertThat(markdown.out()).as("%s", markdown).contains("Not safe to apply");
    assertThat(markdown.out()).doesNotContain("ready to contract");
  }
}
