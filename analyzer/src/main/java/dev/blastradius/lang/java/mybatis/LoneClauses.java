package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ${…}} substitutions that stand alone between words ({@code WHERE del_flag = '0'
 * ${params.dataScope}}): MyBatis splices a whole SQL clause in there at run time, typically a
 * data-permission filter built in Java. As a dynamic identifier the statement does not parse, so a
 * retry renders it without them; what is left is only part of the SQL sent, so the rendering is
 * {@link DynamicSql.Rendering#partial() partial} and its accesses at most possible.
 */
final class LoneClauses {

  private LoneClauses() {}

  /**
   * True when {@code sql} has a dynamic part set off by white space (or the ends) on both sides.
   */
  static boolean any(StringTemplate sql) {
    List<StringTemplate.Part> parts = sql.parts();
    for (int i = 0; i < parts.size(); i++) {
      if (alone(parts, i)) {
        return true;
      }
    }
    return false;
  }

  /** {@code rendering} without its lone dynamic parts, marked partial when it had any. */
  static DynamicSql.Rendering without(DynamicSql.Rendering rendering) {
    List<StringTemplate.Part> parts = rendering.sql().parts();
    List<StringTemplate.Part> kept = new ArrayList<>();
    boolean dropped = false;
    for (int i = 0; i < parts.size(); i++) {
      if (alone(parts, i)) {
        dropped = true;
      } else {
        kept.add(parts.get(i));
      }
    }
    return new DynamicSql.Rendering(
        new StringTemplate(kept),
        rendering.chooses(),
        rendering.ifs(),
        rendering.missing(),
        rendering.partial() || dropped);
  }

  /**
   * Part {@code i} is dynamic, and the text before it ends (and the text after it starts) with
   * white space, or there is none. A name glued to it ({@code audit_${month}}) or an operand
   * ({@code = ${id}}) is not alone: the latter parses as an identifier.
   */
  private static boolean alone(List<StringTemplate.Part> parts, int i) {
    if (!(parts.get(i) instanceof StringTemplate.Dynamic)) {
      return false;
    }
    String before = i == 0 ? "" : text(parts.get(i - 1));
    String after = i == parts.size() - 1 ? "" : text(parts.get(i + 1));
    if (before == null || after == null) {
      return false;
    }
    boolean openBefore =
        before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1));
    boolean openAfter = after.isEmpty() || Character.isWhitespace(after.charAt(0));
    return openBefore && openAfter && !operand(before);
  }

  /** True when the text before ends with an operator or keyword that needs an operand. */
  private static boolean operand(String before) {
    String tail = before.stripTrailing();
    if (tail.isEmpty()) {
      return false;
    }
    char last = tail.charAt(tail.length() - 1);
    if ("=<>(,+-*/|".indexOf(last) >= 0) {
      return true;
    }
    String word = tail.substring(tail.lastIndexOf(' ') + 1).toUpperCase(java.util.Locale.ROOT);
    return List.of("BY", "IN", "LIKE", "SELECT", "FROM", "JOIN", "LIMIT", "OFFSET", "AND", "OR")
        .contains(word);
  }

  private static String text(StringTemplate.Part part) {
    return part instanceof StringTemplate.Literal literal ? literal.text() : null;
  }
}
