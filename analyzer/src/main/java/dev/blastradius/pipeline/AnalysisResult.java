package dev.blastradius.pipeline;

import dev.blastradius.change.Migration;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.rules.Baseline;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.Suppressions;
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.AnalysisProblem;
import java.util.List;
import java.util.OptionalInt;

/**
 * Everything one run found, ready for the reports.
 *
 * @param catalog the schema after the applied migrations
 * @param graph every access with its entry points
 * @param findings rule violations of the proposed change, sorted ({@code check} only)
 * @param problems everything we could not analyse, sorted
 * @param notes assumptions and skips worth knowing, sorted
 * @param proposed the migrations under review
 * @param rules the rules that were run ({@code check}) or that exist ({@code scan})
 * @param suppressed the findings suppressions hid, each with its suppression, sorted
 * @param hiddenByBaseline how many findings {@code --baseline} hid; empty without a baseline
 */
public record AnalysisResult(
    Catalog catalog,
    ColumnAccessGraph graph,
    List<Finding> findings,
    List<AnalysisProblem> problems,
    Coverage coverage,
    List<Note> notes,
    List<Migration> proposed,
    List<RuleMetadata> rules,
    List<Suppressions.SuppressedFinding> suppressed,
    OptionalInt hiddenByBaseline) {

  public AnalysisResult {
    findings = findings.stream().sorted().toList();
    problems = problems.stream().sorted().distinct().toList();
    notes = notes.stream().sorted().distinct().toList();
    proposed = List.copyOf(proposed);
    rules = List.copyOf(rules);
    suppressed = suppressed.stream().sorted().toList();
  }

  /** A result in which nothing was suppressed, without a baseline. */
  public AnalysisResult(
      Catalog catalog,
      ColumnAccessGraph graph,
      List<Finding> findings,
      List<AnalysisProblem> problems,
      Coverage coverage,
      List<Note> notes,
      List<Migration> proposed,
      List<RuleMetadata> rules) {
    this(catalog, graph, findings, problems, coverage, notes, proposed, rules, List.of());
  }

  /** A result without a baseline. */
  public AnalysisResult(
      Catalog catalog,
      ColumnAccessGraph graph,
      List<Finding> findings,
      List<AnalysisProblem> problems,
      Coverage coverage,
      List<Note> notes,
      List<Migration> proposed,
      List<RuleMetadata> rules,
      List<Suppressions.SuppressedFinding> suppressed) {
    this(
        catalog,
        graph,
        findings,
        problems,
        coverage,
        notes,
        proposed,
        rules,
        suppressed,
        OptionalInt.empty());
  }

  /** The same result without the findings {@code baseline} holds, counting them. */
  public AnalysisResult hiding(Baseline baseline) {
    List<Finding> shown = findings.stream().filter(f -> !baseline.contains(f)).toList();
    return new AnalysisResult(
        catalog,
        graph,
        shown,
        problems,
        coverage,
        notes,
        proposed,
        rules,
        suppressed,
        OptionalInt.of(findings.size() - shown.size() + hiddenByBaseline.orElse(0)));
  }
}
