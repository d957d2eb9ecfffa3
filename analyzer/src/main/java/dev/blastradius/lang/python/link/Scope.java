package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyParam;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The names of one unit: its parameters and the names its statements bind, with the scope Python
 * looks in next (the enclosing function, else the module; class bodies are skipped, as in Python).
 */
public final class Scope {

  /** Query methods that return {@code (object, created)}. */
  private static final Set<String> PAIR_RETURNING = Set.of("get_or_create", "update_or_create");

  private final PyModule module;
  private final PyUnit unit;
  private final Scope parent;
  private final PyValue self;
  private Map<String, List<Binding>> bindings;
  private Map<Class<?>, Object> memos;

  Scope(PyModule module, PyUnit unit, Scope parent) {
    this(module, unit, parent, null);
  }

  private Scope(PyModule module, PyUnit unit, Scope parent, PyValue self) {
    this.module = module;
    this.unit = unit;
    this.parent = parent;
    this.self = self;
  }

  /**
   * This method's scope with {@code self} standing for {@code receiver}: a generic method read for
   * one instance whose constructor bound its model class ({@link ConstructorBindings}).
   */
  public Scope withSelf(PyValue.Instance receiver) {
    return new Scope(module, unit, parent, receiver);
  }

  /** What {@code self} stands for in this scope, or null when it is the declaring class's. */
  PyValue self() {
    return self;
  }

  public PyModule module() {
    return module;
  }

  public PyUnit unit() {
    return unit;
  }

  /** The scope looked in next, or null for the module's. */
  public Scope parent() {
    return parent;
  }

  /** The class whose body or method this scope is, or null. */
  public PyClass declaringClass() {
    if (unit.kind() == PyUnit.Kind.CLASS_BODY) {
      return module.allClasses().stream().filter(c -> c.body() == unit).findFirst().orElse(null);
    }
    return unit.declaringClass();
  }

  /** The parameter of this unit called {@code name}. */
  public Optional<PyParam> param(String name) {
    return unit.kind() == PyUnit.Kind.FUNCTION ? unit.param(name) : Optional.empty();
  }

  /**
   * What an adapter computed once over this unit (a per-function analysis), computed on first use;
   * one value per key class.
   */
  public <T> T memo(Class<T> key, Function<Scope, T> compute) {
    if (memos == null) {
      memos = new HashMap<>();
    }
    Object value = memos.get(key);
    if (value == null) {
      value = compute.apply(this);
      memos.put(key, value);
    }
    return key.cast(value);
  }

  /** What this unit's own statements bind {@code name} to, in order. */
  public List<Binding> bindings(String name) {
    if (bindings == null) {
      bindings = new HashMap<>();
      for (PyStatement statement : unit.statements()) {
        collect(statement);
      }
    }
    return bindings.getOrDefault(name, List.of());
  }

  private void collect(PyStatement statement) {
    Binding.Kind kind =
        switch (statement.kind()) {
          case ASSIGN, WITH -> Binding.Kind.ASSIGN;
          case AUGMENT -> Binding.Kind.AUGMENT;
          case FOR -> Binding.Kind.ELEMENT;
          default -> null;
        };
    if (kind == null) {
      return;
    }
    for (PyExpr target : statement.targets()) {
      bind(target, statement.value(), kind, statement.line());
    }
  }

  private void bind(PyExpr target, PyExpr value, Binding.Kind kind, int line) {
    if (target instanceof PyExpr.Name name) {
      bindings
          .computeIfAbsent(name.id(), k -> new ArrayList<>())
          .add(new Binding(value, kind, this, line));
    } else if (target instanceof PyExpr.Seq targets
        && kind == Binding.Kind.ASSIGN
        && value instanceof PyExpr.Seq values
        && values.items().size() == targets.items().size()) {
      for (int i = 0; i < targets.items().size(); i++) {
        bind(targets.items().get(i), values.items().get(i), kind, line);
      }
    } else if (target instanceof PyExpr.Seq targets
        && kind == Binding.Kind.ASSIGN
        && targets.items().size() == 2
        && value instanceof PyExpr.Call call
        && call.function() instanceof PyExpr.Attr method
        && PAIR_RETURNING.contains(method.name())) {
      // obj, created = M.objects.get_or_create(…): obj is what a get() on the same query returns.
      bind(
          targets.items().get(0),
          new PyExpr.Call(new PyExpr.Attr(method.object(), "get"), call.args(), call.line()),
          kind,
          line);
    } else if (target instanceof PyExpr.Seq targets && kind == Binding.Kind.ELEMENT) {
      // for i, x in enumerate(items): x is an element of items.
      if (targets.items().size() == 2
          && value instanceof PyExpr.Call call
          && PyExpr.dotted(call.function()).filter("enumerate"::equals).isPresent()
          && !call.positional().isEmpty()) {
        bind(targets.items().get(1), call.positional().get(0), kind, line);
      }
    }
  }

  @Override
  public String toString() {
    return unit.id();
  }
}
