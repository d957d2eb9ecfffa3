package dev.blastradius.lang.ts.supabase;

import java.util.ArrayList;
import java.util.List;

/**
 * Supabase's (PostgREST's) select language: {@code id, name, author:users!author_id(name),
 * comments!inner(*), total:amount.sum(), data->settings->>theme, ...profiles(avatar), count()}.
 * Parsed into the columns it names and the embedded resources, each with its own columns.
 */
public final class SupabaseSelect {

  /**
   * What a select names.
   *
   * @param columns column names (json paths cut to their column); {@code *} for all columns
   * @param embeds embedded resources
   */
  public record Selection(List<String> columns, List<Embed> embeds) {
    public Selection {
      columns = List.copyOf(columns);
      embeds = List.copyOf(embeds);
    }
  }

  /**
   * An embedded resource: {@code author:users!author_id!inner(name)} has {@code alias} author
   * ({@code null} without one), {@code relation} users, hints {@code author_id} and {@code inner}.
   */
  public record Embed(String alias, String relation, List<String> hints, Selection selection) {
    public Embed {
      hints = List.copyOf(hints);
    }
  }

  private final String text;
  private int pos;

  private SupabaseSelect(String text) {
    this.text = text;
  }

  /** Parses a select string; unreadable items are skipped. */
  public static Selection parse(String text) {
    return new SupabaseSelect(text).list();
  }

  private Selection list() {
    List<String> columns = new ArrayList<>();
    List<Embed> embeds = new ArrayList<>();
    while (pos < text.length()) {
      skipSpace();
      if (peek() == ')') {
        break;
      }
      item(columns, embeds);
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else if (peek() != ')' && pos < text.length()) {
        pos++; // unreadable: skip a character and try again
      }
    }
    return new Selection(columns, embeds);
  }

  private void item(List<String> columns, List<Embed> embeds) {
    if (text.startsWith("...", pos)) {
      pos += 3; // a spread embed: its columns join the parent's rows
    }
    if (peek() == '*') {
      pos++;
      columns.add("*");
      return;
    }
    String name = name();
    String alias = null;
    skipSpace();
    if (peek() == ':' && !text.startsWith("::", pos)) {
      pos++; // the name was an alias
      alias = name;
      skipSpace();
      name = name();
      skipSpace();
    }
    if (name.isEmpty()) {
      return;
    }
    List<String> hints = new ArrayList<>();
    while (peek() == '!') {
      pos++;
      hints.add(name());
    }
    skipSpace();
    if (peek() == '(') {
      pos++;
      Selection inner = list();
      if (peek() == ')') {
        pos++;
      }
      if (name.equals("count") && inner.columns().isEmpty() && inner.embeds().isEmpty()) {
        return; // count(): an aggregate over the rows
      }
      embeds.add(new Embed(alias, name, hints, inner));
      return;
    }
    // json paths (->, ->>), casts (::text) and aggregates (.sum()) all keep their column.
    skipTrailer();
    columns.add(name);
  }

  /** Skips what can follow a column: json path, cast, aggregate. */
  private void skipTrailer() {
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return;
      }
      pos++;
    }
  }

  private String name() {
    skipSpace();
    if (peek() == '"') {
      int end = text.indexOf('"', pos + 1);
      String quoted = end < 0 ? text.substring(pos + 1) : text.substring(pos + 1, end);
      pos = end < 0 ? text.length() : end + 1;
      return quoted;
    }
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos))
            || text.charAt(pos) == '_'
            || text.charAt(pos) == '$')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }
}
