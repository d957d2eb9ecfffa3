package dev.blastradius.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Files as they are at a git revision, read with {@code git show REV:./path} in the report root:
 * how reports quote the code sites of {@code check --base REV}, whose lines are lines of the files
 * at that revision, not of the working tree.
 */
public final class BaseSources {

  private BaseSources() {}

  /**
   * The bytes of {@code path} (relative to {@code root}) at {@code revision}; empty when git is
   * missing, the revision or the file does not exist there, or the path leaves the root.
   */
  public static Optional<byte[]> read(Path root, String revision, String path) {
    if (revision.isBlank()
        || revision.startsWith("-")
        || path.startsWith("/")
        || Path.of(path).normalize().startsWith("..")) {
      return Optional.empty();
    }
    try {
      Git.Output output = new Git(root).run("show", revision + ":./" + path);
      return output.exitCode() == 0 ? Optional.of(output.stdout()) : Optional.empty();
    } catch (Git.Missing | RuntimeException e) {
      // The site is still listed with its path and line, only without an excerpt.
      return Optional.empty();
    }
  }
}
