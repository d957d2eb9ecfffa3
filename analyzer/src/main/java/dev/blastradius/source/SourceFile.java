package dev.blastradius.source;

import java.nio.file.Path;

/**
 * A file selected for analysis.
 *
 * @param absolutePath where to read it
 * @param path the path reported to users: relative to the report root, {@code /}-separated
 * @param language the frontend that handles it
 */
public record SourceFile(Path absolutePath, String path, Language language)
    implements Comparable<SourceFile> {

  @Override
  public int compareTo(SourceFile other) {
    return path.compareTo(other.path);
  }

  /** The file name without directories. */
  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
