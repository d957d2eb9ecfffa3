package dev.blastradius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.JsonSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never crashes a run and is never silent: every unreadable file or statement is a
 * problem in text, JSON and SARIF, and turns a clean run into exit code 5.
 */
class BadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @BeforeEach
  void writeRepository() throws IOException {
    write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint, name text);\n");
    write(
        "queries/broken.sql",
        "SELECT 1;\nSELEC name FROM users;\nSELECT 'never closed;\nSELECT name FROM users;\n");
    write("queries/ok.sql", "SELECT name FROM users;\n");
    write("src/Broken.java", "class Broken { void m() { int x = ; }\n");
    Files.createDirectories(root.resolve("src"));
    Files.write(
        root.resolve("src/Latin1.java"),
        "class Latin1 { String s = \"caf\u00e9\"; }\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void scanCompletesReportsEveryProblemAndExitsFive() throws IOException {
    Path out = root.resolve("out");
    Cli.Result result =
        Cli.run("scan", "--format", "text,json,sarif", "--output", out + "/", root.toString());
    assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
    assertThat(result.out())
        .contains("Not analysed — results may be incomplete:")
        .contains("queries/broken.sql:2: extract: cannot parse SQL statement")
        .contains("queries/broken.sql:3: extract: unterminated string literal starting at line 3")
        .contains("src/Broken.java:1: extract: Java syntax error")
        .contains("src/Latin1.java:1: extract: invalid UTF-8");

    String json = Files.readString(out.resolve("report.json"));
    JsonSchemas.assertValid(json, JsonSchemas.REPORT);
    JsonNode report = JSON.readTree(json);
    assertThat(report.path("problems").findValuesAsText("path").stream().distinct())
        .containsExactly("queries/broken.sql", "src/Broken.java", "src/Latin1.java");
    assertThat(report.path("coverage").path("sqlUnanalysed").asInt()).isEqualTo(2);
    assertThat(report.path("coverage").path("filesWithProblems").asInt()).isEqualTo(3);
    // The rest of each broken file is still analysed.
    assertThat(report.path("columns").findValuesAsText("path"))
        .contains("queries/broken.sql", "queries/ok.sql");

    String sarif = Files.readString(out.resolve("report.sarif"));
    JsonSchemas.assertValid(sarif, JsonSchemas.SARIF);
    List<String> notifications =
        JSON.readTree(sarif)
            .path("runs")
            .get(0)
            .path("invocations")
            .get(0)
            .path("toolExecutionNotifications")
            .findValuesAsText("text");
    assertThat(notifications)
        .hasSize(report.path("problems").size())
        .allSatisfy(t -> assertThat(t).startsWith("Not analysed"));
  }

  @Test
  void findingsStillWinOverProblems() throws IOException {
    write("proposed/V2__drop.sql", "ALTER TABLE users DROP COLUMN name;\n");
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            root.resolve("proposed").toString(),
            "--exclude",
            "proposed/**",
            root.toString());
    assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
    assertThat(result.out()).contains("error[drop-column-still-read]").contains("Not analysed");
  }

  @Test
  void anUnparseableProposedMigrationIsAProblemNotASafeVerdict() throws IOException {
    write("proposed/V2__bad.sql", "ALTER TABLE users DROP COLUM name;\n");
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            root.resolve("proposed").toString(),
            "--quiet",
            root.toString());
    assertThat(result.exitCode()).isEqualTo(5);
  }
}
