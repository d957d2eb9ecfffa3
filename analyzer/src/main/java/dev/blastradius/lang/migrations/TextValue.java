package dev.blastradius.lang.migrations;

/**
 * A value read from a changelog, with where it sits in the file.
 *
 * @param text the value as the tool sees it (entities decoded, YAML block indentation removed)
 * @param line the 1-based line the value starts on
 * @param laidOut the value placed at its own lines of the file (earlier lines blank), so that SQL
 *     statements in it keep their file lines; null when the value's lines are not the file's (a
 *     JSON string with {@code \n} escapes, a folded YAML scalar)
 */
record TextValue(String text, int line, String laidOut) {

  /** A value known only to start on {@code line}. */
  static TextValue atLine(String text, int line) {
    return new TextValue(text, line, null);
  }

  /**
   * The laid-out text with {@code prefix} in front of the value, on the value's first line: written
   * over the indentation when it fits there, else inserted (later columns of that line shift, lines
   * never do). Null when the value is not laid out.
   */
  String laidOutWithPrefix(String prefix) {
    if (laidOut == null) {
      return null;
    }
    int first = 0;
    while (first < laidOut.length() && Character.isWhitespace(laidOut.charAt(first))) {
      first++;
    }
    int lineStart = laidOut.lastIndexOf('\n', first - 1) + 1;
    if (first - lineStart >= prefix.length()) {
      return laidOut.substring(0, first - prefix.length()) + prefix + laidOut.substring(first);
    }
    return laidOut.substring(0, first) + prefix + laidOut.substring(first);
  }

  /** Builds a laid-out text by appending pieces at their file positions. */
  static final class Layout {
    private final StringBuilder text = new StringBuilder();
    private int line = 1;
    private int column = 1;

    /**
     * Appends {@code piece} so that it starts at {@code atLine}:{@code atColumn} (1-based), padding
     * with line breaks and spaces; when the layout is already past that point the piece follows
     * directly.
     */
    Layout append(int atLine, int atColumn, String piece) {
      if (atLine > line) {
        text.append("\n".repeat(atLine - line));
        line = atLine;
        column = 1;
      }
      if (atLine == line && atColumn > column) {
        text.append(" ".repeat(atColumn - column));
        column = atColumn;
      }
      for (int i = 0; i < piece.length(); i++) {
        char c = piece.charAt(i);
        text.append(c);
        if (c == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return this;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
