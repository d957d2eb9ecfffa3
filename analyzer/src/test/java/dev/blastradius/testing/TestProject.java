package dev.blastradius.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisOptions;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.pipeline.Analyzer;
import dev.blastradius.pipeline.BaseCheckout;
import dev.blastradius.report.ReportModel;
import dev.blastradius.report.json.JsonReport;
import dev.blastradius.rules.RuleSettings;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A throw-away repository written from text blocks, analysed in-process, with its markers checked
 * against the JSON report. The base of {@link ExtractorTestHelper} and {@link RuleTestHelper}.
 *
 * <p>With files at a base revision ({@link #addAtBase}), the repository becomes a git repository:
 * the base files (and those added to both) are committed, the working tree is then replaced by the
 * working files, and {@code check --base HEAD} runs. Markers of a base file are checked against the
 * related sites the report places in the code at the base revision; markers of a working file
 * against everything else.
 */
class TestProject {

  /** Where Flyway migrations go. */
  static final String MIGRATIONS = "src/main/resources/db/migration/";

  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, String> baseFiles = new LinkedHashMap<>();
  private final List<String> proposed = new ArrayList<>();
  private boolean base;
  private SqlDialect dialect = SqlDialect.POSTGRES;
  private java.util.function.Function<SqlDialect, RuleSettings> settings = RuleSettings::defaults;

  void add(String path, String text) {
    if (files.put(path, text) != null) {
      throw new IllegalArgumentException("file added twice: " + path);
    }
  }

  /** A file of the base revision only (or its version there); switches to {@code --base}. */
  void addAtBase(String path, String text) {
    if (baseFiles.put(path, text) != null) {
      throw new IllegalArgumentException("file added twice at the base revision: " + path);
    }
    base = true;
  }

  /** A file that is the same at the base revision and in the working tree. */
  void addToBoth(String path, String text) {
    add(path, text);
    baseFiles.put(path, text);
  }

  /** A working-tree file that is new since the base revision; switches to {@code --base}. */
  void addSinceBase(String path, String text) {
    add(path, text);
    base = true;
  }

  void propose(String path, String text) {
    add(path, text);
    proposed.add(path);
  }

  void dialect(SqlDialect value) {
    dialect = value;
  }

  /** The Postgres/MySQL versions and transaction assumption rules see (dialect applied later). */
  void settings(java.util.function.Function<SqlDialect, RuleSettings> value) {
    settings = value;
  }

  /** The result of one run and its JSON report. */
  record Run(AnalysisResult result, String json) {}

  /**
   * Writes the files, runs {@code check} (or {@code scan} without proposals), validates the JSON
   * against its schema, and checks every marked file. Fails when no file has a marker.
   */
  Run run(Predicate<ActualFact> inScope, boolean requireEntryKinds) {
    Path root = createTempRoot();
    try {
      if (base) {
        write(root, baseFiles);
        GitRepo.init(root).commitAll("base");
        clearWorkTree(root);
      }
      write(root, files);
      boolean check = !proposed.isEmpty() || base;
      AnalysisOptions options =
          new AnalysisOptions(
              root,
              root,
              settings.apply(dialect),
              proposed.stream().map(root::resolve).toList(),
              List.of(),
              List.of(),
              1,
              AnalysisOptions.DEFAULT_SQL_TIME_LIMIT);
      AnalysisResult result = analyse(root, options, check);
      String json =
          JsonReport.render(
              new ReportModel(
                  result, check ? "check" : "scan", Optional.empty(), Optional.empty()));
      JsonSchemas.assertValid(json, JsonSchemas.REPORT);
      MarkerChecker checker = new MarkerChecker(inScope, requireEntryKinds);
      List<String> failures = new ArrayList<>();
      int markers = checkFiles(files, ReportFacts.of(json), checker, failures);
      Map<String, String> onlyAtBase = new LinkedHashMap<>(baseFiles);
      onlyAtBase.entrySet().removeIf(e -> e.getValue().equals(files.get(e.getKey())));
      List<ActualFact> atBase = ReportFacts.atBase(json);
      markers += checkFiles(onlyAtBase, atBase, checker, failures);
      atBase.stream()
          .filter(inScope)
          .map(ActualFact::path)
          .distinct()
          .filter(p -> !onlyAtBase.containsKey(p))
          .forEach(
              p ->
                  failures.add(
                      p
                          + ": the report has sites at the base revision in this file; give its"
                          + " version there with atBase(…) and mark them"));
      assertThat(markers).as("a marker test needs at least one expect: marker").isPositive();
      assertThat(failures)
          .as("markers vs. reported facts; problems: %s", result.problems())
          .isEmpty();
      return new Run(result, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(root);
    }
  }

  /** The analysis, with the base revision checked out for its duration when there is one. */
  private AnalysisResult analyse(Path root, AnalysisOptions options, boolean check) {
    if (!base) {
      return Analyzer.standard().run(options, check);
    }
    try (BaseCheckout checkout = BaseCheckout.open(root, root, "HEAD")) {
      return Analyzer.standard().run(options, check, Optional.of(checkout));
    }
  }

  /** Checks the markers of {@code marked} against {@code facts}; returns how many there were. */
  private static int checkFiles(
      Map<String, String> marked,
      List<ActualFact> facts,
      MarkerChecker checker,
      List<String> failures) {
    int markers = 0;
    for (Map.Entry<String, String> file : marked.entrySet()) {
      String path = file.getKey();
      List<Marker> parsed;
      if (path.endsWith(MarkerParser.SIDECAR_SUFFIX)) {
        path = path.substring(0, path.length() - MarkerParser.SIDECAR_SUFFIX.length());
        parsed = MarkerParser.parseSidecar(file.getValue());
      } else {
        String leader = Language.ofFileName(path).map(Language::lineComment).orElse("#");
        parsed = MarkerParser.parse(file.getValue(), leader);
      }
      markers += parsed.size();
      if (!parsed.isEmpty()) {
        failures.addAll(checker.check(path, parsed, facts));
      }
    }
    return markers;
  }

  private static void write(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Deletes everything but {@code .git}, so the working tree holds only the working files. */
  private static void clearWorkTree(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
        delete(entry);
      }
    }
  }

  private static Path createTempRoot() {
    try {
      return Files.createTempDirectory("blastradius-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
