package dev.blastradius.lang.ops.dbt;

import java.util.function.Function;

/**
 * Removes Jinja from a dbt model so that the SQL frontend sees plain SQL, keeping every line and,
 * where the replacement fits, every column in place. A small scanner, not a template engine: we
 * never render the template, we only need to know which text is SQL.
 *
 * <ul>
 *   <li>{@code {{ … }}} expressions are replaced by what {@code expression} returns for their inner
 *       text (padded with spaces to the original length), or blanked when it returns {@code null};
 *   <li>{@code {% … %}} tags and {@code {# … #}} comments are blanked; the bodies of {@code {% if
 *       %}} and {@code {% for %}} stay, so every branch is read.
 * </ul>
 *
 * Quoted strings inside a tag may hold the closing delimiter. An unclosed tag blanks the rest of
 * the file.
 */
final class JinjaText {

  private JinjaText() {}

  /**
   * The text with Jinja replaced.
   *
   * @param expression the SQL for the inner text of an expression (whitespace-control dashes and
   *     surrounding blanks removed), or {@code null} to blank it
   */
  static String strip(String text, Function<String, String> expression) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      String closing = closing(text, i);
      if (closing == null) {
        out.append(text.charAt(i));
        i++;
        continue;
      }
      int close = find(text, i + 2, closing);
      int end = close < 0 ? text.length() : close + 2;
      String original = text.substring(i, end);
      String replacement = null;
      if (closing.equals("}}") && close >= 0) {
        replacement = expression.apply(inner(text.substring(i + 2, close)));
      }
      out.append(replacement == null ? blank(original) : sameLines(replacement, original));
      i = end;
    }
    return out.toString();
  }

  /** The closing delimiter of a Jinja construct that opens at {@code i}, or null. */
  private static String closing(String text, int i) {
    if (i + 1 >= text.length() || text.charAt(i) != '{') {
      return null;
    }
    char next = text.charAt(i + 1);
    return next == '{' ? "}}" : next == '%' ? "%}" : next == '#' ? "#}" : null;
  }

  /** The index of {@code closing} at or after {@code from}, skipping quoted strings; -1 if none. */
  private static int find(String text, int from, String closing) {
    char quote = 0;
    boolean comment = closing.equals("#}");
    for (int i = from; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (!comment && (c == '\'' || c == '"')) {
        quote = c;
      } else if (text.startsWith(closing, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The inner text of an expression without whitespace-control dashes. */
  private static String inner(String raw) {
    String inner = raw;
    if (inner.startsWith("-") || inner.startsWith("+")) {
      inner = inner.substring(1);
    }
    if (inner.endsWith("-") || inner.endsWith("+")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    return inner.strip();
  }

  /**
   * {@code replacement} in place of {@code original}: padded to its length on its first line, then
   * its line breaks.
   */
  static String sameLines(String replacement, String original) {
    int newline = original.indexOf('\n');
    if (newline < 0) {
      return padded(replacement, original.length());
    }
    return padded(replacement, newline) + blank(original.substring(newline));
  }

  private static String padded(String text, int length) {
    return text.length() >= length ? text : text + " ".repeat(length - text.length());
  }

  /** Spaces in place of every character but line breaks. */
  static String blank(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c == '\n' || c == '\r' ? c : ' ');
    }
    return out.toString();
  }
}
