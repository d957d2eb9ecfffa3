package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsModule;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsProject;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * tRPC procedures: {@code t.procedure….query(fn)}, {@code publicProcedure….mutation(fn)} (any
 * builder whose name ends in {@code procedure}) are {@code http} entry points named by their key
 * path in the application's router tree ({@code trpc webhook.editWebhook}).
 *
 * <p>Routers are composed across files: {@code router({ webhook: webhookRouter })} mounts the
 * router (or procedure) bound to {@code webhookRouter}, here or in the module it is imported from.
 * A procedure inside a module-level binding ({@code export const webhookRouter = router({…})},
 * {@code export const findRoute = authenticatedProcedure.query(…)}) is named once every file is
 * read, by every path through which routers mount that binding; a binding nothing mounts, or a
 * procedure outside any binding, keeps the path within its file.
 */
public final class TrpcProcedures implements TsAdapter {

  /** How deep routers may be nested through mounts (a cycle ends here too). */
  private static final int MAX_DEPTH = 8;

  /** How many names one procedure gets at most (a router mounted in many places). */
  private static final int MAX_NAMES = 8;

  private static final java.util.Set<String> CREATE_CALLER = java.util.Set.of("createCaller");

  /** Nodes whose declarations a {@code const caller = …} is looked up in. */
  private static final java.util.Set<String> SCOPES =
      java.util.Set.of(
          "function_declaration",
          "function_expression",
          "arrow_function",
          "method_definition",
          "program");

  @Override
  public void call(TsCall call, TsSite site) {
    CallChain chain = call.chain();
    CallChain.Link last = chain.last();
    if (call.isNew() || last == null || !last.isCall()) {
      return;
    }
    String method = last.name() == null ? chain.rootText() : last.name();
    if (chain.links().size() >= 2 && site.calls(CREATE_CALLER)) {
      serverCall(call, chain, site);
    }
    switch (method) {
      case "query", "mutation", "subscription" -> procedure(call, chain, last, site);
      default -> {
        if (method.toLowerCase(Locale.ROOT).endsWith("router") && last.arguments().size() == 1) {
          router(call, last.arguments().get(0), site);
        }
      }
    }
  }

  private static void procedure(TsCall call, CallChain chain, CallChain.Link last, TsSite site) {
    boolean procedure =
        procedureName(chain.rootText()) || chain.names().stream().anyMatch(n -> procedureName(n));
    List<TsNode> args = last.arguments();
    if (!procedure || args.size() != 1) {
      return;
    }
    String type = TsSource.unwrap(args.get(0)).getType();
    if (!type.equals("arrow_function") && !type.equals("function_expression")) {
      return;
    }
    Place place = place(call.node(), site);
    String local = place.keys().isEmpty() ? "procedure" : place.keys();
    var location = site.source().location(call.node());
    if (place.binding() == null) {
      site.registration(
          new EntryPoint(EntryPointKind.HTTP, "trpc " + local, location), call.node(), args);
      return;
    }
    String unit =
        site.pendingRegistration(
            new EntryPoint(EntryPointKind.HTTP, "trpc " + local, location), call.node(), args);
    site.module()
        .trpcProcedures
        .add(new TsModule.TrpcProcedure(place.binding(), place.keys(), unit));
    String path = site.path();
    site.module()
        .pending
        .add(
            (project, facts) -> {
              for (String prefix : prefixes(project, path, place.binding(), 0)) {
                String name = join(prefix, place.keys());
                facts.entryPoint(
                    unit,
                    new EntryPoint(
                        EntryPointKind.HTTP, "trpc " + (name.isEmpty() ? local : name), location));
              }
            });
  }

