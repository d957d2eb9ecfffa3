package dev.blastradius.lang.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.blastradius.graph.EntryPoint;
import java.util.List;

/**
 * Recognises the entry points one framework declares on methods (routes, schedules, listeners). One
 * adapter per framework, registered in {@link JavaFrontend}'s list.
 */
public interface EntryPointAdapter {

  /** The entry points {@code method} of {@code owner} declares; usually none. */
  List<EntryPoint> entryPoints(MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site);
}
