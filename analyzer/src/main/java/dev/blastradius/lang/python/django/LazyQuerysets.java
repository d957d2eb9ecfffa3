package dev.blastradius.lang.python.django;

import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Django querysets kept in local variables of one function. A queryset is lazy: {@code q =
 * Flip.objects.filter(…)} and {@code q = q.filter(…)} run no SQL; the query runs where the variable
 * is evaluated — a terminal method ({@code q.first()}, {@code q.update(…)}, {@code q.count()}), a
 * {@code for}, a comprehension, {@code list(q)} and other builtins that iterate, {@code if q:} —
 * with the filters of every assignment to the variable (flow-insensitive: the union of the chain
 * segments assigned in the function). A variable that leaves the function (returned, passed to a
 * call, stored) is not followed: its querysets are reported where they are built, as any other
 * queryset expression.
 */
final class LazyQuerysets {

  /** Queryset methods that return another queryset without running it. */
  private static final Set<String> LAZY = lazyMethods();

  /** Builtins that iterate or evaluate their argument. */
  private static final Set<String> CONSUMERS =
      Set.of(
          "list",
          "tuple",
          "set",
          "frozenset",
          "sorted",
          "len",
          "bool",
          "enumerate",
          "any",
          "all",
          "sum",
          "min",
          "max",
          "reversed",
          "iter",
          "next",
          "dict",
          "zip");

  /** Methods of other objects that iterate their argument ({@code events.extend(q)}). */
  private static final Set<String> CONSUMING_METHODS = Set.of("extend");

  private static final LazyQuerysets NONE = new LazyQuerysets();

  /** An evaluation of a lazy variable: the calls made on it at the evaluating expression. */
  record Evaluation(String variable, List<PyExpr.Call> steps) {}

  /** How the value of an expression is used. */
  private enum Use {
    /** Run: iterated, a terminal method, a condition. */
    EVALUATED,
    /** Assigned to a local variable. */
    ASSIGNED,
    /** Anything else: it leaves what this analysis follows. */
    ESCAPES
  }

  /**
   * A chain over a query: the nodes from the outermost expression in to its base, the innermost
   * node whose value is a query.
   *
   * @param terminal whether a node above the base runs the query
   * @param escapes whether a node above the base is neither a lazy call nor a run
   */
  private record Chain(
      PyExpr base, List<PyExpr.Call> steps, boolean terminal, boolean escapes, String variable) {}

  private final PySite site;
  private final Map<String, List<PyStatement>> builds = new LinkedHashMap<>();
  private final Set<String> lazy = new HashSet<>();
  private final Map<PyStatement, List<Evaluation>> evaluations = new IdentityHashMap<>();
  private final Map<String, List<PyExpr.Call>> prefixes = new HashMap<>();
  private final Map<String, Optional<ModelInfo>> models = new HashMap<>();

  private LazyQuerysets() {
    this.site = null;
  }

