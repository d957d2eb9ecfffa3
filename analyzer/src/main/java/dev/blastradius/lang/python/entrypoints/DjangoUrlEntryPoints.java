package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.Binding;
import dev.blastradius.lang.python.link.EntryPointFinder;
import dev.blastradius.lang.python.link.ExprWalk;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Django URL configurations: from each root {@code urlpatterns} (one no other configuration
 * includes), {@code path}/{@code re_path}/{@code url} entries with their prefixes through {@code
 * include(…)}, to function views (methods from {@code @require_http_methods}/{@code @api_view},
 * else {@code ANY}), class-based views ({@code View.as_view()}: their handler methods, else what
 * their generic bases serve) and DRF viewsets registered on routers ({@code list}, {@code create},
 * {@code retrieve}, {@code update}, {@code partial_update}, {@code destroy} and {@code @action}s).
 */
public final class DjangoUrlEntryPoints implements EntryPointFinder {

  private static final Set<String> HANDLERS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");

  /** What a generic view serves when it defines no handler itself, by base class name. */
  private static final Map<String, List<String>> GENERIC =
      Map.ofEntries(
          Map.entry("ListView", List.of("GET")),
          Map.entry("DetailView", List.of("GET")),
          Map.entry("TemplateView", List.of("GET")),
          Map.entry("RedirectView", List.of("GET")),
          Map.entry("CreateView", List.of("GET", "POST")),
          Map.entry("UpdateView", List.of("GET", "POST")),
          Map.entry("FormView", List.of("GET", "POST")),
          Map.entry("DeleteView", List.of("GET", "POST")),
          Map.entry("ListAPIView", List.of("GET")),
          Map.entry("RetrieveAPIView", List.of("GET")),
          Map.entry("CreateAPIView", List.of("POST")),
          Map.entry("DestroyAPIView", List.of("DELETE")),
          Map.entry("UpdateAPIView", List.of("PUT", "PATCH")),
          Map.entry("ListCreateAPIView", List.of("GET", "POST")),
          Map.entry("RetrieveUpdateAPIView", List.of("GET", "PUT", "PATCH")),
          Map.entry("RetrieveDestroyAPIView", List.of("GET", "DELETE")),
          Map.entry("RetrieveUpdateDestroyAPIView", List.of("GET", "PUT", "PATCH", "DELETE")));

  /** The standard viewset actions: method, and whether they act on one object. */
  private record Action(String name, String verb, boolean detail) {}

  private static final List<Action> ACTIONS =
      List.of(
          new Action("list", "GET", false),
          new Action("create", "POST", false),
          new Action("retrieve", "GET", true),
          new Action("update", "PUT", true),
          new Action("partial_update", "PATCH", true),
          new Action("destroy", "DELETE", true));

