package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blastradius.lang.SqlCoverage;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parse coverage on a corpus of realistic statements ({@code src/test/resources/sql-corpus/}):
 * migrations, backfills and application queries of a Postgres SaaS app and a MySQL shop. Each
 * dialect directory is read as one history, files in name order, so later files see the tables
 * earlier ones created. The floors are measured and pinned, and every statement we cannot analyse
 * is listed with its reason in {@code UNANALYSED.txt}, so that new failures and new successes are
 * both noticed.
 */
class SqlCorpusTest {

  /** Measured on the corpus as committed; raise them when coverage improves. */
  private static final int MIN_STATEMENTS = 400;

  private static final double MIN_ANALYSED = 0.98;
  private static final double MIN_PARSED = 0.83;

  private static final Map<String, SqlDialect> DIALECTS =
      Map.of("postgres", SqlDialect.POSTGRES, "mysql", SqlDialect.MYSQL);

  private static final Path CORPUS =
      TestPaths.repo().resolve("analyzer/src/test/resources/sql-corpus");

  /** One analysed statement of the corpus, keyed {@code dialect/file.sql:line}. */
  private record Seen(String key, AnalyzedStatement statement) {}

  @Test
  void corpusCoverageMeetsTheFloorsAndUnanalysedStatementsAreExactlyTheListedOnes()
      throws IOException {
    List<Seen> seen = new ArrayList<>();
    for (String dialect : List.of("postgres", "mysql")) {
      seen.addAll(analyseHistory(dialect));
    }
    SqlCoverage coverage = SqlCoverage.of(seen.stream().map(Seen::statement).toList());
    double analysed = (coverage.parsed() + coverage.fallback()) / (double) coverage.statements();
    double parsed = coverage.parsed() / (double) coverage.statements();
    System.out.printf(
        Locale.ROOT,
        "SQL corpus: %d statements: %d parsed, %d fallback, %d unanalysed"
            + " (%.1f%% analysed, %.1f%% parsed by JSqlParser)%n",
        coverage.statements(),
        coverage.parsed(),
        coverage.fallback(),
        coverage.unanalysed(),
        100 * analysed,
        100 * parsed);

    assertThat(coverage.statements()).isGreaterThanOrEqualTo(MIN_STATEMENTS);
    assertThat(analysed).as("parsed + fallback share").isGreaterThanOrEqualTo(MIN_ANALYSED);
    assertThat(parsed).as("parsed share").isGreaterThanOrEqualTo(MIN_PARSED);
    assertUnanalysedAreListed(seen);
  }

  /** Analyses the files of one dialect directory in name order, carrying the catalog along. */
  private static List<Seen> analyseHistory(String dialect) throws IOException {
    SqlFrontend frontend = new SqlFrontend(DIALECTS.get(dialect), Duration.ofSeconds(10));
    Catalog catalog = Catalog.empty();
    List<Seen> seen = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listed = Files.list(CORPUS.resolve(dialect))) {
      files = listed.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertThat(files).as("corpus files in %s", dialect).isNotEmpty();
    for (Path file : files) {
      String name = dialect + "/" + file.getFileName();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      SqlAnalysis analysis;
      try {
        analysis = frontend.analyze(text, catalog);
      } catch (RuntimeException e) {
        throw new AssertionError(name + ": the frontend threw instead of reporting a problem", e);
      }
      catalog = analysis.catalogAfter();
      int lines = (int) text.lines().count();
      assertThat(analysis.statements()).as(name).isNotEmpty();
      for (AnalyzedStatement statement : analysis.statements()) {
        String key = name + ":" + statement.startLine();
        assertThat(statement.startLine()).as(key).isBetween(1, lines);
        assertThat(statement.endLine()).as(key).isBetween(statement.startLine(), lines);
        assertThat(statement.problem().isPresent())
            .as("%s has a problem exactly when it is unanalysed", key)
            .isEqualTo(statement.status() == ParseStatus.UNANALYSED);
        seen.add(new Seen(key, statement));
      }
    }
    return seen;
  }

  /** Compares the unanalysed statements with UNANALYSED.txt, both ways. */
  private static void assertUnanalysedAreListed(List<Seen> seen) throws IOException {
    Map<String, String> listed = listed();
    Map<String, String> actual = new TreeMap<>();
    seen.stream()
        .filter(s -> s.statement().status() == ParseStatus.UNANALYSED)
        .forEach(s -> actual.put(s.key(), s.statement().problem().orElseThrow()));
    List<String> complaints = new ArrayList<>();
    actual.forEach(
        (key, problem) -> {
          if (!listed.containsKey(key)) {
            complaints.add(
                "newly unanalysed: "
                    + key
                    + " ("
                    + problem
                    + "); fix the frontend, or add it to UNANALYSED.txt with the reason");
          }
        });
    listed.forEach(
        (key, reason) -> {
          if (!actual.containsKey(key)) {
            complaints.add(
                "now analysed: "
                    + key
                    + "; delete its line from UNANALYSED.txt (was: "
                    + reason
                    + ")");
          }
        });
    if (!complaints.isEmpty()) {
      fail(
          "sql-corpus/UNANALYSED.txt is out of date:\n  "
              + String.join("\n  ", complaints)
              + "\nall unanalysed statements now: "
              + actual.keySet());
    }
  }

  /** The entries of UNANALYSED.txt: {@code PATH:LINE} to the reason given. */
  private static Map<String, String> listed() throws IOException {
    Map<String, String> listed = new TreeMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("UNANALYSED.txt"))) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String[] parts = entry.split("\\s+", 2);
      if (parts.length < 2 || parts[1].isBlank()) {
        fail("UNANALYSED.txt: '" + entry + "' gives no reason");
      }
      if (listed.put(parts[0], parts[1]) != null) {
        fail("UNANALYSED.txt lists " + parts[0] + " twice");
      }
    }
    return listed;
  }
}
