package dev.blastradius.report.sarif;

import java.nio.charset.StandardCharsets;

/** Escaping for SARIF message strings and artifact URIs. */
final class SarifText {

  private SarifText() {}

  /**
   * Escapes text for a SARIF message that may contain embedded links: {@code \}, {@code [} and
   * {@code ]} not part of a link must be backslash-escaped (SARIF §3.11.6).
   */
  static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '[' || c == ']') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** An embedded link to related location {@code id}. */
  static String link(String text, int id) {
    return "[" + plain(text) + "](" + id + ")";
  }

  /**
   * A relative URI reference for a {@code /}-separated path: every byte outside RFC 3986's
   * unreserved set and {@code /} is percent-encoded, so spaces, {@code #}, {@code %} and non-ASCII
   * names survive consumers that parse URIs.
   */
  static String uri(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '/';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
