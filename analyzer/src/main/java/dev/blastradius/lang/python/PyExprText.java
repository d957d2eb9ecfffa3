package dev.blastradius.lang.python;

import java.util.stream.Collectors;

/**
 * Renders an expression back to short Python text for names users read ({@code crontab(minute=0,
 * hour=7)}); parts we do not keep are {@code …}.
 */
public final class PyExprText {

  private static final int MAX_LENGTH = 80;

  private PyExprText() {}

  public static String render(PyExpr expr) {
    String text = text(expr, 0);
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }

  private static String text(PyExpr expr, int depth) {
    if (depth > 8) {
      return "…";
    }
    if (expr instanceof PyExpr.Name name) {
      return name.id();
    }
    if (expr instanceof PyExpr.Attr attr) {
      return text(attr.object(), depth + 1) + "." + attr.name();
    }
    if (expr instanceof PyExpr.Str str) {
      return "\"" + str.value() + "\"";
    }
    if (expr instanceof PyExpr.Literal literal) {
      return literal.text();
    }
    if (expr instanceof PyExpr.Call call) {
      String args =
          call.args().stream()
              .map(
                  a ->
                      (a.splat() == 1 ? "*" : a.splat() == 2 ? "**" : "")
                          + (a.keyword() == null ? "" : a.keyword() + "=")
                          + text(a.value(), depth + 1))
              .collect(Collectors.joining(", "));
      return text(call.function(), depth + 1) + "(" + args + ")";
    }
    if (expr instanceof PyExpr.Seq seq) {
      return "["
          + seq.items().stream().map(i -> text(i, depth + 1)).collect(Collectors.joining(", "))
          + "]";
    }
    if (expr instanceof PyExpr.BinOp op) {
      return text(op.left(), depth + 1) + " " + op.op() + " " + text(op.right(), depth + 1);
    }
    return "…";
  }
}