  private LazyQuerysets(PySite site) {
    this.site = site;
    PyUnit unit = site.unit();
    Set<String> others = new HashSet<>();
    for (PyStatement statement : unit.statements()) {
      bindings(statement, others);
    }
    others.forEach(builds::remove);
    builds.keySet().removeIf(name -> site.scope().param(name).isPresent());
    builds.entrySet().removeIf(e -> !e.getValue().stream().allMatch(this::buildsQuery));
    models.clear();
    if (builds.isEmpty()) {
      return;
    }
    Set<String> escaped = new HashSet<>();
    Map<String, Set<String>> flows = new HashMap<>();
    for (PyStatement statement : unit.statements()) {
      uses(statement, escaped, flows);
    }
    for (PyUnit nested : unit.localFunctions().values()) {
      escaped.addAll(mentioned(nested, builds.keySet()));
    }
    lazy.addAll(builds.keySet());
    lazy.removeAll(escaped);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, Set<String>> flow : flows.entrySet()) {
        if (lazy.contains(flow.getKey()) && !lazy.containsAll(flow.getValue())) {
          lazy.remove(flow.getKey());
          changed = true;
        }
      }
    }
  }

  /** The analysis of the function {@code site} is in, computed once per function. */
  static LazyQuerysets of(PySite site) {
    Scope scope = site.scope();
    if (site.unit().kind() != PyUnit.Kind.FUNCTION) {
      return NONE;
    }
    return scope.memo(LazyQuerysets.class, s -> new LazyQuerysets(site));
  }

  /**
   * Whether the call adapter must leave {@code call} alone: it builds a lazy variable's queryset,
   * or works on a lazy variable (its evaluations are reported by {@link #evaluations}).
   */
  boolean handles(PyExpr.Call call, PyStatement statement) {
    if (lazy.isEmpty()) {
      return false;
    }
    if (statement.kind() == PyStatement.Kind.ASSIGN
        && statement.value() == call
        && statement.targets().size() == 1
        && statement.targets().get(0) instanceof PyExpr.Name target
        && lazy.contains(target.id())) {
      return true;
    }
    Chain chain = chain(call);
    return chain != null && chain.variable() != null && lazy.contains(chain.variable());
  }

  /** The lazy variables evaluated in {@code statement}, with the chains that evaluate them. */
  List<Evaluation> evaluations(PyStatement statement) {
    List<Evaluation> found = evaluations.getOrDefault(statement, List.of());
    return found.stream().filter(e -> lazy.contains(e.variable())).toList();
  }

  /** The model of a lazy variable's querysets. */
  Optional<ModelInfo> model(String variable) {
    return djangoModel(new PyExpr.Name(variable));
  }

  /** Every call of every queryset assigned to {@code variable}, innermost first. */
  List<PyExpr.Call> prefix(String variable) {
    List<PyExpr.Call> known = prefixes.get(variable);
    if (known != null) {
      return known;
    }
    List<PyExpr.Call> steps = new ArrayList<>();
    Set<PyExpr.Call> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collectPrefix(variable, new HashSet<>(), steps, seen);
    prefixes.put(variable, List.copyOf(steps));
    return prefixes.get(variable);
  }

  private void collectPrefix(
      String variable, Set<String> visiting, List<PyExpr.Call> steps, Set<PyExpr.Call> seen) {
    if (!visiting.add(variable)) {
      return;
    }
    for (PyStatement build : builds.getOrDefault(variable, List.of())) {
      Chain chain = chain(build.value());
      if (chain == null) {
        continue;
      }
      if (chain.variable() != null) {
        collectPrefix(chain.variable(), visiting, steps, seen);
      }
      chain.steps().stream().filter(seen::add).forEach(steps::add);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Building the analysis

  /** Records the names a statement binds: plain assignments in {@link #builds}, others apart. */
  private void bindings(PyStatement statement, Set<String> others) {
    PyStatement.Kind kind = statement.kind();
    boolean binds =
        kind == PyStatement.Kind.ASSIGN
            || kind == PyStatement.Kind.AUGMENT
            || kind == PyStatement.Kind.FOR
            || kind == PyStatement.Kind.WITH
            || kind == PyStatement.Kind.DELETE;
    if (!binds) {
      return;
    }
    if (kind == PyStatement.Kind.ASSIGN
        && statement.targets().size() == 1
        && statement.targets().get(0) instanceof PyExpr.Name name) {
      builds.computeIfAbsent(name.id(), k -> new ArrayList<>()).add(statement);
      return;
    }
    for (PyExpr target : statement.targets()) {
      names(target, others);
    }
  }

  private static void names(PyExpr target, Set<String> into) {
    if (target instanceof PyExpr.Name name) {
      into.add(name.id());
    } else if (target instanceof PyExpr.Seq seq) {
      seq.items().forEach(item -> names(item, into));
    } else if (target instanceof PyExpr.Other other) {
      other.parts().forEach(part -> names(part, into));
    }
  }

  /** Whether an assignment's value is a Django queryset that has not run. */
  private boolean buildsQuery(PyStatement build) {
    Chain chain = chain(build.value());
    return chain != null && !chain.terminal() && !chain.escapes();
  }

  /** Classifies every use of a candidate variable in {@code statement}. */
  private void uses(PyStatement statement, Set<String> escaped, Map<String, Set<String>> flows) {
    for (PyExpr target : statement.targets()) {
      if (!(target instanceof PyExpr.Name)) {
        walk(target, Use.ESCAPES, null, statement, escaped, flows);
      }
    }
    Use use;
    String assigned = null;
    switch (statement.kind()) {
      case ASSIGN -> {
        boolean single =
            statement.targets().size() == 1 && statement.targets().get(0) instanceof PyExpr.Name;
        use = single ? Use.ASSIGNED : Use.ESCAPES;
        assigned = single ? ((PyExpr.Name) statement.targets().get(0)).id() : null;
      }
      case FOR, EXPR -> use = Use.EVALUATED;
      default -> use = Use.ESCAPES;
    }
    walk(statement.value(), use, assigned, statement, escaped, flows);
  }

  private record Item(PyExpr expr, Use use, String assigned) {}

  private void walk(
      PyExpr root,
      Use rootUse,
      String rootAssigned,
      PyStatement statement,
      Set<String> escaped,
      Map<String, Set<String>> flows) {
    Deque<Item> work = new ArrayDeque<>();
    work.push(new Item(root, rootUse, rootAssigned));
    while (!work.isEmpty()) {
      Item item = work.pop();
      PyExpr expr = item.expr();
      if (expr == null) {
        continue;
      }
      Chain chain = candidateChain(expr);
      if (chain != null) {
        String variable = chain.variable();
        Use use = chain.terminal() ? Use.EVALUATED : chain.escapes() ? Use.ESCAPES : item.use();
        switch (use) {
          case EVALUATED ->
              evaluations
                  .computeIfAbsent(statement, k -> new ArrayList<>())
                  .add(new Evaluation(variable, chain.steps()));
          case ASSIGNED ->
              flows.computeIfAbsent(variable, k -> new HashSet<>()).add(item.assigned());
          case ESCAPES -> escaped.add(variable);
        }
        for (PyExpr.Call step : chain.steps()) {
          step.args().forEach(a -> work.push(new Item(a.value(), Use.ESCAPES, null)));
        }
        continue;
      }
      if (expr instanceof PyExpr.Call call) {
        boolean consumes =
            (call.function() instanceof PyExpr.Name name && CONSUMERS.contains(name.id()))
                || (call.function() instanceof PyExpr.Attr attr
                    && CONSUMING_METHODS.contains(attr.name()));
        work.push(new Item(call.function(), Use.ESCAPES, null));
        for (PyExpr.Arg arg : call.args()) {
          boolean iterated = consumes && arg.keyword() == null && arg.splat() == 0;
          work.push(new Item(arg.value(), iterated ? Use.EVALUATED : Use.ESCAPES, null));
        }
        continue;
      }
      if (expr instanceof PyExpr.Comprehension comprehension) {
        comprehension.iterables().forEach(i -> work.push(new Item(i, Use.EVALUATED, null)));
        work.push(new Item(comprehension.element(), Use.ESCAPES, null));
        comprehension.conditions().forEach(c -> work.push(new Item(c, Use.ESCAPES, null)));
        continue;
      }
      // A condition stays one through `and`, `or` and `not`; anything else takes the value away.
      boolean condition =
          item.use() == Use.EVALUATED
              && (expr instanceof PyExpr.Other
                  || (expr instanceof PyExpr.BinOp op
                      && (op.op().equals("and") || op.op().equals("or"))));
      for (PyExpr part : expr.parts()) {
        work.push(new Item(part, condition ? Use.EVALUATED : Use.ESCAPES, null));
      }
    }
  }

  /** Names of {@code candidates} mentioned anywhere in a nested function (closures). */
  private static Set<String> mentioned(PyUnit nested, Set<String> candidates) {
    Set<String> found = new HashSet<>();
    Deque<PyExpr> work = new ArrayDeque<>();
    for (PyStatement statement : nested.statements()) {
      work.push(statement.value() == null ? new PyExpr.Other(List.of()) : statement.value());
      statement.targets().forEach(work::push);
    }
    while (!work.isEmpty()) {
      PyExpr expr = work.pop();
      if (expr instanceof PyExpr.Name name && candidates.contains(name.id())) {
        found.add(name.id());
      }
      expr.parts().forEach(work::push);
    }
    for (PyUnit inner : nested.localFunctions().values()) {
      found.addAll(mentioned(inner, candidates));
    }
    return found;
  }

  // ---------------------------------------------------------------------------------------------
  // Chains

  /** The chain of {@code expr} when its base is a candidate variable, else null. */
  private Chain candidateChain(PyExpr expr) {
    if (!(expr instanceof PyExpr.Name
        || expr instanceof PyExpr.Call
        || expr instanceof PyExpr.Subscript
        || expr instanceof PyExpr.Attr)) {
      return null;
    }
    Chain chain = chain(expr);
    return chain != null && chain.variable() != null && builds.containsKey(chain.variable())
        ? chain
        : null;
  }

  /** The query chain of {@code expr}, or null when no part of it is a Django query. */
  private Chain chain(PyExpr expr) {
    List<PyExpr> nodes = new ArrayList<>();
    PyExpr current = expr;
    while (current != null) {
      nodes.add(current);
      if (current instanceof PyExpr.Call call && call.function() instanceof PyExpr.Attr attr) {
        current = attr.object();
      } else if (current instanceof PyExpr.Subscript subscript) {
        current = subscript.value();
      } else if (current instanceof PyExpr.Attr attr) {
        current = attr.object();
      } else {
        current = null;
      }
    }
    int base = -1;
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (djangoModel(nodes.get(i)).isPresent()) {
        base = i;
        break;
      }
    }
    if (base < 0) {
      return null;
    }
    List<PyExpr.Call> steps = new ArrayList<>();
    boolean terminal = false;
    boolean escapes = false;
    for (int j = base - 1; j >= 0; j--) {
      PyExpr node = nodes.get(j);
      if (node instanceof PyExpr.Call call) {
        steps.add(call);
        if (!terminal && !escapes && !lazyStep(call)) {
          terminal = true;
        }
      } else if (node instanceof PyExpr.Subscript subscript) {
        boolean slice =
            subscript.index().size() == 1 && subscript.index().get(0) instanceof PyExpr.Other;
        if (!slice && !escapes) {
          terminal = true;
        }
      } else if (!terminal) {
        // q.query, q.model: not a queryset method; what happens next is not followed.
        escapes = true;
      }
    }
    String variable = nodes.get(base) instanceof PyExpr.Name name ? name.id() : null;
    return new Chain(nodes.get(base), List.copyOf(steps), terminal, escapes, variable);
  }

  /** Whether a call on a queryset returns another queryset without running it. */
  private boolean lazyStep(PyExpr.Call call) {
    String name = call.name().orElse("");
    if (LAZY.contains(name)) {
      return true;
    }
    // A custom manager's or queryset's method that returns a queryset.
    return site.value(call.function()) instanceof PyValue.Function
        && site.value(call) instanceof PyValue.Query;
  }

  /**
   * The Django model of a query expression; a local variable's is that of what is assigned to it
   * ({@code pairs = q.values_list(…)} is no query to the resolver, but runs one).
   */
  private Optional<ModelInfo> djangoModel(PyExpr expr) {
    if (expr instanceof PyExpr.Name name && builds.containsKey(name.id())) {
      return variableModel(name.id());
    }
    return resolvedModel(expr);
  }

  private Optional<ModelInfo> variableModel(String variable) {
    if (models.containsKey(variable)) {
      return models.get(variable);
    }
    models.put(variable, Optional.empty());
    Optional<ModelInfo> found = Optional.empty();
    for (PyStatement build : builds.getOrDefault(variable, List.of())) {
      Chain chain = chain(build.value());
      if (chain != null && !chain.terminal() && !chain.escapes()) {
        found = djangoModel(chain.base());
        if (found.isPresent()) {
          break;
        }
      }
    }
    models.put(variable, found);
    return found;
  }

  private Optional<ModelInfo> resolvedModel(PyExpr expr) {
    if (!(site.value(expr) instanceof PyValue.Query query)) {
      return Optional.empty();
    }
    return site.project().models().model(query.modelRef()).filter(m -> m.via() == Via.DJANGO_ORM);
  }

  private static Set<String> lazyMethods() {
    Set<String> methods = new HashSet<>(DjangoModels.RETURNS_QUERY);
    methods.addAll(Set.of("values", "values_list", "dates", "datetimes"));
    return Set.copyOf(methods);
  }
}
