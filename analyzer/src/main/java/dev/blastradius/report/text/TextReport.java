package dev.blastradius.report.text;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.BlastRadius;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.pipeline.Coverage;
import dev.blastradius.pipeline.Note;
import dev.blastradius.report.ReportModel;
import dev.blastradius.report.Verdict;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Level;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.Suppressions;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.AnalysisProblem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The human report: compiler-style findings ({@code path:line:col: error[rule-id] message}) with
 * their sites indented, or the column inventory for {@code scan} and {@code who}, then problems,
 * notes and a summary line.
 */
public final class TextReport {

  private TextReport() {}

  /** The report as text; lines end with {@code \n}. */
  public static String render(ReportModel model) {
    StringBuilder out = new StringBuilder();
    AnalysisResult result = model.result();
    if (model.checked()) {
      proposed(result.proposed(), out);
      findings(result.findings(), result.hiddenByBaseline().orElse(0), result.proposed(), out);
      suppressed(result.suppressed(), out);
    } else if (model.column().isPresent()) {
      who(model, out);
    } else {
      inventory(model, out);
    }
    problems(result.problems(), out);
    notes(result.notes(), out);
    out.append(summary(model)).append('\n');
    return out.toString();
  }

  /** What was checked: each proposed migration and the changes it makes. */
  private static void proposed(List<Migration> migrations, StringBuilder out) {
    if (migrations.isEmpty()) {
      out.append("No migrations to check: only the code changes since --base were compared.\n");
    }
    for (Migration migration : migrations) {
      out.append("Checked ").append(migration.path());
      if (migration.changes().isEmpty()) {
        out.append(": no schema changes recognised\n");
        continue;
      }
      out.append(":\n");
      for (LocatedChange change : migration.changes()) {
        out.append("  line ")
            .append(change.location().startLine())
            .append(": ")
            .append(change.change().describe())
            .append('\n');
      }
    }
    out.append('\n');
  }

  private static void findings(
      List<Finding> findings, int hidden, List<Migration> proposed, StringBuilder out) {
    for (Finding finding : findings) {
      out.append(finding.location().path())
          .append(':')
          .append(finding.location().startLine())
          .append(':')
          .append(finding.location().startColumn())
          .append(": ")
          .append(finding.level().jsonName())
          .append('[')
          .append(finding.ruleId())
          .append("] ")
          .append(finding.message())
          .append('\n');
      for (RelatedLocation site : finding.related()) {
        out.append("    ")
            .append(site.location().shortForm())
            .append(": ")
            .append(site.label())
            .append('\n');
      }
    }
    if (findings.isEmpty() && hidden > 0) {
      out.append("No findings besides the ")
          .append(plural(hidden, "finding"))
          .append(" the baseline holds.\n");
    } else if (findings.isEmpty()) {
      out.append("No findings: ").append(Verdict.nothingFound(proposed)).append('\n');
    }
    out.append('\n');
  }

  private static void inventory(ReportModel model, StringBuilder out) {
    for (ColumnRef column : model.columns()) {
      BlastRadius radius = model.result().graph().blastRadius(column);
      out.append(column.displayName())
          .append("  (blast radius: ")
          .append(plural(radius.entryPoints(), "entry point"))
          .append(", ")
          .append(plural(radius.files(), "file"))
          .append(")\n");
      for (Access access : model.result().graph().accessesOf(column)) {
        out.append("  ").append(accessLine(access)).append('\n');
      }
    }
    if (!model.columns().isEmpty()) {
      out.append('\n');
    }
  }