  /** The actions a viewset inherits from DRF, by base class name. */
  private static final Map<String, List<String>> VIEWSET_BASES =
      Map.of(
          "ModelViewSet",
              List.of("list", "create", "retrieve", "update", "partial_update", "destroy"),
          "ReadOnlyModelViewSet", List.of("list", "retrieve"),
          "ListModelMixin", List.of("list"),
          "CreateModelMixin", List.of("create"),
          "RetrieveModelMixin", List.of("retrieve"),
          "UpdateModelMixin", List.of("update", "partial_update"),
          "DestroyModelMixin", List.of("destroy"));

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    Scope scope = project.resolver().moduleScope(module);
    if (scope.bindings("urlpatterns").isEmpty() || includedElsewhere(module, project)) {
      return;
    }
    new Walk(project, sink).patterns(module, "/", new HashSet<>());
  }

  /** The paths of the URL configurations some other configuration includes, per project. */
  private final Map<Project, Set<String>> included =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** Whether another URL configuration includes this one (then it is walked from there). */
  private boolean includedElsewhere(PyModule module, Project project) {
    return included
        .computeIfAbsent(project, DjangoUrlEntryPoints::included)
        .contains(module.path());
  }

  private static Set<String> included(Project project) {
    Set<String> paths = new HashSet<>();
    for (PyModule other : project.modules()) {
      if (!other.parsed()) {
        continue;
      }
      Scope scope = project.resolver().moduleScope(other);
      for (Binding binding : scope.bindings("urlpatterns")) {
        ExprWalk.calls(
            binding.value(),
            (call, chained) -> {
              if (call.name().filter("include"::equals).isPresent()) {
                target(call, scope, project)
                    .filter(path -> !path.equals(other.path()))
                    .ifPresent(paths::add);
              }
            });
      }
    }
    return paths;
  }

  /** The path of the module an {@code include(…)} names. */
  private static Optional<String> target(PyExpr.Call include, Scope scope, Project project) {
    Optional<PyExpr> target = include.positional(0);
    if (target.isPresent() && target.get() instanceof PyExpr.Seq seq && !seq.items().isEmpty()) {
      target = Optional.of(seq.items().get(0));
    }
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = PyExpr.string(target.get());
    if (name.isPresent()) {
      return project.module(name.get()).map(PyModule::path);
    }
    return project.resolver().value(target.get(), scope) instanceof PyValue.Module m
            && m.module() != null
        ? Optional.of(m.module().path())
        : Optional.empty();
  }

  /** One walk over the URL configurations reachable from a root. */
  private static final class Walk {
    private final Project project;
    private final Sink sink;

    Walk(Project project, Sink sink) {
      this.project = project;
      this.sink = sink;
    }

    void patterns(PyModule module, String prefix, Set<String> visiting) {
      if (!visiting.add(module.path() + "\n" + prefix) || visiting.size() > 200) {
        return;
      }
      Scope scope = project.resolver().moduleScope(module);
      for (Binding binding : scope.bindings("urlpatterns")) {
        items(binding.value(), scope, prefix, visiting, 0);
      }
    }

    private void items(PyExpr expr, Scope scope, String prefix, Set<String> visiting, int depth) {
      if (depth > 8 || expr == null) {
        return;
      }
      if (expr instanceof PyExpr.Call call
          && !(call.function() instanceof PyExpr.Attr a && a.name().equals("urls"))) {
        item(call, scope, prefix, visiting);
      } else if (expr instanceof PyExpr.Attr attr && attr.name().equals("urls")) {
        router(attr.object(), scope, prefix);
      } else if (expr instanceof PyExpr.Name) {
        for (Binding binding : project.resolver().definitions(expr, scope)) {
          items(binding.value(), binding.scope(), prefix, visiting, depth + 1);
        }
      } else {
        for (PyExpr part : expr.parts()) {
          items(part, scope, prefix, visiting, depth + 1);
        }
      }
    }

    private void item(PyExpr.Call call, Scope scope, String prefix, Set<String> visiting) {
      PyValue function = project.resolver().value(call.function(), scope);
      if (!(function instanceof PyValue.External external) || !external.in("django")) {
        return;
      }
      String kind = external.name().substring(external.name().lastIndexOf('.') + 1);
      if (!kind.equals("path") && !kind.equals("re_path") && !kind.equals("url")) {
        return;
      }
      String route = call.argument(0, "route").flatMap(PyExpr::string).orElse("");
      if (!kind.equals("path")) {
        route = route.replace("^", "").replace("$", "").replace("\\", "");
      }
      String path = prefix + route;
      Optional<PyExpr> view = call.argument(1, "view");
      if (view.isEmpty()) {
        return;
      }
      if (view.get() instanceof PyExpr.Call inner) {
        if (inner.name().filter("include"::equals).isPresent()) {
          include(inner, scope, path, visiting);
        } else if (inner.name().filter("as_view"::equals).isPresent()
            && inner.function() instanceof PyExpr.Attr attr
            && project.resolver().value(attr.object(), scope) instanceof PyValue.ClassRef cls) {
          Optional<PyExpr> actions = inner.positional(0);
          if (actions.isPresent() && actions.get() instanceof PyExpr.Dict dict) {
            viewSetActions(cls, path, dict);
          } else {
            classView(cls, path);
          }
        }
        return;
      }
      PyValue target = project.resolver().value(view.get(), scope);
      if (target instanceof PyValue.Function fn) {
        functionView(fn, path, scope);
      }
    }

    private void include(PyExpr.Call include, Scope scope, String path, Set<String> visiting) {
      Optional<PyExpr> target = include.positional(0);
      if (target.isPresent()
          && target.get() instanceof PyExpr.Seq seq
          && !seq.items().isEmpty()
          && !(seq.items().get(0) instanceof PyExpr.Call)) {
        target = Optional.of(seq.items().get(0));
      }
      if (target.isEmpty()) {
        return;
      }
      Optional<String> name = PyExpr.string(target.get());
      if (name.isPresent()) {
        project.module(name.get()).ifPresent(m -> patterns(m, path, visiting));
        return;
      }
      PyValue value = project.resolver().value(target.get(), scope);
      if (value instanceof PyValue.Module module && module.module() != null) {
        patterns(module.module(), path, visiting);
      } else {
        items(target.get(), scope, path, visiting, 1);
      }
    }

    private void functionView(PyValue.Function fn, String path, Scope scope) {
      PyUnit unit = fn.unit();
      List<String> verbs = new ArrayList<>();
      Scope outer = Decorators.scope(project, unit, fn.module());
      for (PyExpr decorator : unit.decorators()) {
        Optional<Decorators> resolved = Decorators.of(decorator, project, outer);
        if (resolved.isEmpty()) {
          continue;
        }
        String method = resolved.get().method();
        if (method.equals("api_view") || method.equals("require_http_methods")) {
          resolved.get().arguments().positional(0).map(PyExpr::strings).ifPresent(verbs::addAll);
          if (method.equals("api_view") && verbs.isEmpty()) {
            verbs.add("GET");
          }
        } else if (method.startsWith("require_") && !method.equals("require_safe")) {
          verbs.add(method.substring("require_".length()));
        } else if (method.equals("require_safe")) {
          verbs.addAll(List.of("GET", "HEAD"));
        }
      }
      if (verbs.isEmpty()) {
        verbs.add("ANY");
      }
      for (String verb : verbs) {
        sink.entryPoint(unit.id(), entry(verb, path, unit.location()));
      }
    }

    private void classView(PyValue.ClassRef cls, String path) {
      Map<String, PyUnit> methods = ClassUnits.methods(cls, project);
      Set<String> verbs = new LinkedHashSet<>();
      methods.keySet().stream()
          .filter(HANDLERS::contains)
          .forEach(m -> verbs.add(m.toUpperCase(Locale.ROOT)));
      if (verbs.isEmpty()) {
        for (String base : project.resolver().externalBases(cls)) {
          verbs.addAll(GENERIC.getOrDefault(base.substring(base.lastIndexOf('.') + 1), List.of()));
        }
      }
      if (verbs.isEmpty()) {
        verbs.add("ANY");
      }
      for (PyUnit body : ClassUnits.bodies(cls, project)) {
        verbs.forEach(v -> sink.entryPoint(body.id(), entry(v, path, cls.cls().location())));
      }
      Set<String> called = ClassUnits.calledOnSelf(cls, project);
      for (Map.Entry<String, PyUnit> method : methods.entrySet()) {
        if (HANDLERS.contains(method.getKey())) {
          String verb = method.getKey().toUpperCase(Locale.ROOT);
          sink.entryPoint(method.getValue().id(), entry(verb, path, cls.cls().location()));
        } else if (!called.contains(method.getKey())) {
          // A hook the framework calls (get_queryset, form_valid): it runs for every route.
          verbs.forEach(
              v -> sink.entryPoint(method.getValue().id(), entry(v, path, cls.cls().location())));
        }
      }
    }

    /** {@code ViewSet.as_view({"get": "list"})} in a URL pattern. */
    private void viewSetActions(PyValue.ClassRef cls, String path, PyExpr.Dict mapping) {
      List<EntryPoint> all = new ArrayList<>();
      Map<String, PyUnit> methods = ClassUnits.methods(cls, project);
      for (int i = 0; i < mapping.keys().size(); i++) {
        Optional<String> verb =
            mapping.keys().get(i) == null ? Optional.empty() : PyExpr.string(mapping.keys().get(i));
        Optional<String> action = PyExpr.string(mapping.values().get(i));
        if (verb.isEmpty() || action.isEmpty()) {
          continue;
        }
        EntryPoint entryPoint =
            entry(verb.get().toUpperCase(Locale.ROOT), path, cls.cls().location());
        all.add(entryPoint);
        PyUnit method = methods.get(action.get());
        if (method != null) {
          sink.entryPoint(method.id(), entryPoint);
        }
      }
      assignAll(
          cls,
          methods,
          all,
          Set.copyOf(mapping.values().stream().flatMap(v -> PyExpr.string(v).stream()).toList()));
    }

    /** A DRF router's registrations: {@code router.register("users", UserViewSet)}. */
    private void router(PyExpr router, Scope scope, String prefix) {
      String variable =
          router instanceof PyExpr.Name n
              ? n.id()
              : router instanceof PyExpr.Attr a ? a.name() : null;
      if (variable == null) {
        return;
      }
      for (Binding binding : project.resolver().definitions(router, scope)) {
        PyModule module = binding.scope().module();
        for (PyUnit unit : module.units()) {
          Scope unitScope = project.resolver().scope(module, unit);
          for (PyStatement statement : unit.statements()) {
            ExprWalk.calls(
                statement.value(),
                (call, chained) -> {
                  if (call.function() instanceof PyExpr.Attr attr
                      && attr.name().equals("register")
                      && attr.object() instanceof PyExpr.Name name
                      && name.id().equals(variable)) {
                    register(call, unitScope, prefix);
                  }
                });
          }
        }
        return;
      }
    }

    private void register(PyExpr.Call call, Scope scope, String prefix) {
      String route =
          call.argument(0, "prefix")
              .flatMap(PyExpr::string)
              .orElse("")
              .replace("^", "")
              .replace("$", "");
      Optional<PyExpr> viewset = call.argument(1, "viewset");
      if (viewset.isEmpty()
          || !(project.resolver().value(viewset.get(), scope) instanceof PyValue.ClassRef cls)) {
        return;
      }
      String base = prefix + route + (route.endsWith("/") || route.isEmpty() ? "" : "/");
      Map<String, PyUnit> methods = ClassUnits.methods(cls, project);
      Set<String> available = new LinkedHashSet<>();
      for (String external : project.resolver().externalBases(cls)) {
        available.addAll(
            VIEWSET_BASES.getOrDefault(
                external.substring(external.lastIndexOf('.') + 1), List.of()));
      }
      ACTIONS.stream().map(Action::name).filter(methods::containsKey).forEach(available::add);
      List<EntryPoint> all = new ArrayList<>();
      Set<String> routed = new HashSet<>();
      for (Action action : ACTIONS) {
        if (!available.contains(action.name())) {
          continue;
        }
        EntryPoint entryPoint =
            entry(action.verb(), base + (action.detail() ? "{pk}/" : ""), cls.cls().location());
        all.add(entryPoint);
        routed.add(action.name());
        PyUnit method = methods.get(action.name());
        if (method != null) {
          sink.entryPoint(method.id(), entryPoint);
        }
      }
      for (PyUnit method : methods.values()) {
        extraAction(method, base, cls)
            .forEach(
                e -> {
                  sink.entryPoint(method.id(), e);
                  all.add(e);
                  routed.add(method.name());
                });
      }
      assignAll(cls, methods, all, routed);
    }

    /** The routes of a method decorated with {@code @action(detail=…, methods=[…])}. */
    private List<EntryPoint> extraAction(PyUnit method, String base, PyValue.ClassRef cls) {
      Scope outer = Decorators.scope(project, method, cls.module());
      List<EntryPoint> found = new ArrayList<>();
      for (PyExpr decorator : method.decorators()) {
        Optional<Decorators> resolved = Decorators.of(decorator, project, outer);
        if (resolved.isEmpty()
            || !resolved.get().from("rest_framework")
            || !resolved.get().method().equals("action")) {
          continue;
        }
        PyExpr.Call call = resolved.get().arguments();
        boolean detail =
            call.keyword("detail")
                .filter(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
                .isPresent();
        String urlPath = call.keyword("url_path").flatMap(PyExpr::string).orElse(method.name());
        List<String> verbs = call.keyword("methods").map(PyExpr::strings).orElse(List.of("get"));
        for (String verb : verbs) {
          found.add(
              entry(
                  verb.toUpperCase(Locale.ROOT),
                  base + (detail ? "{pk}/" : "") + urlPath + "/",
                  cls.cls().location()));
        }
      }
      return found;
    }

    /** Class bodies and the methods no single route owns run for every route of the class. */
    private void assignAll(
        PyValue.ClassRef cls,
        Map<String, PyUnit> methods,
        List<EntryPoint> all,
        Set<String> owned) {
      for (PyUnit body : ClassUnits.bodies(cls, project)) {
        all.forEach(e -> sink.entryPoint(body.id(), e));
      }
      Set<String> called = ClassUnits.calledOnSelf(cls, project);
      for (PyUnit method : methods.values()) {
        if (!owned.contains(method.name()) && !called.contains(method.name())) {
          all.forEach(e -> sink.entryPoint(method.id(), e));
        }
      }
    }

    private static EntryPoint entry(
        String verb, String path, dev.blastradius.source.Location location) {
      return new EntryPoint(
          WebRouteEntryPoints.kind(path), verb.toUpperCase(Locale.ROOT) + " " + path, location);
    }
  }
}
