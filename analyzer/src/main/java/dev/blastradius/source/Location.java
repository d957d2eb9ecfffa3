package dev.blastradius.source;

import java.util.Comparator;
import java.util.Objects;

/**
 * A span in a source file. {@code path} is relative to the report root and always {@code
 * /}-separated; lines and columns are 1-based, columns count UTF-16 code units (SARIF's default).
 */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn)
    implements Comparable<Location> {

  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::path)
          .thenComparingInt(Location::startLine)
          .thenComparingInt(Location::startColumn)
          .thenComparingInt(Location::endLine)
          .thenComparingInt(Location::endColumn);

  public Location {
    Objects.requireNonNull(path, "path");
    if (path.contains("\\")) {
      throw new IllegalStateException("Location path must be /-separated: " + path);
    }
    if (startLine < 1 || endLine < startLine) {
      throw new IllegalStateException(
          "Bad line span %d..%d in %s".formatted(startLine, endLine, path));
    }
  }

  /** A location that covers a whole line (or is only known to the line). */
  public static Location ofLine(String path, int line) {
    return new Location(path, line, 1, line, 1);
  }

  /** The same span in another file, e.g. after re-rooting a path. */
  public Location withPath(String newPath) {
    return new Location(newPath, startLine, startColumn, endLine, endColumn);
  }

  /** {@code path:line}, the short human form used in labels and text output. */
  public String shortForm() {
    return path + ":" + startLine;
  }

  @Override
  public int compareTo(Location other) {
    return ORDER.compare(this, other);
  }
}
