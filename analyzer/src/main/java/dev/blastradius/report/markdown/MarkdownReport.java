package dev.blastradius.report.markdown;

import static dev.blastradius.report.Verdict.plural;
import static dev.blastradius.report.markdown.MarkdownText.code;
import static dev.blastradius.report.markdown.MarkdownText.text;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.BlastRadius;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.report.ReportModel;
import dev.blastradius.report.ToolInfo;
import dev.blastradius.report.Verdict;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Level;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.AnalysisProblem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The markdown report, for pull-request comments: the verdict, a findings table with the unsafe
 * sites, what was not analysed, and a one-line summary. {@code scan} and {@code who} get a column
 * table instead. Every value from the scanned code goes through {@link MarkdownText}; tables are
 * capped so a comment stays under GitHub's size limit.
 */
public final class MarkdownReport {

  /** At most this many rows per table; the rest is counted. */
  static final int MAX_ROWS = 100;

  /** At most this many sites per finding. */
  static final int MAX_SITES = 10;

  private MarkdownReport() {}

  /** The report as markdown; lines end with {@code \n}. */
  public static String render(ReportModel model) {
    StringBuilder out = new StringBuilder();
    verdict(model, out);
    if (model.checked()) {
      proposed(model.result().proposed(), out);
      findings(model.result().findings(), out);
    } else if (model.column().isPresent()) {
      who(model, out);
    } else {
      columns(model, out);
    }
    problems(model.result().problems(), out);
    out.append("<sub>").append(text(summary(model))).append("</sub>\n");
    return out.toString();
  }

  private static void verdict(ReportModel model, StringBuilder out) {
    Verdict verdict = Verdict.of(model);
    String mark =
        switch (verdict.answer()) {
          case YES -> "✅ ";
          case NO -> "❌ ";
          case NOT_SURE -> "⚠️ ";
          case INVENTORY -> "";
        };
    out.append("## blastradius ")
        .append(model.command())
        .append(": ")
        .append(mark)
        .append(text(verdict.headline()))
        .append("\n\n")
        .append(text(verdict.reason()))
        .append("\n\n");
  }

  /** What was checked: one bullet per proposed migration with its changes. */
  private static void proposed(List<Migration> migrations, StringBuilder out) {
    for (Migration migration : migrations) {
      out.append("- Checked ").append(code(migration.path(), false));
      if (migration.changes().isEmpty()) {
        out.append(": no schema changes recognised\n");
        continue;
      }
      out.append(": ");
      out.append(
          migration.changes().stream()
              .map(MarkdownReport::change)
              .collect(Collectors.joining("; ")));
      out.append('\n');
    }
    out.append('\n');
  }

  private static String change(LocatedChange change) {
    return "line " + change.location().startLine() + " " + text(change.change().describe());
  }

  private static void findings(List<Finding> findings, StringBuilder out) {
    if (findings.isEmpty()) {
      out.append("No findings.\n\n");
      return;
    }
    out.append("### Findings\n\n");
    out.append("| # | Level | Rule | Where | Finding | Sites |\n");
    out.append("|--:|---|---|---|---|---|\n");
    int shown = Math.min(findings.size(), MAX_ROWS);
    for (int i = 0; i < shown; i++) {
      Finding finding = findings.get(i);
      out.append("| ")
          .append(i + 1)
          .append(" | ")
          .append(finding.level().jsonName())
          .append(" | ")
          .append(code(finding.ruleId(), true))
          .append(" | ")
          .append(code(finding.location().shortForm(), true))
          .append(" | ")
          .append(text(finding.message()))
          .append(" | ")
          .append(sites(finding.related()))
          .append(" |\n");
    }
    more(findings.size() - shown, "finding", out);
    out.append('\n');
  }

  /** The sites of one finding, one per line of the cell. */
  private static String sites(List<RelatedLocation> related) {
    String sites =
        related.stream()
            .limit(MAX_SITES)
            .map(s -> code(s.location().shortForm(), true) + " " + text(s.label()))
            .collect(Collectors.joining("<br>"));
    int cut = related.size() - MAX_SITES;
    return cut > 0 ? sites + "<br>… and " + plural(cut, "more site") : sites;
  }

  /** {@code scan}: one row per column with its blast radius and who reaches it. */
  private static void columns(ReportModel model, StringBuilder out) {
    if (model.columns().isEmpty()) {
      out.append("No column is read or written by the scanned code.\n\n");
      return;
    }
    out.append("### Columns\n\n");
    out.append("| Column | Entry points | Files | Reads | Writes | DDL | Reached from |\n");
    out.append("|---|--:|--:|--:|--:|--:|---|\n");
    int rows = 0;
    for (ColumnRef column : model.columns()) {
      if (rows++ == MAX_ROWS) {
        break;
      }
      List<Access> accesses = model.result().graph().accessesOf(column);
      BlastRadius radius = model.result().graph().blastRadius(column);
      out.append("| ")
          .append(code(column.displayName(), true))
          .append(" | ")
          .append(radius.entryPoints())
          .append(" | ")
          .append(radius.files())
          .append(" | ")
          .append(count(accesses, AccessKind.READ))
          .append(" | ")
          .append(count(accesses, AccessKind.WRITE))
          .append(" | ")
          .append(count(accesses, AccessKind.DDL))
          .append(" | ")
          .append(entryPointKinds(accesses))
          .append(" |\n");
    }
    more(model.columns().size() - MAX_ROWS, "column", out);
    out.append('\n');
  }

