package dev.blastradius.lang.python.link;

import dev.blastradius.graph.CallSite;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The call-graph edges of a Python call. A callee we can resolve (a function, a method of a known
 * receiver, a constructor) becomes a call narrowed to its owner's type, so it cannot land in a unit
 * of another language; a function passed as an argument ({@code Depends(get_db)}, {@code
 * Thread(target=run)}) counts as called. A method of a receiver we cannot type is matched by name
 * and argument count against the project's methods, except for the names in {@link #COMMON}, which
 * dicts, lists, strings, requests and querysets answer far more often than our code.
 */
final class CallEdges {

  /** Method names too common to match by name alone. */
  static final Set<String> COMMON =
      Set.of(
          "get",
          "post",
          "put",
          "patch",
          "delete",
          "head",
          "options",
          "items",
          "keys",
          "values",
          "append",
          "extend",
          "insert",
          "pop",
          "remove",
          "discard",
          "clear",
          "copy",
          "update",
          "setdefault",
          "add",
          "sort",
          "index",
          "count",
          "format",
          "join",
          "split",
          "strip",
          "replace",
          "lower",
          "upper",
          "startswith",
          "endswith",
          "encode",
          "decode",
          "read",
          "write",
          "close",
          "open",
          "send",
          "filter",
          "exclude",
          "all",
          "first",
          "last",
          "exists",
          "save",
          "create",
          "execute",
          "fetch",
          "run",
          "call",
          "apply",
          "render",
          "dispatch",
          "process",
          "handle",
          "list",
          "retrieve",
          "destroy",
          "info",
          "debug",
          "warning",
          "error",
          "exception",
          "log",
          "json",
          "dumps",
          "loads",
          "set",
          "next",
          "send_mail",
          "isoformat",
          "strftime",
          "group",
          "match",
          "search",
          "sub",
          "findall",
          "commit",
          "rollback",
          "flush",
          "refresh",
          "query",
          "scalars",
          "scalar",
          "one",
          "one_or_none",
          "order_by");

  private final Resolver resolver;
  private final Map<String, List<PyUnit>> methodsByName = new HashMap<>();

  CallEdges(Resolver resolver, List<PyModule> modules) {
    this.resolver = resolver;
    for (PyModule module : modules) {
      for (PyUnit unit : module.units()) {
        if (unit.kind() == PyUnit.Kind.FUNCTION && unit.declaringClass() != null) {
          methodsByName.computeIfAbsent(unit.name(), k -> new ArrayList<>()).add(unit);
        }
      }
    }
  }

  /** Adds the edges of {@code call}, made by {@code callerId} in {@code scope}, to {@code out}. */
  void edges(PyExpr.Call call, Scope scope, String callerId, Consumer<CallSite> out) {
    PyValue function = resolver.value(call.function(), scope);
    int positional = call.positional().size();
    if (function instanceof PyValue.Function fn) {
      out.accept(site(callerId, fn));
    } else if (function instanceof PyValue.ClassRef cls) {
      constructor(callerId, cls, out);
    } else if (call.function() instanceof PyExpr.Attr attr
        && !COMMON.contains(attr.name())
        && !attr.name().startsWith("__")
        && untyped(resolver.value(attr.object(), scope))) {
      for (PyUnit candidate : methodsByName.getOrDefault(attr.name(), List.of())) {
        if (call.splatted() || candidate.accepts(positional)) {
          out.accept(
              new CallSite(callerId, candidate.name(), candidate.arity(), candidate.ownerType()));
        }
      }
    }
  }

  /**
   * The edges of the names and attributes an expression mentions without calling them: a function
   * passed along ({@code Depends(get_db)}, {@code Thread(target=run)}, {@code path("x",
   * views.show)}) may be called; a class named ({@code serializer_class = UserSerializer}) is used,
   * which reaches what its body declares.
   */
  void references(PyExpr root, Scope scope, String callerId, Consumer<CallSite> out) {
    if (root == null) {
      return;
    }
    java.util.Deque<PyExpr> work = new java.util.ArrayDeque<>();
    work.push(root);
    while (!work.isEmpty()) {
      PyExpr expr = work.pop();
      if (expr instanceof PyExpr.Name || expr instanceof PyExpr.Attr) {
        PyValue value = resolver.value(expr, scope);
        if (value instanceof PyValue.Function fn) {
          out.accept(site(callerId, fn));
        } else if (value instanceof PyValue.ClassRef cls) {
          out.accept(classBody(callerId, cls));
        } else if (expr instanceof PyExpr.Attr attr) {
          work.push(attr.object());
        }
        continue;
      }
      if (expr instanceof PyExpr.Call call) {
        // The callee is handled by edges(); its arguments and receiver are references.
        if (call.function() instanceof PyExpr.Attr attr) {
          work.push(attr.object());
        }
        call.args().forEach(a -> work.push(a.value()));
        continue;
      }
      expr.parts().forEach(work::push);
    }
  }

  /** The edge to a class body: using a class reaches what its body declares. */
  static CallSite classBody(String callerId, PyValue.ClassRef cls) {
    return new CallSite(callerId, cls.cls().body().name(), 0, cls.cls().type());
  }

  /** Whether nothing is known about a receiver, so its methods may be ours. */
  private static boolean untyped(PyValue receiver) {
    return receiver instanceof PyValue.Unknown
        || (receiver instanceof PyValue.Method method
            && method.receiver() instanceof PyValue.Unknown);
  }

  private void constructor(String callerId, PyValue.ClassRef cls, Consumer<CallSite> out) {
    out.accept(classBody(callerId, cls));
    for (PyValue.ClassRef candidate : resolver.mro(cls)) {
      PyUnit init = candidate.cls().methods().get("__init__");
      if (init != null) {
        out.accept(new CallSite(callerId, "__init__", init.arity(), cls.cls().type()));
        return;
      }
    }
  }

  /** The call of a resolved function: narrowed to its receiver's class, or to its owner. */
  static CallSite site(String callerId, PyValue.Function fn) {
    PyUnit unit = fn.unit();
    String type = unit.ownerType();
    if (fn.receiver() instanceof PyValue.Instance instance && !instance.viaSuper()) {
      type = instance.cls().type();
    } else if (fn.receiver() instanceof PyValue.ClassRef cls) {
      type = cls.cls().type();
    }
    return new CallSite(callerId, unit.name(), unit.arity(), type);
  }

  /** The type names of a class's project bases. */
  static Set<String> supertypes(Resolver resolver, PyValue.ClassRef cls) {
    Set<String> types = new java.util.LinkedHashSet<>();
    for (PyValue base : resolver.bases(cls)) {
      if (base instanceof PyValue.ClassRef ref) {
        PyClass c = ref.cls();
        types.add(c.type());
      }
    }
    return types;
  }
}
