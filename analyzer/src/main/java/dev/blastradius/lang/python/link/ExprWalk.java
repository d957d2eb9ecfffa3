package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/** Visits the calls inside an expression, outermost first, without recursion. */
public final class ExprWalk {

  private ExprWalk() {}

  /**
   * Calls {@code visitor} for every call in {@code root}, with whether it is the receiver of
   * another method call ({@code a.b()} in {@code a.b().c()}).
   */
  public static void calls(PyExpr root, BiConsumer<PyExpr.Call, Boolean> visitor) {
    record Item(PyExpr expr, boolean receiver) {}
    Deque<Item> work = new ArrayDeque<>();
    work.push(new Item(root, false));
    while (!work.isEmpty()) {
      Item item = work.pop();
      PyExpr expr = item.expr();
      if (expr == null) {
        continue;
      }
      if (expr instanceof PyExpr.Call call) {
        visitor.accept(call, item.receiver());
        java.util.List<PyExpr.Arg> args = call.args();
        for (int i = args.size() - 1; i >= 0; i--) {
          work.push(new Item(args.get(i).value(), false));
        }
        if (call.function() instanceof PyExpr.Attr attr) {
          work.push(new Item(attr.object(), true));
        } else {
          work.push(new Item(call.function(), false));
        }
        continue;
      }
      java.util.List<PyExpr> parts = expr.parts();
      boolean receiver = expr instanceof PyExpr.Attr && item.receiver();
      for (int i = parts.size() - 1; i >= 0; i--) {
        work.push(new Item(parts.get(i), receiver));
      }
    }
  }
}