  /**
   * A server-side call of a procedure, {@code caller.webhooks.sessionCompleted(…)} where {@code
   * const caller = appRouter.createCaller(ctx)} in the same function: once every file is read, the
   * calling unit calls the procedure the key path names under that router, so the caller's entry
   * points (a webhook route) reach it too.
   */
  private static void serverCall(TsCall call, CallChain chain, TsSite site) {
    if (!TsSource.type(chain.root()).equals("identifier")) {
      return;
    }
    List<String> keys = new ArrayList<>();
    List<CallChain.Link> links = chain.links();
    for (int i = 0; i < links.size(); i++) {
      CallChain.Link link = links.get(i);
      if (link.name() == null || link.isCall() != (i == links.size() - 1)) {
        return;
      }
      keys.add(link.name());
    }
    String router = callerRouter(call.node(), chain.rootText(), site);
    if (router == null) {
      return;
    }
    String path = site.path();
    String caller = call.unitId();
    String dotted = String.join(".", keys);
    site.module()
        .pending
        .add(
            (project, facts) ->
                project
                    .binding(path, router)
                    .ifPresent(
                        b ->
                            procedures(project, b.path(), b.local(), dotted, 0)
                                .forEach(u -> facts.call(new CallSite(caller, u, 0, null)))));
  }

  /** The router {@code name} was created from by {@code router.createCaller(…)} in the function. */
  private static String callerRouter(TsNode node, String name, TsSite site) {
    TsNode scope = node.getParent();
    while (TsSource.present(scope) && !SCOPES.contains(scope.getType())) {
      scope = scope.getParent();
    }
    if (!TsSource.present(scope)) {
      return null;
    }
    java.util.ArrayDeque<TsNode> work = new java.util.ArrayDeque<>(TsSource.named(scope));
    while (!work.isEmpty()) {
      TsNode at = work.pop();
      if (at.getType().equals("variable_declarator")
          && site.source().text(TsSource.field(at, "name")).equals(name)) {
        TsNode value = TsSource.unwrap(TsSource.field(at, "value"));
        TsNode function =
            TsSource.type(value).equals("call_expression")
                ? TsSource.field(value, "function")
                : null;
        if (TsSource.type(function).equals("member_expression")
            && site.source().text(TsSource.field(function, "property")).equals("createCaller")
            && TsSource.type(TsSource.field(function, "object")).equals("identifier")) {
          return site.source().text(TsSource.field(function, "object"));
        }
        return null;
      }
      work.addAll(TsSource.named(at));
    }
    return null;
  }

  /**
   * The procedure units key path {@code keys} names under the binding {@code local} of {@code
   * path}.
   */
  private static List<String> procedures(
      TsProject project, String path, String local, String keys, int depth) {
    List<String> found = new ArrayList<>();
    TsModule module = project.module(path).orElse(null);
    if (module == null || depth >= MAX_DEPTH) {
      return found;
    }
    for (TsModule.TrpcProcedure procedure : module.trpcProcedures) {
      if (procedure.router().equals(local) && procedure.keys().equals(keys)) {
        found.add(procedure.unit());
      }
    }
    for (TsModule.TrpcMount mount : module.trpcMounts) {
      if (!mount.router().equals(local)
          || !(keys.equals(mount.keys()) || keys.startsWith(mount.keys() + "."))) {
        continue;
      }
      String rest = keys.substring(mount.keys().length()).replaceFirst("^\\.", "");
      project
          .binding(path, mount.value())
          .filter(b -> !b.local().equals("*"))
          .ifPresent(b -> found.addAll(procedures(project, b.path(), b.local(), rest, depth + 1)));
    }
    return found;
  }

