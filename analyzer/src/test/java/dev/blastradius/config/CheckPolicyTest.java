package dev.blastradius.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** blastradius.yaml's severity, ignore, packs and entryPoints, through the command line. */
class CheckPolicyTest {

  @TempDir Path root;

  @BeforeEach
  void project() throws IOException {
    write(
        "src/main/resources/db/migration/V1__users.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);\n");
    write("legacy/report.sql", "SELECT name FROM users;\n");
    write("ops/fix_names.sql", "UPDATE users SET name = NULL WHERE email IS NULL;\n");
    write("proposed/V2__drop_name.sql", "ALTER TABLE users DROP COLUMN name;\n");
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private JsonNode check(String config) throws IOException {
    write("blastradius.yaml", "exclude: [proposed/**]\n" + config);
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            root.resolve("proposed").toString(),
            "--format",
            "json",
            "--repo-root",
            root.toString(),
            root.toString());
    assertThat(result.err()).isEmpty();
    JsonSchemas.assertValid(result.out(), JsonSchemas.REPORT);
    return new ObjectMapper().readTree(result.out());
  }

  private static JsonNode finding(JsonNode report, String ruleId) {
    for (JsonNode finding : report.path("findings")) {
      if (finding.path("ruleId").asText().equals(ruleId)) {
        return finding;
      }
    }
    return null;
  }

  @Test
  void positive_withoutPolicyTheDropIsReadAndWritten() throws IOException {
    JsonNode report = check("");
    assertThat(finding(report, "drop-column-still-read")).isNotNull();
    assertThat(finding(report, "drop-column-still-written")).isNotNull();
    assertThat(finding(report, "missing-lock-timeout")).isNotNull();
  }

  @Test
  void positive_severityChangesLevelsAndTurnsRulesOff() throws IOException {
    JsonNode report =
        check("severity:\n  drop-column-still-written: note\n  missing-lock-timeout: off\n");
    assertThat(finding(report, "drop-column-still-written").path("level").asText())
        .isEqualTo("note");
    assertThat(finding(report, "missing-lock-timeout")).isNull();
  }

  @Test
  void positive_packsLimitTheRulesThatRun() throws IOException {
    JsonNode report = check("packs: [expand-contract]\n");
    assertThat(finding(report, "drop-column-still-read")).isNotNull();
    assertThat(finding(report, "missing-lock-timeout")).isNull();
  }

  @Test
  void positive_ignoreHidesSitesOnMatchingPaths() throws IOException {
    JsonNode report =
        check(
            "ignore:\n"
                + "  - rule: drop-column-still-read\n"
                + "    path: legacy/**\n"
                + "    reason: the legacy report is retired\n");
    // The only reader was legacy/report.sql: no finding left, and no site on the writer's finding.
    assertThat(finding(report, "drop-column-still-read")).isNull();
    assertThat(finding(report, "drop-column-still-written")).isNotNull();
  }

  @Test
  void positive_ignoreOnTheProposedMigrationIsReportedAsSuppressed() throws IOException {
    JsonNode report =
        check(
            "ignore:\n"
                + "  - rule: [drop-column-still-read, drop-column-still-written]\n"
                + "    path: proposed/**\n"
                + "    reason: accepted by the data team\n");
    assertThat(finding(report, "drop-column-still-read")).isNull();
    assertThat(report.path("suppressed")).hasSize(2);
    JsonNode by = report.path("suppressed").get(0).path("suppressedBy");
    assertThat(by.path("kind").asText()).isEqualTo("config");
    assertThat(by.path("path").asText()).isEqualTo("blastradius.yaml");
    assertThat(by.path("line").asInt()).isEqualTo(3);
    assertThat(by.path("reason").asText()).isEqualTo("accepted by the data team");
  }

  @Test
  void positive_entryPointGlobsNameTheEntryPointsOfUnrecognisedFiles() throws IOException {
    JsonNode report = check("entryPoints:\n  - glob: ops/**\n    kind: script\n");
    String message = finding(report, "drop-column-still-written").path("message").asText();
    assertThat(message).contains("reached from 1 entry point: script ops/fix_names.sql");
  }
}
