package dev.blastradius.report.markdown;

import dev.blastradius.report.DisplayText;

/**
 * Escaping for names and messages from the scanned code in GitHub-flavoured markdown. Every value
 * ends up inline (in a table cell or after a list marker), never at the start of a line, so only
 * inline syntax needs escaping: emphasis, code, links, images, raw HTML and table pipes.
 */
final class MarkdownText {

  /** Longer values are cut: a PR comment holds at most 65,536 characters. */
  static final int MAX_VALUE = 300;

  private static final String INLINE_SPECIAL = "\\`*_[]<>&|~!";

  private MarkdownText() {}

  /**
   * Plain text: markdown punctuation backslash-escaped, {@code <}, {@code >} and {@code &} as
   * entities, invisible controls revealed, one line, at most {@link #MAX_VALUE} characters.
   */
  static String text(String value) {
    String shown = DisplayText.truncate(DisplayText.reveal(value), MAX_VALUE);
    StringBuilder out = new StringBuilder(shown.length() + 8);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> {
          if (INLINE_SPECIAL.indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /**
   * A code span: the value verbatim (code spans show {@code <} and {@code *} as typed), fenced by
   * one more backtick than its longest backtick run. In a table cell a {@code |} must still be
   * escaped as {@code \|}, which GFM removes again inside the span; elsewhere it must not be.
   */
  static String code(String value, boolean inTable) {
    String shown = DisplayText.truncate(DisplayText.reveal(value), MAX_VALUE);
    if (inTable) {
      shown = shown.replace("|", "\\|");
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < shown.length(); i++) {
      run = shown.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = shown.isEmpty() || shown.startsWith("`") || shown.endsWith("`");
    String body = pad ? " " + shown + " " : shown;
    return fence + body + fence;
  }
}
