package dev.blastradius.lang.python;

/** Python string escapes, for the parts of literals that matter to SQL. */
final class StringEscapes {

  private StringEscapes() {}

  /**
   * Resolves the escapes of a non-raw literal's content: quotes, backslash, {@code \n}, {@code \t},
   * {@code \r}, {@code \0} and line continuations; other escapes are kept as written.
   */
  static String unescape(String content) {
    if (content.indexOf('\\') < 0) {
      return content;
    }
    StringBuilder out = new StringBuilder(content.length());
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c != '\\' || i + 1 >= content.length()) {
        out.append(c);
        continue;
      }
      char next = content.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        case '\\', '\'', '"' -> out.append(next);
        case '\n' -> {}
        default -> out.append('\\').append(next);
      }
    }
    return out.toString();
  }
}
