package dev.blastradius.lang.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

/**
 * Finds what one framework declares on a method rather than does in its body: the SQL of a MyBatis
 * mapper method's annotation, the statement a mapper interface method stands for. Adapters record
 * into {@link JavaSite#facts()} and {@link JavaSite#model()}; one adapter per framework, registered
 * in {@link JavaFrontend}'s list.
 */
public interface DeclarationAdapter {

  /** Looks at {@code method} of {@code owner}, whose unit is {@code site}'s. */
  void visit(MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site);
}
