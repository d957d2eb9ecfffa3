package dev.blastradius.report;

import dev.blastradius.graph.Access;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.ColumnRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the reports render: the analysis result plus what the command asked for.
 *
 * @param command {@code scan}, {@code who} or {@code check}
 * @param column {@code who}'s column; reports then show only its accesses
 * @param sarifCategory {@code --sarif-category}, for SARIF's {@code automationDetails.id}
 * @param sourceRoot the directory every report path is relative to ({@code --repo-root}); when
 *     present, the HTML report quotes a few source lines around each finding's sites
 */
public record ReportModel(
    AnalysisResult result,
    String command,
    Optional<ColumnRef> column,
    Optional<String> sarifCategory,
    Optional<Path> sourceRoot) {

  /** A model without a source root: reports that quote source lines then quote none. */
  public ReportModel(
      AnalysisResult result,
      String command,
      Optional<ColumnRef> column,
      Optional<String> sarifCategory) {
    this(result, command, column, sarifCategory, Optional.empty());
  }

  /** True when rules ran, so findings (even none) are part of the report. */
  public boolean checked() {
    return command.equals("check");
  }

  /** The columns to show, sorted. */
  public Set<ColumnRef> columns() {
    if (column.isPresent()) {
      return result.graph().columns().contains(column.get()) ? Set.of(column.get()) : Set.of();
    }
    return result.graph().columns();
  }

  /** The accesses to show, in report order. */
  public List<Access> accesses() {
    return column.map(c -> result.graph().accessesOf(c)).orElse(result.graph().accesses());
  }
}
