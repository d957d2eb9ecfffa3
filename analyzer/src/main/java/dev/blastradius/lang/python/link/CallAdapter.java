package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;

/**
 * Finds accesses in calls, one implementation per framework, registered in {@link PythonLinker}.
 */
public interface CallAdapter {

  /**
   * Looks at one call.
   *
   * @param chained true when the call is the receiver of another method call ({@code filter} in
   *     {@code qs.filter(…).update(…)}): adapters that read whole chains look at the outermost call
   *     only
   */
  void visit(PyExpr.Call call, boolean chained, PySite site);
}
