package dev.blastradius.report.codequality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.HostileRepo;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitLab Code Quality output: required fields, severities, unique fingerprints. */
class CodeQualityReportTest {

  private static final Set<String> SEVERITIES =
      Set.of("info", "minor", "major", "critical", "blocker");

  @TempDir Path root;

  @Test
  void positive_oneIssuePerFindingWithGitLabsFields() throws IOException {
    HostileRepo.write(root);
    String[] check = {"check", "--migration", root.resolve(HostileRepo.PROPOSED).toString()};
    JsonNode issues = new ObjectMapper().readTree(run(root, "codequality", check));
    JsonNode findings = new ObjectMapper().readTree(run(root, "json", check)).path("findings");
    assertThat(issues.size()).isEqualTo(findings.size()).isPositive();
    Set<String> fingerprints = new HashSet<>();
    for (int i = 0; i < issues.size(); i++) {
      JsonNode issue = issues.get(i);
      assertThat(issue.path("check_name").asText())
          .isEqualTo(findings.get(i).path("ruleId").asText());
      assertThat(issue.path("description").asText())
          .startsWith(findings.get(i).path("message").asText());
      assertThat(issue.path("severity").asText()).isIn(SEVERITIES);
      assertThat(issue.path("location").path("path").asText()).isEqualTo(HostileRepo.PROPOSED);
      assertThat(issue.path("location").path("lines").path("begin").asInt()).isPositive();
      assertThat(fingerprints.add(issue.path("fingerprint").asText()))
          .as("unique fingerprint")
          .isTrue();
    }
  }

  @Test
  void positive_deterministicAndEmptyForScan() throws IOException {
    Path sample = TestPaths.samples().resolve("split-user-name");
    String[] check = {"check", "--migration", sample.resolve("proposed").toString()};
    assertThat(run(sample, "codequality", check)).isEqualTo(run(sample, "codequality", check));
    assertThat(run(sample, "codequality", "scan")).isEqualTo("[]\n");
  }

  @Test
  void positive_severityMapping() {
    assertThat(CodeQualityReport.severity(dev.blastradius.rules.Level.ERROR)).isEqualTo("critical");
    assertThat(CodeQualityReport.severity(dev.blastradius.rules.Level.WARNING)).isEqualTo("major");
    assertThat(CodeQualityReport.severity(dev.blastradius.rules.Level.NOTE)).isEqualTo("info");
  }

  /** Runs {@code command} on {@code scanRoot} and returns the one report written. */
  private String run(Path scanRoot, String format, String... command) throws IOException {
    Path out = root.resolve("out-" + System.nanoTime());
    String[] args = new String[command.length + 7];
    System.arraycopy(command, 0, args, 0, command.length);
    int i = command.length;
    args[i++] = "--format";
    args[i++] = format;
    args[i++] = "--output";
    args[i++] = out.toString();
    args[i++] = "--repo-root";
    args[i++] = scanRoot.toString();
    args[i] = scanRoot.toString();
    Cli.Result result = Cli.run(args);
    assertThat(result.exitCode()).as("%s", result).isIn(0, 4, 5);
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
