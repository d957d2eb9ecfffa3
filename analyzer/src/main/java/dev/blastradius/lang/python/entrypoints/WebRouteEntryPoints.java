package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.Binding;
import dev.blastradius.lang.python.link.EntryPointFinder;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Routes of FastAPI, Starlette, Flask, Quart and Sanic: {@code @app.get("/users/{id}")}, {@code
 * @router.post(…)} (with the router's {@code prefix}), {@code @bp.route("/x", methods=[…])} (with
 * the blueprint's {@code url_prefix}). A route is {@code http}; {@code webhook} when its path says
 * hook; {@code admin} under {@code /admin}.
 */
public final class WebRouteEntryPoints implements EntryPointFinder {

  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");

  private static final String[] FRAMEWORKS = {
    "fastapi", "starlette", "flask", "quart", "sanic", "litestar", "flask_restx", "apiflask"
  };

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    for (PyUnit unit : module.units()) {
      if (unit.kind() != PyUnit.Kind.FUNCTION) {
        continue;
      }
      Scope scope = Decorators.scope(project, unit, module);
      for (PyExpr decorator : unit.decorators()) {
        Optional<Decorators> resolved = Decorators.of(decorator, project, scope);
        if (resolved.isEmpty() || !resolved.get().from(FRAMEWORKS)) {
          continue;
        }
        String method = resolved.get().method();
        PyExpr.Call call = resolved.get().arguments();
        List<String> methods;
        if (VERBS.contains(method)) {
          methods = List.of(method.toUpperCase(Locale.ROOT));
        } else if (method.equals("route") || method.equals("api_route")) {
          List<String> given = call.keyword("methods").map(PyExpr::strings).orElse(List.of());
          methods =
              given.isEmpty()
                  ? List.of("GET")
                  : given.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        } else if (method.equals("websocket")) {
          methods = List.of("WS");
        } else {
          continue;
        }
        String path =
            prefix(call, project, scope)
                + call.argument(0, "path").flatMap(PyExpr::string).orElse("");
        for (String verb : methods) {
          sink.entryPoint(unit.id(), TaskEntryPoints.entry(kind(path), verb + " " + path, unit));
        }
      }
    }
  }

  /** The {@code prefix}/{@code url_prefix} the router or blueprint was created with. */
  private static String prefix(PyExpr.Call decorator, Project project, Scope scope) {
    if (!(decorator.function() instanceof PyExpr.Attr attr)) {
      return "";
    }
    for (Binding binding : project.resolver().definitions(attr.object(), scope)) {
      if (binding.value() instanceof PyExpr.Call constructor) {
        Optional<String> prefix =
            constructor
                .keyword("prefix")
                .or(() -> constructor.keyword("url_prefix"))
                .flatMap(PyExpr::string);
        if (prefix.isPresent()) {
          return prefix.get();
        }
      }
    }
    return "";
  }

  /**
   * {@code webhook} when the path says hook, {@code admin} under {@code /admin}, else {@code http}.
   */
  static EntryPointKind kind(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.contains("webhook") || lower.contains("/hooks/") || lower.endsWith("/hook")) {
      return EntryPointKind.WEBHOOK;
    }
    if (lower.startsWith("/admin") || lower.startsWith("admin/")) {
      return EntryPointKind.ADMIN;
    }
    return EntryPointKind.HTTP;
  }
}