  /** {@code who}: the column's accesses grouped by the entry point that reaches them. */
  private static void who(ReportModel model, StringBuilder out) {
    List<Access> accesses = model.accesses();
    if (accesses.isEmpty()) {
      return;
    }
    Map<String, List<Access>> byEntryPoint = new TreeMap<>();
    for (Access access : accesses) {
      if (access.entryPoints().isEmpty()) {
        byEntryPoint.computeIfAbsent("~", k -> new java.util.ArrayList<>()).add(access);
      }
      for (EntryPoint entryPoint : access.entryPoints()) {
        byEntryPoint
            .computeIfAbsent(entryPoint.label(), k -> new java.util.ArrayList<>())
            .add(access);
      }
    }
    out.append("| Entry point | Access | Site | Via |\n");
    out.append("|---|---|---|---|\n");
    int rows = 0;
    int total = byEntryPoint.values().stream().mapToInt(List::size).sum();
    for (Map.Entry<String, List<Access>> group : byEntryPoint.entrySet()) {
      String entryPoint =
          group.getKey().equals("~") ? "no entry point found" : text(group.getKey());
      for (Access access : group.getValue()) {
        if (rows++ == MAX_ROWS) {
          break;
        }
        out.append("| ")
            .append(entryPoint)
            .append(" | ")
            .append(access.kind().jsonName())
            .append(access.implicit() ? " (implicit)" : "")
            .append(" | ")
            .append(code(access.location().shortForm(), true))
            .append(" | ")
            .append(access.via().jsonName())
            .append(" |\n");
      }
    }
    more(total - MAX_ROWS, "row", out);
    out.append('\n');
  }

  private static void problems(List<AnalysisProblem> problems, StringBuilder out) {
    if (problems.isEmpty()) {
      return;
    }
    out.append("### Not analysed — results may be incomplete\n\n");
    int shown = Math.min(problems.size(), MAX_ROWS);
    for (AnalysisProblem problem : problems.subList(0, shown)) {
      String where = problem.path() + problem.knownLine().map(l -> ":" + l).orElse("");
      out.append("- ")
          .append(code(where, false))
          .append(' ')
          .append(text(problem.pass()))
          .append(": ")
          .append(text(problem.cause()))
          .append('\n');
    }
    if (problems.size() > shown) {
      out.append("- … and ").append(plural(problems.size() - shown, "more problem")).append('\n');
    }
    out.append('\n');
  }

  private static void more(int cut, String what, StringBuilder out) {
    if (cut > 0) {
      out.append("\n… and ")
          .append(plural(cut, "more " + what))
          .append(": see the HTML or JSON report.\n");
    }
  }

  private static long count(List<Access> accesses, AccessKind kind) {
    return accesses.stream().filter(a -> a.kind() == kind).count();
  }

  /** {@code http 2, cron 1}: live entry points per kind, in kind order. */
  private static String entryPointKinds(List<Access> accesses) {
    Map<String, Long> byKind =
        accesses.stream()
            .flatMap(a -> a.entryPoints().stream())
            .distinct()
            .collect(
                Collectors.groupingBy(
                    e -> String.format("%02d %s", e.kind().ordinal(), e.kind().jsonName()),
                    TreeMap::new,
                    Collectors.counting()));
    if (byKind.isEmpty()) {
      return "—";
    }
    return byKind.entrySet().stream()
        .map(e -> e.getKey().substring(3) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String summary(ReportModel model) {
    AnalysisResult result = model.result();
    StringBuilder line = new StringBuilder();
    if (model.checked()) {
      for (Level level : Level.values()) {
        long count = result.findings().stream().filter(f -> f.level() == level).count();
        line.append(plural((int) count, level.jsonName())).append(", ");
      }
    }
    line.append(plural(result.problems().size(), "problem"))
        .append(" · ")
        .append(plural(result.graph().accesses().size(), "access", "accesses"))
        .append(" to ")
        .append(plural(result.graph().columns().size(), "column"))
        .append(" in ")
        .append(plural(result.graph().fileCount(), "file"))
        .append(" · ")
        .append(ToolInfo.NAME)
        .append(' ')
        .append(ToolInfo.version());
    return line.toString();
  }
}