  /** {@code who}: one column's accesses grouped by the entry point that reaches them. */
  private static void who(ReportModel model, StringBuilder out) {
    ColumnRef column = model.column().orElseThrow();
    List<Access> accesses = model.accesses();
    if (accesses.isEmpty()) {
      out.append(column.displayName()).append(": no reads or writes found\n\n");
      return;
    }
    BlastRadius radius = model.result().graph().blastRadius(column);
    out.append(column.displayName())
        .append(": ")
        .append(plural(accesses.size(), "access", "accesses"))
        .append(", blast radius ")
        .append(plural(radius.entryPoints(), "entry point"))
        .append(" in ")
        .append(plural(radius.files(), "file"))
        .append('\n');
    Map<String, List<Access>> byEntryPoint = new TreeMap<>();
    for (Access access : accesses) {
      if (access.entryPoints().isEmpty()) {
        byEntryPoint
            .computeIfAbsent("~ no entry point found", k -> new java.util.ArrayList<>())
            .add(access);
      }
      for (EntryPoint entryPoint : access.entryPoints()) {
        byEntryPoint
            .computeIfAbsent(entryPoint.label(), k -> new java.util.ArrayList<>())
            .add(access);
      }
    }
    byEntryPoint.forEach(
        (label, list) -> {
          out.append("  ").append(label.startsWith("~ ") ? label.substring(2) : label).append('\n');
          list.forEach(a -> out.append("    ").append(accessLine(a)).append('\n'));
        });
    out.append('\n');
  }

  private static String accessLine(Access access) {
    String entryPoints =
        access.entryPoints().isEmpty()
            ? "no entry point found"
            : access.entryPoints().stream()
                .map(EntryPoint::label)
                .collect(Collectors.joining(", "));
    return String.format(
        "%-5s %s  %s %s%s  <- %s",
        access.kind().jsonName(),
        access.location().shortForm(),
        access.via().jsonName(),
        access.confidence().jsonName(),
        access.implicit() ? " implicit" : "",
        entryPoints);
  }

  /** Waived findings, one line each, with where and why they were waived. */
  private static void suppressed(List<Suppressions.SuppressedFinding> list, StringBuilder out) {
    if (list.isEmpty()) {
      return;
    }
    out.append("Suppressed:\n");
    for (Suppressions.SuppressedFinding s : list) {
      out.append("  ")
          .append(s.finding().location().shortForm())
          .append(": ")
          .append(s.finding().ruleId())
          .append(" waived by ")
          .append(s.by().where().shortForm());
      if (!s.by().reason().isEmpty()) {
        out.append(" -- ").append(s.by().reason());
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private static void problems(List<AnalysisProblem> problems, StringBuilder out) {
    if (problems.isEmpty()) {
      return;
    }
    out.append("Not analysed — results may be incomplete:\n");
    problems.forEach(p -> out.append("  ").append(p.describe()).append('\n'));
    out.append('\n');
  }

  private static void notes(List<Note> notes, StringBuilder out) {
    if (notes.isEmpty()) {
      return;
    }
    out.append("Notes:\n");
    notes.forEach(
        n -> out.append("  ").append(n.path()).append(": ").append(n.message()).append('\n'));
    out.append('\n');
  }

  private static String summary(ReportModel model) {
    AnalysisResult result = model.result();
    StringBuilder line = new StringBuilder();
    if (model.checked()) {
      for (Level level : Level.values()) {
        long count = result.findings().stream().filter(f -> f.level() == level).count();
        line.append(plural((int) count, level.jsonName())).append(", ");
      }
      if (!result.suppressed().isEmpty()) {
        line.append(result.suppressed().size()).append(" suppressed, ");
      }
      result
          .hiddenByBaseline()
          .ifPresent(hidden -> line.append(hidden).append(" hidden by the baseline, "));
    }
    Coverage coverage = result.coverage();
    line.append(plural(result.problems().size(), "problem"))
        .append("; ")
        .append(plural(result.graph().accesses().size(), "access", "accesses"))
        .append(" to ")
        .append(plural(result.graph().columns().size(), "column"))
        .append(" in ")
        .append(plural(result.graph().fileCount(), "file"))
        .append("; ")
        .append(plural(coverage.files(), "file"))
        .append(" analysed; SQL: ")
        .append(plural(coverage.sql().statements(), "statement"))
        .append(" (")
        .append(coverage.sql().parsed())
        .append(" parsed, ")
        .append(coverage.sql().fallback())
        .append(" fallback, ")
        .append(coverage.sql().unanalysed())
        .append(" unanalysed)");
    return line.toString();
  }

  private static String plural(int n, String singular) {
    return plural(n, singular, singular.endsWith("s") ? singular + "es" : singular + "s");
  }

  private static String plural(int n, String singular, String pluralForm) {
    return n + " " + (n == 1 ? singular : pluralForm);
  }
}
