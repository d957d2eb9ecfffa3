package dev.blastradius.lang.ops.dashboards;

import dev.blastradius.lang.HostedSql;

/**
 * Turns the SQL of a Metabase native question or a Redash query into plain SQL before it is parsed.
 * A small scanner over the string value: a parameter ({@code {{user_id}}}) becomes {@link
 * HostedSql#DYNAMIC_PART} (a value or a name we cannot know); a Metabase snippet ({@code {{snippet:
 * active users}}}) is blanked, since its SQL lives elsewhere; the brackets of a Metabase optional
 * clause ({@code [[AND id = {{id}}]]}) are blanked and the clause kept, so the columns it names are
 * read. Line breaks are kept, so statement lines stay where they were.
 */
final class TemplateTags {

  private TemplateTags() {}

  /** The SQL with every parameter, snippet and optional-clause bracket replaced. */
  static String neutralise(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      int close = sql.startsWith("{{", i) ? sql.indexOf("}}", i + 2) : -1;
      if (close > 0) {
        String tag = sql.substring(i + 2, close).strip();
        int end = close + 2;
        if (tag.startsWith("snippet:")) {
          out.append(blank(sql.substring(i, end)));
        } else {
          out.append(GrafanaMacros.padded(HostedSql.DYNAMIC_PART, end - i));
        }
        i = end;
      } else if (sql.startsWith("[[", i) || sql.startsWith("]]", i)) {
        out.append("  ");
        i += 2;
      } else {
        out.append(sql.charAt(i));
        i++;
      }
    }
    return out.toString();
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
