package dev.blastradius.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.source.Language;
import dev.blastradius.testing.ActualFact;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.Goldens;
import dev.blastradius.testing.JsonSchemas;
import dev.blastradius.testing.Marker;
import dev.blastradius.testing.MarkerChecker;
import dev.blastradius.testing.MarkerParser;
import dev.blastradius.testing.ReportFacts;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code check} on every sample under {@code samples/} through the CLI, in-process, and
 * compares: the exit code with {@code expected/exit-code}, stdout with {@code expected/report.txt},
 * the JSON and SARIF reports with their goldens (after validating them against their schemas), the
 * markdown report with {@code expected/report.md}, and every marker in the sample's sources with
 * the JSON report's facts. The showcase sample also pins the HTML, DOT and Code Quality reports.
 */
class SamplesTest {

  /** The sample whose HTML, DOT and Code Quality reports are pinned by goldens too. */
  private static final String SHOWCASE = "split-user-name";

  @TempDir Path output;

  @TestFactory
  Stream<DynamicTest> samples() throws IOException {
    List<Path> samples;
    try (Stream<Path> dirs = Files.list(TestPaths.samples())) {
      samples = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(samples).as("samples/ must hold at least one sample").isNotEmpty();
    return samples.stream()
        .map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(s)));
  }

  private void check(Path sample) throws IOException {
    for (String required : List.of("README.md", "proposed", "expected/exit-code")) {
      assertThat(sample.resolve(required)).as("every sample has %s", required).exists();
    }
    Path out = output.resolve(sample.getFileName().toString());
    Cli.Result run =
        Cli.run(
            "check",
            "--migration",
            sample.resolve("proposed").toString(),
            "--format",
            "text,json,sarif,markdown,html,dot,codequality",
            "--output",
            out + "/",
            "--repo-root",
            sample.toString(),
            "--threads",
            "2",
            sample.toString());
    Path expected = sample.resolve("expected");
    int exitCode = Integer.parseInt(Files.readString(expected.resolve("exit-code")).strip());
    assertThat(run.exitCode()).as("exit code of %s", run).isEqualTo(exitCode);

    String json = Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8);
    String sarif = Files.readString(out.resolve("report.sarif"), StandardCharsets.UTF_8);
    JsonSchemas.assertValid(json, JsonSchemas.REPORT);
    JsonSchemas.assertValid(sarif, JsonSchemas.SARIF);
    Goldens.assertMatches(expected.resolve("report.json"), json);
    Goldens.assertMatches(expected.resolve("report.sarif"), sarif);
    Goldens.assertMatches(expected.resolve("report.txt"), run.out());
    Goldens.assertMatches(expected.resolve("report.md"), read(out.resolve("report.md")));
    if (sample.getFileName().toString().equals(SHOWCASE)) {
      for (String file : List.of("report.html", "report.dot", "codequality.json")) {
        Goldens.assertMatches(expected.resolve(file), read(out.resolve(file)));
      }
    }

    checkMarkers(sample, ReportFacts.of(json));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Every marked file agrees with the report; every file with facts is marked. */
  private static void checkMarkers(Path sample, List<ActualFact> facts) throws IOException {
    MarkerChecker checker = new MarkerChecker(f -> true, true);
    List<String> failures = new ArrayList<>();
    Set<String> marked = new HashSet<>();
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String path = sample.relativize(file).toString().replace('\\', '/');
        if (path.startsWith("expected/")) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Marker> markers;
        if (path.endsWith(MarkerParser.SIDECAR_SUFFIX)) {
          // A sidecar marks the file it is named after (JSON cannot hold comments).
          path = path.substring(0, path.length() - MarkerParser.SIDECAR_SUFFIX.length());
          markers = MarkerParser.parseSidecar(text);
        } else {
          String leader = Language.ofFileName(path).map(Language::lineComment).orElse("#");
          markers = MarkerParser.parse(text, leader);
        }
        if (!markers.isEmpty()) {
          marked.add(path);
          failures.addAll(checker.check(path, markers, facts));
        }
      }
    }
    facts.stream()
        .map(ActualFact::path)
        .distinct()
        .filter(p -> !marked.contains(p))
        .forEach(p -> failures.add(p + ": has reported facts but no expect: markers"));
    assertThat(failures).as("markers of %s", sample.getFileName()).isEmpty();
  }
}
