package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds Python string expressions into {@link SqlText}: literals, f-strings, {@code +}, {@code %}
 * and {@code str.format} formatting, names and attributes bound to such values in this or another
 * module ({@code from app.sql import BY_ID}), class constants ({@code self.QUERY}), and {@code x +=
 * …} appends. What cannot be known becomes a dynamic part; a value that depends on which of several
 * assignments ran is not certain.
 */
final class StringFolder {

  private static final int MAX_DEPTH = 16;

  private final Resolver resolver;

  StringFolder(Resolver resolver) {
    this.resolver = resolver;
  }

  /** The folded string, or empty when the expression is not a string we can see. */
  Optional<SqlText> fold(PyExpr expr, Scope scope) {
    return fold(expr, scope, 0);
  }

  private Optional<SqlText> fold(PyExpr expr, Scope scope, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expr instanceof PyExpr.Str str) {
      return Optional.of(SqlText.literal(str.value()));
    }
    if (expr instanceof PyExpr.FStr fstr) {
      SqlText text = new SqlText(List.of(), true);
      for (PyExpr piece : fstr.pieces()) {
        text = text.plus(fold(piece, scope, depth + 1).orElse(SqlText.dynamic()));
      }
      return Optional.of(text);
    }
    if (expr instanceof PyExpr.BinOp op && op.op().equals("+")) {
      Optional<SqlText> left = fold(op.left(), scope, depth + 1);
      Optional<SqlText> right = fold(op.right(), scope, depth + 1);
      if (left.isEmpty() && right.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(left.orElse(SqlText.dynamic()).plus(right.orElse(SqlText.dynamic())));
    }
    if (expr instanceof PyExpr.BinOp op && op.op().equals("%")) {
      return fold(op.left(), scope, depth + 1).map(f -> percent(f, op.right(), scope, depth));
    }
    if (expr instanceof PyExpr.Call call) {
      return call(call, scope, depth);
    }
    if (expr instanceof PyExpr.Name || expr instanceof PyExpr.Attr) {
      return variable(expr, scope, depth);
    }
    return Optional.empty();
  }

  private Optional<SqlText> call(PyExpr.Call call, Scope scope, int depth) {
    if (call.function() instanceof PyExpr.Attr attr) {
      if (attr.name().equals("format")) {
        return fold(attr.object(), scope, depth + 1).map(f -> format(f, call, scope, depth));
      }
      if (attr.name().equals("strip")
          || attr.name().equals("lstrip")
          || attr.name().equals("rstrip")) {
        return fold(attr.object(), scope, depth + 1);
      }
      if (attr.name().equals("join")) {
        return fold(attr.object(), scope, depth + 1).map(sep -> joined(sep, call, scope, depth));
      }
    }
    PyValue function = resolver.value(call.function(), scope);
    if (function instanceof PyValue.External external && isSqlComposer(external.name())) {
      return call.positional(0).flatMap(a -> fold(a, scope, depth + 1));
    }
    return Optional.empty();
  }

  /** psycopg's {@code sql.SQL("…")} composes SQL text; its identifiers are dynamic. */
  private static boolean isSqlComposer(String name) {
    return name.equals("psycopg2.sql.SQL") || name.equals("psycopg.sql.SQL");
  }

  private Optional<SqlText> variable(PyExpr expr, Scope scope, int depth) {
    List<Binding> bindings = resolver.definitions(expr, scope);
    SqlText value = null;
    boolean certain = true;
    List<SqlText> appended = new ArrayList<>();
    for (Binding binding : bindings) {
      switch (binding.kind()) {
        case ASSIGN -> {
          Optional<SqlText> folded = fold(binding.value(), binding.scope(), depth + 1);
          if (folded.isEmpty()) {
            certain = false;
          } else if (value == null) {
            value = folded.get();
          } else if (!value.equals(folded.get())) {
            certain = false;
          }
        }
        case AUGMENT -> {
          appended.add(fold(binding.value(), binding.scope(), depth + 1).orElse(SqlText.dynamic()));
          certain = false;
        }
        case ELEMENT -> certain = false;
        case ANNOTATION -> {}
      }
    }
    if (value == null) {
      return Optional.empty();
    }
    for (SqlText more : appended) {
      value = value.plus(more);
    }
    return Optional.of(certain ? value : value.uncertain());
  }

