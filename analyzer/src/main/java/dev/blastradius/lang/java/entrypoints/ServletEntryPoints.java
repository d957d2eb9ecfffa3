package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Servlets: {@code doGet}, {@code doPost}, … of a class extending {@code HttpServlet}, routed by
 * {@code @WebServlet} url patterns when present.
 */
public final class ServletEntryPoints implements EntryPointAdapter {

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    String name = method.getNameAsString();
    boolean servlet =
        owner instanceof ClassOrInterfaceDeclaration declaration
            && declaration.getExtendedTypes().stream()
                .anyMatch(t -> t.getNameAsString().equals("HttpServlet"));
    if (!servlet || !name.startsWith("do") || name.length() < 4) {
      return List.of();
    }
    String verb = name.substring(2).toUpperCase(Locale.ROOT);
    List<String> patterns =
        Annotations.find(owner, Set.of("WebServlet"))
            .map(a -> Annotations.strings(a, "value", "urlPatterns"))
            .orElse(List.of());
    String route = patterns.isEmpty() ? "servlet " + owner.getNameAsString() : patterns.get(0);
    return List.of(
        new EntryPoint(
            SpringWebEntryPoints.kind(route, owner, method),
            verb + " " + route,
            site.location(method.getName())));
  }
}
