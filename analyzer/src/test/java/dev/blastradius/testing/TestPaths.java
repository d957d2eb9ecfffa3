package dev.blastradius.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout's top-level directories are, for tests run by Maven or an IDE. */
public final class TestPaths {

  private TestPaths() {}

  /** The repository root (the directory holding {@code samples/} and {@code rules/}). */
  public static Path repo() {
    String configured = System.getProperty("blastradius.repoDir");
    Path root =
        configured != null && !configured.contains("${") ? Path.of(configured) : Path.of("..");
    root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("samples"))) {
      throw new IllegalStateException(
          "cannot find the repository root (no samples/ in " + root + ")");
    }
    return root;
  }

  /** {@code samples/}. */
  public static Path samples() {
    return repo().resolve("samples");
  }

  /** True when running in CI, where tests that need an outside tool must not skip. */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
