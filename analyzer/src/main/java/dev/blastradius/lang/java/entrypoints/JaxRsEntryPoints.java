package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.List;
import java.util.Set;

/**
 * JAX-RS resources ({@code jakarta.ws.rs}/{@code javax.ws.rs}): a class {@code @Path} joined with a
 * method's {@code @Path} under an HTTP method annotation ({@code @GET}, {@code @POST}, …).
 */
public final class JaxRsEntryPoints implements EntryPointAdapter {

  private static final Set<String> PATH = Set.of("Path");
  private static final List<String> VERBS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    String verb =
        VERBS.stream().filter(v -> Annotations.has(method, Set.of(v))).findFirst().orElse(null);
    if (verb == null || !Annotations.has(owner, PATH)) {
      return List.of();
    }
    String prefix =
        Annotations.find(owner, PATH).map(a -> first(Annotations.strings(a, "value"))).orElse("");
    String path =
        Annotations.find(method, PATH).map(a -> first(Annotations.strings(a, "value"))).orElse("");
    String route = SpringWebEntryPoints.join(prefix, path);
    return List.of(
        new EntryPoint(
            SpringWebEntryPoints.kind(route, owner, method),
            verb + " " + route,
            site.location(method.getName())));
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? "" : values.get(0);
  }
}
