package dev.blastradius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blastradius.source.Language;
import dev.blastradius.testing.ActualFact;
import dev.blastradius.testing.BaseRolloutRepo;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.GitRepo;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --base} end to end, and the fixture of the rules that need it (samples cannot hold a
 * git history, so {@code RuleCatalogTest} reads this file's {@code expect: finding} markers for the
 * {@code needs-base} rules).
 *
 * <p>The fixture is a small service at release 41, committed, and release 42 in the working tree:
 * 42 stops reading {@code users.nickname} and drops it in the same release, renames {@code
 * orders.total} to {@code amount} in code and schema at once, moves the signup worker's writes from
 * {@code users.name} to {@code first_name} while a page still reads {@code name}, and starts
 * reading {@code first_name} in the release whose migration backfills it. Markers in the release-41
 * files claim the sites of the code at the base revision; markers in the release-42 files claim the
 * findings and the sites of the new code. Goldens pin the text, JSON and SARIF reports.
 */
class BaseRolloutTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Path GOLDENS =
      TestPaths.repo().resolve("analyzer/src/test/resources/base-rollout");

  @TempDir Path temp;

  private Path repository;

  @BeforeEach
  void buildTheRepository() throws IOException {
    repository = temp.resolve("acme");
    BaseRolloutRepo.write(repository);
  }

  @Test
  void baseFindsWhatTheReleaseBreaksDuringTheRollout() throws IOException {
    Path out = temp.resolve("out");
    Cli.Result run = check(out, "--threads", "2");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(4);
    String json = read(out.resolve("report.json"));
    String sarif = read(out.resolve("report.sarif"));
    JsonSchemas.assertValid(json, JsonSchemas.REPORT);
    JsonSchemas.assertValid(sarif, JsonSchemas.SARIF);
    for (String output : List.of(run.out(), json, sarif)) {
      assertThat(output)
          .as("no temporary or absolute paths")
          .doesNotContain(temp.toString())
          .doesNotContain("blastradius-base-")
          .doesNotContain(System.getProperty("java.io.tmpdir"));
    }
    Goldens.assertMatches(GOLDENS.resolve("report.txt"), run.out());
    Goldens.assertMatches(GOLDENS.resolve("report.json"), json);
    Goldens.assertMatches(GOLDENS.resolve("report.sarif"), sarif);
    assertThat(markerFailures(json)).isEmpty();
  }

  @Test
  void theOutputIsTheSameForAnyThreadCountAndLeavesNothingBehind() throws IOException {
    long checkoutsBefore = checkouts();
    Cli.Result one = check(temp.resolve("one"), "--threads", "1");
    Cli.Result two = check(temp.resolve("two"), "--threads", "2");
    assertThat(one.exitCode()).as("%s", one).isEqualTo(4);
    assertThat(read(temp.resolve("one/report.json")))
        .isEqualTo(read(temp.resolve("two/report.json")));
    assertThat(read(temp.resolve("one/report.sarif")))
        .isEqualTo(read(temp.resolve("two/report.sarif")));
    assertThat(checkouts()).as("checkouts left in the temp directory").isEqualTo(checkoutsBefore);
    GitRepo git = GitRepo.open(repository);
    assertThat(git.git("status", "--porcelain"))
        .as("the repository's index and work tree are untouched")
        .contains("?? " + BaseRolloutRepo.MIGRATIONS + "V4__release_42.sql")
        .contains(" M " + BaseRolloutRepo.CODE + "users/UserController.java");
    assertThat(git.git("worktree", "list").lines()).hasSize(1);
  }

  @Test
  void withoutBaseTheRulesThatCompareReleasesFindNothing() {
    Cli.Result run =
        Cli.run(
            "check",
            "--migration",
            repository.resolve(BaseRolloutRepo.MIGRATIONS + "V4__release_42.sql").toString(),
            "--packs",
            "expand-contract",
            repository.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    // The backfill rules judge the migration alone and still run; the release comparisons do not.
    assertThat(run.out())
        .contains("warning[backfill-unbatched]")
        .doesNotContain("same-release-drop")
        .doesNotContain("old-code-vs-new-schema")
        .doesNotContain("new-code-vs-old-schema")
        .doesNotContain("reads-switched-before-backfill")
        .doesNotContain("stale-reads-after-write-stop");
  }

  @Test
  void baselineHidesKnownFindingsAndCountsThem() throws IOException {
    Path first = temp.resolve("first");
    assertThat(check(first).exitCode()).isEqualTo(4);
    // An earlier report that knew every finding but the stale reads: those are new.
    ObjectNode earlier = (ObjectNode) JSON.readTree(read(first.resolve("report.json")));
    ArrayNode findings = (ArrayNode) earlier.get("findings");
    for (int i = findings.size() - 1; i >= 0; i--) {
      if (findings.get(i).path("ruleId").asText().equals("stale-reads-after-write-stop")) {
        findings.remove(i);
      }
    }
    Path baseline = temp.resolve("baseline.json");
    Files.writeString(baseline, JSON.writeValueAsString(earlier));

    Path out = temp.resolve("again");
    Cli.Result run = check(out, "--baseline", baseline.toString());
    assertThat(run.exitCode()).as("warnings only: %s", run).isZero();
    String json = read(out.resolve("report.json"));
    String sarif = read(out.resolve("report.sarif"));
    JsonSchemas.assertValid(json, JsonSchemas.REPORT);
    JsonSchemas.assertValid(sarif, JsonSchemas.SARIF);
    assertThat(JSON.readTree(json).path("baseline").path("hidden").asInt()).isEqualTo(6);
    assertThat(JSON.readTree(json).path("findings")).hasSize(1);
    Goldens.assertMatches(GOLDENS.resolve("baseline/report.txt"), run.out());
    Goldens.assertMatches(GOLDENS.resolve("baseline/report.sarif"), sarif);

    // The SARIF log of the first run hides the same findings as its JSON report.
    Cli.Result fromSarif =
        check(temp.resolve("sarif"), "--baseline", first.resolve("report.sarif").toString());
    assertThat(fromSarif.exitCode()).as("%s", fromSarif).isZero();
    assertThat(fromSarif.out())
        .contains("No findings besides the 7 findings the baseline holds.")
        .contains("7 hidden by the baseline");
  }

  private Cli.Result check(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                "--base",
                "HEAD",
                "--packs",
                "expand-contract",
                "--format",
                "text,json,sarif",
                "--output",
                out + "/"));
    args.addAll(List.of(extra));
    args.add(repository.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  /**
   * Every release-42 file's markers against the findings and new-code sites of the report, every
   * release-41 file's markers against the sites of the code at the base revision.
   */
  private static List<String> markerFailures(String json) {
    Predicate<ActualFact> findings = f -> f.kind().equals("finding") || f.kind().equals("related");
    MarkerChecker checker = new MarkerChecker(findings, false);
    List<String> failures = new ArrayList<>();
    failures.addAll(
        check(
            BaseRolloutRepo.RELEASE_42,
            ReportFacts.of(json).stream().filter(findings).toList(),
            checker));
    failures.addAll(check(BaseRolloutRepo.RELEASE_41, ReportFacts.atBase(json), checker));
    return failures;
  }

  private static List<String> check(
      Map<String, String> files, List<ActualFact> facts, MarkerChecker checker) {
    List<String> failures = new ArrayList<>();
    List<String> marked = new ArrayList<>();
    for (Map.Entry<String, String> file : new LinkedHashMap<>(files).entrySet()) {
      String leader = Language.ofFileName(file.getKey()).orElseThrow().lineComment();
      List<Marker> markers = MarkerParser.parse(file.getValue(), leader);
      if (!markers.isEmpty()) {
        marked.add(file.getKey());
        failures.addAll(checker.check(file.getKey(), markers, facts));
      }
    }
    facts.stream()
        .map(ActualFact::path)
        .distinct()
        .filter(p -> !marked.contains(p))
        .forEach(p -> failures.add(p + ": has reported findings or sites but no expect: markers"));
    return failures;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** How many base checkouts exist in the temp directory. */
  private static long checkouts() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("blastradius-base-"))
          .count();
    }
  }
}
