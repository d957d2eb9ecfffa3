package dev.blastradius.lang.java;

import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * Finds database accesses in method calls for one framework (JDBC, JPA, …). Adapters record
 * accesses and problems into {@link JavaSite#facts()}; one adapter per framework, registered in
 * {@link JavaFrontend}'s list.
 */
public interface AccessAdapter {

  /** Looks at one call inside the unit of {@code site}. */
  void visit(MethodCallExpr call, JavaSite site);
}
