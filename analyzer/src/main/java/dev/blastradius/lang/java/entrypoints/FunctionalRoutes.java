package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.java.AccessAdapter;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.source.Location;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spring WebFlux/WebMvc functional routes: {@code route().GET("/users/{id}", handler::get)}, {@code
 * GET("/users", handler::list)} and {@code route(GET("/users"), handler::list)}. Each route is an
 * {@code http} entry point of its own (a small unit at the route's line) that calls the handler
 * method it names.
 */
public final class FunctionalRoutes implements AccessAdapter {

  private static final Set<String> VERBS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final Set<String> ROUTE = Set.of("route", "andRoute");

  @Override
  public void visit(MethodCallExpr call, JavaSite site) {
    String name = call.getNameAsString();
    if (VERBS.contains(name)) {
      Optional<String> path = path(call);
      Optional<MethodReferenceExpr> handler = handler(call.getArguments());
      if (path.isPresent() && handler.isPresent()) {
        declare(name, path.get(), handler.get(), call, site);
      }
    } else if (ROUTE.contains(name)
        && call.getArguments().size() == 2
        && call.getArgument(0) instanceof MethodCallExpr predicate
        && VERBS.contains(predicate.getNameAsString())) {
      Optional<String> path = path(predicate);
      Optional<MethodReferenceExpr> handler = handler(call.getArguments());
      if (path.isPresent() && handler.isPresent()) {
        declare(predicate.getNameAsString(), path.get(), handler.get(), call, site);
      }
    }
  }

  private static Optional<String> path(MethodCallExpr call) {
    return call.getArguments().stream()
        .filter(StringLiteralExpr.class::isInstance)
        .map(e -> ((StringLiteralExpr) e).asString())
        .findFirst();
  }

  private static Optional<MethodReferenceExpr> handler(List<Expression> arguments) {
    return arguments.stream()
        .filter(MethodReferenceExpr.class::isInstance)
        .map(MethodReferenceExpr.class::cast)
        .findFirst();
  }

  private static void declare(
      String verb, String path, MethodReferenceExpr handler, MethodCallExpr call, JavaSite site) {
    String route = SpringWebEntryPoints.join("", path);
    Location location = site.location(call);
    String unitId = "route:" + verb + " " + route + "@" + location.shortForm();
    site.facts().unit(new CodeUnit(unitId, "route", unitId, -1, location));
    String lower = route.toLowerCase(Locale.ROOT);
    EntryPointKind kind =
        lower.contains("webhook") || lower.contains("callback")
            ? EntryPointKind.WEBHOOK
            : lower.startsWith("/admin") ? EntryPointKind.ADMIN : EntryPointKind.HTTP;
    site.facts().entryPoint(unitId, new EntryPoint(kind, verb + " " + route, location));
    String receiver = site.names().receiverType(Optional.of(handler.getScope())).orElse(null);
    site.facts().call(new CallSite(unitId, handler.getIdentifier(), 1, receiver));
  }
}
