package dev.blastradius.lang.ops.dashboards;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.ops.dashboards.LocatedTree.Scalar;
import dev.blastradius.lang.ops.dashboards.LocatedTree.Value;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads one JSON or YAML file that may hold dashboard queries. Only files that pass a cheap text
 * check (they mention one of the keys we read, such as {@code "rawSql"}) are parsed at all, so a
 * repository's other JSON and YAML costs one substring search each. A file that passes the check
 * but is not well-formed is a problem: it may hold readers we could not see.
 */
final class DashboardFiles {

  private DashboardFiles() {}

  /** The facts of a dashboard file; empty facts when the cheap check fails. */
  static FileFacts extract(
      SourceFile file,
      String text,
      ExtractContext context,
      JsonFactory factory,
      List<String> keys,
      String format) {
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    if (keys.stream().noneMatch(text::contains)) {
      return facts.build();
    }
    Value root;
    try {
      root = LocatedTree.read(factory, text);
    } catch (IOException e) {
      facts.problem(malformed(file.path(), format, e));
      return facts.build();
    }
    List<DashboardQuery> queries = new ArrayList<>();
    GrafanaDashboards.dashboard(root)
        .ifPresentOrElse(
            d -> queries.addAll(GrafanaDashboards.queries(d, file.fileName())),
            () -> new NativeQuestions(blockScalar(text)).collect(root, queries));
    DashboardQueries.record(facts, file.path(), queries, context);
    return facts.build();
  }

  private static AnalysisProblem malformed(String path, String format, IOException e) {
    String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.toString();
    JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    String firstLine = reason == null ? "" : reason.lines().findFirst().orElse("");
    return new AnalysisProblem(
        path,
        "extract",
        "the file mentions dashboard queries but is not valid "
            + format
            + " ("
            + firstLine
            + "); its queries were not read",
        line);
  }

  /**
   * Whether a scalar is a YAML block scalar ({@code |} or {@code >}), whose lines follow the line
   * of its token; never true for JSON, whose strings are one line.
   */
  private static Predicate<Scalar> blockScalar(String text) {
    List<String> lines = text.lines().toList();
    return scalar -> {
      if (scalar.line() < 1 || scalar.line() > lines.size() || scalar.column() < 1) {
        return false;
      }
      String line = lines.get(scalar.line() - 1);
      int at = scalar.column() - 1;
      return at < line.length() && (line.charAt(at) == '|' || line.charAt(at) == '>');
    };
  }
}
