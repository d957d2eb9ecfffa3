package dev.blastradius.lang.treesitter;

import java.util.Arrays;

/**
 * Where each line of a file's UTF-8 bytes starts, as tree-sitter counts lines (a new row after each
 * {@code \n}): converts byte offsets to rows for nodes copied out of a tree, which keep only their
 * end byte.
 */
public final class LineStarts {

  private final int[] starts;

  private LineStarts(int[] starts) {
    this.starts = starts;
  }

  public static LineStarts of(byte[] bytes) {
    int lines = 1;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        starts[line++] = i + 1;
      }
    }
    return new LineStarts(starts);
  }

  /** The 0-based row of a byte offset. */
  public int row(int byteOffset) {
    int found = Arrays.binarySearch(starts, byteOffset);
    return found >= 0 ? found : -found - 2;
  }

  /** The byte offset where 0-based row {@code row} starts. */
  public int start(int row) {
    return starts[row];
  }
}
