package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JDBC's escape syntax for stored procedures, which {@code statementType="CALLABLE"} statements
 * use: {@code {call p(?)}} is {@code CALL p(?)} and {@code {? = call f(?)}} is {@code SELECT f(?)},
 * so the SQL frontend sees the routine being called.
 */
final class JdbcEscape {

  private JdbcEscape() {}

  /** The rendering with its escape braces turned into SQL; anything else unchanged. */
  static DynamicSql.Rendering call(DynamicSql.Rendering rendering) {
    List<StringTemplate.Part> parts = new ArrayList<>(rendering.sql().parts());
    if (parts.isEmpty()
        || !(parts.get(0) instanceof StringTemplate.Literal first)
        || !(parts.get(parts.size() - 1) instanceof StringTemplate.Literal)) {
      return rendering;
    }
    String head = first.text().strip();
    if (!head.startsWith("{")) {
      return rendering;
    }
    head = head.substring(1).strip();
    boolean function = head.startsWith("?");
    if (function) {
      head = head.substring(1).strip();
      head = head.startsWith("=") ? head.substring(1).strip() : head;
    }
    if (!head.toLowerCase(Locale.ROOT).startsWith("call")) {
      return rendering;
    }
    head = (function ? "SELECT " : "CALL ") + head.substring("call".length()).strip();
    parts.set(0, new StringTemplate.Literal(head));
    int last = parts.size() - 1;
    String tail = ((StringTemplate.Literal) parts.get(last)).text().stripTrailing();
    if (last == 0) {
      tail = head.stripTrailing();
    }
    if (tail.endsWith("}")) {
      tail = tail.substring(0, tail.length() - 1);
    }
    parts.set(last, new StringTemplate.Literal(tail));
    return new DynamicSql.Rendering(
        new StringTemplate(parts),
        rendering.chooses(),
        rendering.ifs(),
        rendering.missing(),
        rendering.partial());
  }
}
