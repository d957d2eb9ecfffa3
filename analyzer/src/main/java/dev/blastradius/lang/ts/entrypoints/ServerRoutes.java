package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Routes of Node HTTP servers: Express and Koa routers ({@code app.get('/users/:id', …handlers)},
 * {@code router.route('/x').post(h)}), Fastify ({@code fastify.get(path, [opts], handler)}, {@code
 * fastify.route({ method, url, handler })}) and Hono ({@code app.get('/x', c => …)}). A
 * registration needs a path and at least one handler (a function or a name), so HTTP clients
 * ({@code axios.get('/x', config)}) are not routes. Mount prefixes ({@code app.use('/api',
 * router)}) are not followed.
 */
public final class ServerRoutes implements TsAdapter {

  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "patch", "delete", "del", "all", "options", "head");

  /** Receivers that are HTTP clients or test drivers, never servers. */
  private static final Set<String> CLIENTS =
      Set.of(
          "axios",
          "ky",
          "got",
          "superagent",
          "request",
          "supertest",
          "fetch",
          "cy",
          "http",
          "$http",
          "api");

  @Override
  public void call(TsCall call, TsSite site) {
    if (call.isNew()) {
      return;
    }
    CallChain chain = call.chain();
    CallChain.Link last = chain.last();
    if (last == null || last.name() == null || !last.isCall()) {
      return;
    }
    String method = last.name();
    if (method.equals("route") && chain.links().size() == 1) {
      fastifyRoute(call, last, site);
      return;
    }
    if (!METHODS.contains(method)
        || CLIENTS.contains(chain.rootText())
        || chain.rootText().endsWith(".http")) {
      return;
    }
    Optional<String> path = Optional.empty();
    int firstHandler = 1;
    List<CallChain.Link> links = chain.links();
    if (links.size() >= 2 && "route".equals(links.get(links.size() - 2).name())) {
      // router.route('/x').get(h): the path is the route's, every argument a handler.
      path = text(links.get(links.size() - 2).first(), site);
      firstHandler = 0;
    } else {
      path = text(last.first(), site);
      if (path.isEmpty() && last.arguments().size() >= 3) {
        // koa-router's named routes: router.get('name', '/path', handler)
        path = text(last.argument(1), site).filter(p -> p.startsWith("/"));
        firstHandler = 2;
      }
    }
    if (path.isEmpty() || !(path.get().startsWith("/") || path.get().equals("*"))) {
      return;
    }
    List<TsNode> handlers = handlers(last.arguments(), firstHandler);
    if (handlers.isEmpty()) {
      return;
    }
    String verb =
        method.equals("del")
            ? "DELETE"
            : method.equals("all") ? "ANY" : method.toUpperCase(Locale.ROOT);
    register(call, site, verb, path.get(), handlers);
  }

  private static void fastifyRoute(TsCall call, CallChain.Link link, TsSite site) {
    if (!(site.value(link.first()) instanceof JsValue.Obj options)) {
      return;
    }
    Optional<String> url =
        options.get("url").or(() -> options.get("path")).flatMap(JsValue::string);
    String verb =
        options
            .get("method")
            .flatMap(JsValue::string)
            .map(m -> m.toUpperCase(Locale.ROOT))
            .orElse("ANY");
    TsNode object = TsSource.unwrap(link.first());
    List<TsNode> handlers = new ArrayList<>();
    for (TsNode entry : TsSource.named(object)) {
      if (entry.getType().equals("pair")
          && site.source()
              .keyName(TsSource.field(entry, "key"))
              .filter("handler"::equals)
              .isPresent()) {
        handlers.add(TsSource.field(entry, "value"));
      } else if (entry.getType().equals("method_definition")
          && site.source()
              .keyName(TsSource.field(entry, "name"))
              .filter("handler"::equals)
              .isPresent()) {
        handlers.add(entry);
      }
    }
    if (url.isPresent() && !handlers.isEmpty()) {
      register(call, site, verb, url.get(), handlers);
    }
  }

  private static void register(
      TsCall call, TsSite site, String verb, String path, List<TsNode> handlers) {
    boolean signed =
        handlers.stream().anyMatch(h -> site.callsWithin(h, RoutePaths.SIGNATURE_CHECKS));
    EntryPointKind kind = RoutePaths.kind(path, signed);
    site.registration(
        new EntryPoint(kind, verb + " " + path, site.source().location(call.node())),
        call.node(),
        handlers);
  }

  /** The handler arguments: functions, names of functions, and calls wrapping them. */
  private static List<TsNode> handlers(List<TsNode> arguments, int from) {
    List<TsNode> found = new ArrayList<>();
    for (int i = from; i < arguments.size(); i++) {
      TsNode argument = TsSource.unwrap(arguments.get(i));
      switch (TsSource.type(argument)) {
        case "arrow_function",
            "function_expression",
            "identifier",
            "member_expression",
            "call_expression" ->
            found.add(argument);
        case "array" -> found.addAll(handlers(TsSource.named(argument), 0));
        default -> {}
      }
    }
    return found;
  }

  private static Optional<String> text(TsNode node, TsSite site) {
    return node == null
        ? Optional.empty()
        : site.strings().evaluate(node).flatMap(t -> t.constant());
  }
}
