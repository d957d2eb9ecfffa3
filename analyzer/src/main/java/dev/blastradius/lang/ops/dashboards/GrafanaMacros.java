package dev.blastradius.lang.ops.dashboards;

import dev.blastradius.lang.HostedSql;

/**
 * Turns the SQL of a Grafana panel into plain SQL before it is parsed. A small scanner over the
 * string value (Grafana expands these before the database sees the query, so they are not SQL
 * tokens):
 *
 * <ul>
 *   <li>a macro with arguments ({@code $__timeFilter(created_at)}, {@code $__timeGroup(created_at,
 *       '1h')}) becomes a call of {@code coalesce} with the same arguments (spaces before the
 *       name), so the columns inside are still read;
 *   <li>a macro without arguments ({@code $__timeFrom()}, {@code $__interval}) becomes the literal
 *       {@code 0};
 *   <li>a dashboard variable ({@code $region}, {@code ${region:csv}}, {@code [[region]]}) becomes
 *       {@link HostedSql#DYNAMIC_PART}: a table or column named by a variable is unknown, and is
 *       dropped by the SQL frontend.
 * </ul>
 *
 * Replacements are padded with spaces to the length of what they replace when shorter, and no line
 * break is added or removed, so statement lines stay where they were. {@code $1} parameters and
 * dollar quoting ({@code $$}, {@code $tag$}) are left alone.
 */
final class GrafanaMacros {

  private static final String CALL = "coalesce";

  private GrafanaMacros() {}

  /** The SQL with every macro and variable replaced. */
  static String neutralise(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '$' && sql.startsWith("$__", i)) {
        int nameEnd = identifierEnd(sql, i + 3);
        if (nameEnd < sql.length() && sql.charAt(nameEnd) == '(') {
          int close = closingParenthesis(sql, nameEnd);
          String arguments = sql.substring(nameEnd + 1, Math.max(nameEnd + 1, close));
          if (arguments.isBlank()) {
            out.append(padded("0", close + 1 - i));
          } else {
            out.append(" ".repeat(Math.max(0, nameEnd - i - CALL.length())))
                .append(CALL)
                .append('(')
                .append(neutralise(arguments));
            if (close < sql.length()) {
              out.append(')');
            }
          }
          i = Math.min(sql.length(), close + 1);
        } else {
          out.append(padded("0", nameEnd - i));
          i = nameEnd;
        }
      } else if (c == '$' && i + 1 < sql.length() && sql.charAt(i + 1) == '{') {
        int close = sql.indexOf('}', i);
        int end = close < 0 ? sql.length() : close + 1;
        out.append(padded(HostedSql.DYNAMIC_PART, end - i));
        i = end;
      } else if (c == '$' && i + 1 < sql.length() && isIdentifierStart(sql.charAt(i + 1))) {
        int end = identifierEnd(sql, i + 1);
        if (end < sql.length() && sql.charAt(end) == '$') {
          // A dollar-quote tag ($body$), not a variable.
          out.append(sql, i, end + 1);
          i = end + 1;
          continue;
        }
        out.append(padded(HostedSql.DYNAMIC_PART, end - i));
        i = end;
      } else if (sql.startsWith("[[", i) && sql.indexOf("]]", i) > 0) {
        int end = sql.indexOf("]]", i) + 2;
        out.append(padded(HostedSql.DYNAMIC_PART, end - i));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static int identifierEnd(String sql, int from) {
    int end = from;
    while (end < sql.length()
        && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
      end++;
    }
    return end;
  }

  /**
   * The index of the parenthesis that closes the one at {@code open}, skipping quoted text; the
   * length of {@code sql} when it is never closed.
   */
  private static int closingParenthesis(String sql, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return sql.length();
  }

  /** {@code text} followed by spaces up to {@code length}; longer text is kept whole. */
  static String padded(String text, int length) {
    return text.length() >= length ? text : text + " ".repeat(length - text.length());
  }
}
