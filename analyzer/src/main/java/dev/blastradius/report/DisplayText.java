package dev.blastradius.report;

/**
 * Makes names from the scanned code safe to show to a person. Bidirectional-override and other
 * invisible control characters in a table, column or file name could make a report read differently
 * from what it says (the "Trojan Source" trick), so they are shown as visible {@code [U+202E]}
 * markers instead; line breaks become spaces so a name stays on one line.
 */
public final class DisplayText {

  private DisplayText() {}

  /** {@code text} with line breaks as spaces and invisible controls as {@code [U+XXXX]}. */
  public static String reveal(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(replacement);
    }
    return out == null ? text : out.toString();
  }

  /** Shortens {@code text} to at most {@code max} characters, saying how many were cut. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int keep = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, keep) + "… (" + (text.length() - keep) + " more characters)";
  }

  private static String replacement(char c) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
      return " ";
    }
    if (isInvisibleControl(c)) {
      return String.format("[U+%04X]", (int) c);
    }
    return null;
  }

  /** C0/C1 controls, bidi embeddings, overrides, isolates and marks. */
  static boolean isInvisibleControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
