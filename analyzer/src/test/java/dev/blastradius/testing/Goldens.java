package dev.blastradius.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact golden-file comparison with a unified diff on mismatch. {@code -Dgolden.update=true}
 * rewrites the goldens (never in CI): read every golden diff before you commit it.
 */
public final class Goldens {

  private Goldens() {}

  /** True when this run should rewrite goldens instead of comparing. */
  public static boolean updating() {
    boolean update = "true".equals(System.getProperty("golden.update"));
    if (update && TestPaths.inCi()) {
      throw new IllegalStateException("golden.update=true is not allowed in CI");
    }
    return update;
  }

  /** Compares {@code actual} with the golden file, or rewrites it when updating. */
  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(golden)) {
        fail(
            "golden file %s does not exist; run with -Dgolden.update=true, read it, and git add it",
            golden);
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        fail(
            "%s differs from the golden file. If the change is intended, rerun with"
                + " -Dgolden.update=true and read the diff before committing.\n%s",
            golden, unifiedDiff(expected, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line diff with three lines of context (LCS-based; goldens are small). */
  static String unifiedDiff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add("  " + a[i]);
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        lines.add("+ " + b[j++]);
      } else {
        lines.add("- " + a[i++]);
      }
    }
    StringBuilder out = new StringBuilder("--- golden\n+++ actual\n");
    for (int k = 0; k < lines.size(); k++) {
      boolean near = false;
      for (int d = -3; d <= 3 && !near; d++) {
        int n = k + d;
        near = n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ");
      }
      if (near) {
        out.append(lines.get(k)).append('\n');
      }
    }
    return out.toString();
  }
}
