package dev.blastradius.source;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of discovery: every file to analyse, sorted by path.
 *
 * @param scanRoot the directory the user asked us to scan
 * @param reportRoot the directory output paths are relative to ({@code --repo-root})
 * @param files the files to analyse, sorted by {@link SourceFile#path()}
 * @param skipped files we chose not to analyse, with the reason (too large), for notes
 * @param problems files and directories discovery could not read
 */
public record SourceTree(
    Path scanRoot,
    Path reportRoot,
    List<SourceFile> files,
    List<SkippedFile> skipped,
    List<AnalysisProblem> problems) {

  public SourceTree {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
  }

  /** A file discovery saw but did not hand to a frontend. */
  public record SkippedFile(String path, String reason) {}

  /**
   * The report-relative, {@code /}-separated form of an absolute path. Paths outside the report
   * root keep only their file name: SARIF consumers reject {@code ..} and absolute URIs.
   */
  public static String relativize(Path reportRoot, Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    Path root = reportRoot.toAbsolutePath().normalize();
    Path relative =
        normalized.startsWith(root) ? root.relativize(normalized) : normalized.getFileName();
    return relative.toString().replace('\\', '/');
  }
}
