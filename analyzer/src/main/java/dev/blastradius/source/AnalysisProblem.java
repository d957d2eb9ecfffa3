package dev.blastradius.source;

import java.util.Comparator;
import java.util.Optional;

/**
 * Something we could not analyse. A problem means readers or writers may be missing from the graph,
 * so it is shown in every report and turns a clean run into exit code 5.
 *
 * @param path the report-relative file, never null
 * @param pass the pipeline pass that gave up: discover, replay, extract, resolve, check, report
 * @param cause a one-line, user-facing reason
 * @param line the 1-based line when known, else 0
 */
public record AnalysisProblem(String path, String pass, String cause, int line)
    implements Comparable<AnalysisProblem> {

  private static final Comparator<AnalysisProblem> ORDER =
      Comparator.comparing(AnalysisProblem::path)
          .thenComparingInt(AnalysisProblem::line)
          .thenComparing(AnalysisProblem::pass)
          .thenComparing(AnalysisProblem::cause);

  public AnalysisProblem {
    cause = cause == null || cause.isBlank() ? "unknown error" : singleLine(cause);
  }

  /** A bug of ours met while a pass read {@code path}: the exception, reported, not thrown. */
  public static AnalysisProblem crash(String path, String pass, Throwable e) {
    return new AnalysisProblem(path, pass, "An exception was thrown by blastradius: " + e, 0);
  }

  /** The line, when known. */
  public Optional<Integer> knownLine() {
    return line > 0 ? Optional.of(line) : Optional.empty();
  }

  /** {@code path:line: pass: cause}, Error Prone's context format. */
  public String describe() {
    return path + (line > 0 ? ":" + line : "") + ": " + pass + ": " + cause;
  }

  private static String singleLine(String text) {
    String flat = text.strip().replaceAll("\\s*\\R\\s*", " ");
    return flat.length() > 500 ? flat.substring(0, 499) + "…" : flat;
  }

  @Override
  public int compareTo(AnalysisProblem other) {
    return ORDER.compare(this, other);
  }
}
