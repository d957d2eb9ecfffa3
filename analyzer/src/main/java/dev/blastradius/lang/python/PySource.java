package dev.blastradius.lang.python;

import dev.blastradius.lang.treesitter.LineStarts;
import dev.blastradius.source.Location;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of one Python file as tree-sitter saw them, with conversions from byte offsets to
 * text and to {@link Location}s (1-based lines, UTF-16 columns). Shared by every {@link PyNode} of
 * the file.
 */
final class PySource {

  private final String path;
  private final byte[] bytes;
  private final boolean ascii;

  /** Built on first use. */
  private LineStarts lineStarts;

  PySource(String path, String text) {
    this.path = path;
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    this.ascii = bytes.length == text.length();
  }

  /** The 0-based row of a byte offset. */
  int row(int byteOffset) {
    return lineStarts().row(byteOffset);
  }

  /** The byte offset where 0-based row {@code row} starts. */
  int lineStart(int row) {
    return lineStarts().start(row);
  }

  private LineStarts lineStarts() {
    if (lineStarts == null) {
      lineStarts = LineStarts.of(bytes);
    }
    return lineStarts;
  }

  String path() {
    return path;
  }

  /** The text between two byte offsets. */
  String text(int startByte, int endByte) {
    return new String(bytes, startByte, endByte - startByte, StandardCharsets.UTF_8);
  }

  /** A location from tree-sitter rows and byte columns. */
  Location location(
      int startByte, int startRow, int startColumn, int endByte, int endRow, int endColumn) {
    return new Location(
        path, startRow + 1, column(startByte, startColumn), endRow + 1, column(endByte, endColumn));
  }

  /** Converts a byte column on the line of {@code byteOffset} to a 1-based UTF-16 column. */
  private int column(int byteOffset, int byteColumn) {
    if (ascii) {
      return byteColumn + 1;
    }
    int lineStart = byteOffset - byteColumn;
    return new String(bytes, lineStart, byteColumn, StandardCharsets.UTF_8).length() + 1;
  }
}