  /** {@code "… %s … %(name)s …" % args}, filled with the folded arguments where known. */
  private SqlText percent(SqlText format, PyExpr args, Scope scope, int depth) {
    if (!format.isLiteral()) {
      return format.plus(SqlText.dynamic());
    }
    String text = format.parts().get(0);
    List<PyExpr> positional = args instanceof PyExpr.Seq seq ? seq.items() : List.of(args);
    PyExpr.Dict named = args instanceof PyExpr.Dict dict ? dict : null;
    SqlText result = new SqlText(List.of(), format.certain());
    StringBuilder literal = new StringBuilder();
    int next = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%' || i + 1 >= text.length()) {
        literal.append(c);
        continue;
      }
      if (text.charAt(i + 1) == '%') {
        literal.append('%');
        i++;
        continue;
      }
      int end = i + 1;
      String key = null;
      if (text.charAt(end) == '(') {
        int close = text.indexOf(')', end);
        if (close < 0) {
          literal.append(c);
          continue;
        }
        key = text.substring(end + 1, close);
        end = close + 1;
      }
      while (end < text.length() && "#0- +.0123456789".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      if (end >= text.length() || "sdirfgxXeEcuo".indexOf(text.charAt(end)) < 0) {
        literal.append(c);
        continue;
      }
      PyExpr argument = null;
      if (key != null) {
        argument = named == null ? null : named.get(key).orElse(null);
      } else if (named == null && next < positional.size()) {
        argument = positional.get(next++);
      }
      result = result.plus(SqlText.literal(literal.toString()));
      literal.setLength(0);
      result = result.plus(argumentText(argument, scope, depth));
      i = end;
    }
    return result.plus(SqlText.literal(literal.toString()));
  }

  /** {@code "… {} … {0} … {name} …".format(…)}, filled with the folded arguments where known. */
  private SqlText format(SqlText format, PyExpr.Call call, Scope scope, int depth) {
    if (!format.isLiteral()) {
      return format.plus(SqlText.dynamic());
    }
    String text = format.parts().get(0);
    SqlText result = new SqlText(List.of(), format.certain());
    StringBuilder literal = new StringBuilder();
    int next = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
        literal.append(c);
        i++;
        continue;
      }
      if (c != '{') {
        literal.append(c);
        continue;
      }
      int close = text.indexOf('}', i);
      if (close < 0) {
        literal.append(c);
        continue;
      }
      String field = text.substring(i + 1, close);
      int cut = indexOfAny(field, "!:");
      String key = cut < 0 ? field : field.substring(0, cut);
      PyExpr argument;
      if (key.isEmpty()) {
        argument = call.positional(next++).orElse(null);
      } else if (key.chars().allMatch(Character::isDigit)) {
        argument = call.positional(Integer.parseInt(key)).orElse(null);
      } else {
        argument = call.keyword(key).orElse(null);
      }
      result = result.plus(SqlText.literal(literal.toString()));
      literal.setLength(0);
      result = result.plus(argumentText(argument, scope, depth));
      i = close;
    }
    return result.plus(SqlText.literal(literal.toString()));
  }

  private SqlText joined(SqlText separator, PyExpr.Call call, Scope scope, int depth) {
    Optional<PyExpr> items = call.positional(0);
    if (!separator.isLiteral() || items.isEmpty() || !(items.get() instanceof PyExpr.Seq seq)) {
      return SqlText.dynamic();
    }
    SqlText result = new SqlText(List.of(), true);
    for (int i = 0; i < seq.items().size(); i++) {
      if (i > 0) {
        result = result.plus(separator);
      }
      result = result.plus(argumentText(seq.items().get(i), scope, depth));
    }
    return result;
  }

  private SqlText argumentText(PyExpr argument, Scope scope, int depth) {
    if (argument == null) {
      return SqlText.dynamic();
    }
    return fold(argument, scope, depth + 1).orElse(SqlText.dynamic());
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