  private static boolean procedureName(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).endsWith("procedure");
  }

  /** Records the names a router call's object mounts (nested plain objects add their keys). */
  private static void router(TsCall call, TsNode argument, TsSite site) {
    TsNode object = TsSource.unwrap(argument);
    if (!TsSource.type(object).equals("object")) {
      return;
    }
    Place place = place(call.node(), site);
    if (place.binding() != null) {
      mounts(site, object, place.binding(), place.keys(), 0);
    }
  }

  private static void mounts(TsSite site, TsNode object, String router, String keys, int depth) {
    for (TsNode entry : TsSource.named(object)) {
      if (entry.getType().equals("shorthand_property_identifier")) {
        String name = site.source().text(entry);
        site.module().trpcMounts.add(new TsModule.TrpcMount(router, join(keys, name), name));
        continue;
      }
      if (!entry.getType().equals("pair")) {
        continue;
      }
      String key = site.source().keyName(TsSource.field(entry, "key")).orElse(null);
      TsNode value = TsSource.unwrap(TsSource.field(entry, "value"));
      if (key == null || value == null) {
        continue;
      }
      switch (value.getType()) {
        case "identifier" ->
            site.module()
                .trpcMounts
                .add(new TsModule.TrpcMount(router, join(keys, key), site.source().text(value)));
        case "object" -> {
          if (depth < MAX_DEPTH) {
            mounts(site, value, router, join(keys, key), depth + 1);
          }
        }
        default -> {} // a nested router(…) call records its own mounts
      }
    }
  }

  /**
   * Where a node sits: the keys of the object pairs around it, outermost first, and the
   * module-level binding that holds them ({@code const appRouter = router({…})}), or null.
   */
  private record Place(String binding, String keys) {}

  private static Place place(TsNode node, TsSite site) {
    List<String> keys = new ArrayList<>();
    for (TsNode at = node.getParent(); TsSource.present(at); at = at.getParent()) {
      switch (at.getType()) {
        case "pair" ->
            site.source().keyName(TsSource.field(at, "key")).ifPresent(k -> keys.add(0, k));
        case "variable_declarator" -> {
          TsNode name = TsSource.field(at, "name");
          TsNode declaration = at.getParent();
          TsNode owner = declaration == null ? null : declaration.getParent();
          boolean moduleLevel =
              owner != null
                  && (owner.getType().equals("program")
                      || owner.getType().equals("export_statement"));
          String binding =
              moduleLevel && TsSource.type(name).equals("identifier")
                  ? site.source().text(name)
                  : null;
          return new Place(binding, String.join(".", keys));
        }
        default -> {}
      }
    }
    return new Place(null, String.join(".", keys));
  }

  /**
   * The key paths under which routers mount the binding {@code local} of the module at {@code
   * path}: one empty path when nothing mounts it (a root router).
   */
  private static TreeSet<String> prefixes(TsProject project, String path, String local, int depth) {
    Map<String, List<Mounted>> index = project.memo(TrpcProcedures.class, () -> index(project));
    List<Mounted> mounts = index.getOrDefault(path + "\n" + local, List.of());
    TreeSet<String> found = new TreeSet<>();
    if (mounts.isEmpty() || depth >= MAX_DEPTH) {
      found.add("");
      return found;
    }
    for (Mounted mounted : mounts) {
      for (String outer : prefixes(project, mounted.path(), mounted.mount().router(), depth + 1)) {
        if (found.size() < MAX_NAMES) {
          found.add(join(outer, mounted.mount().keys()));
        }
      }
    }
    return found;
  }

  /** A mount and the module it is written in. */
  private record Mounted(String path, TsModule.TrpcMount mount) {}

  /** Every mount of the project by what it mounts ({@code path \n local} of the binding). */
  private static Map<String, List<Mounted>> index(TsProject project) {
    Map<String, List<Mounted>> index = new HashMap<>();
    for (TsModule module : project.modules()) {
      for (TsModule.TrpcMount mount : module.trpcMounts) {
        project
            .binding(module.path, mount.value())
            .filter(b -> !b.local().equals("*"))
            .ifPresent(
                b ->
                    index
                        .computeIfAbsent(b.path() + "\n" + b.local(), k -> new ArrayList<>())
                        .add(new Mounted(module.path, mount)));
      }
    }
    return index;
  }

  private static String join(String prefix, String keys) {
    if (prefix.isEmpty()) {
      return keys;
    }
    return keys.isEmpty() ? prefix : prefix + "." + keys;
  }
}
