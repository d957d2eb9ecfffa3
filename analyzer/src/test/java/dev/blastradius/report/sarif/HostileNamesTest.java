package dev.blastradius.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.JsonSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile file, table and column names must not break SARIF or JSON. */
class HostileNamesTest {

  @TempDir Path root;

  @Test
  void urisAreEncodedAndMessagesEscaped() throws IOException {
    String table = "\"t]</script>\"";
    String column = "\"c[1](2)\u202e\"";
    Path migrations = root.resolve("db/migration");
    Files.createDirectories(migrations);
    Files.writeString(
        migrations.resolve("V1__t.sql"), "CREATE TABLE " + table + " (" + column + " text);\n");
    Path odd = root.resolve("src/we ird#dir%/caf\u00e9 [1]");
    Files.createDirectories(odd);
    Files.writeString(
        odd.resolve("q.sql"),
        "SELECT " + column + " FROM " + table + ";\n",
        StandardCharsets.UTF_8);
    Path proposed = root.resolve("proposed/V2__drop.sql");
    Files.createDirectories(proposed.getParent());
    Files.writeString(proposed, "ALTER TABLE " + table + " DROP COLUMN " + column + ";\n");

    Path out = root.resolve("out");
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            proposed.toString(),
            "--format",
            "json,sarif",
            "--output",
            out + "/",
            root.toString());
    assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
    String sarif = Files.readString(out.resolve("report.sarif"));
    JsonSchemas.assertValid(sarif, JsonSchemas.SARIF);
    JsonSchemas.assertValid(Files.readString(out.resolve("report.json")), JsonSchemas.REPORT);

    JsonNode run = new ObjectMapper().readTree(sarif).path("runs").get(0);
    JsonNode finding = run.path("results").get(0);
    assertThat(
            finding
                .path("relatedLocations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("src/we%20ird%23dir%25/caf%C3%A9%20%5B1%5D/q.sql");
    String message = finding.path("message").path("text").asText();
    assertThat(message).contains("t\\]</script>.c\\[1\\](2)\u202e");
    assertThat(message).endsWith("](1).");
  }
}
