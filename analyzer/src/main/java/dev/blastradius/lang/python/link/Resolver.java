package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyImport;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyParam;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves Python names across the project: scopes, imports (absolute, relative, aliased,
 * wildcard), class attributes through the bases, {@code self}, annotations, constructor calls and
 * simple return values. It is a lookup, not an interpreter: where a value depends on control flow
 * the first binding that tells something wins, and recursion is cut at {@link #MAX_DEPTH}.
 */
public final class Resolver {

  private static final int MAX_DEPTH = 24;

  /** How many lookups may be nested through {@link #value(PyExpr, Scope)}. */
  private static final int MAX_REENTRIES = 12;

  private static final Set<String> OPTIONAL_WRAPPERS =
      Set.of(
          "Optional", "typing.Optional", "Annotated", "typing.Annotated", "Final", "typing.Final");

  private final ModuleIndex index;
  private final Map<PyUnit, Scope> scopes = new IdentityHashMap<>();
  private final Map<PyClass, List<PyValue.ClassRef>> mros = new IdentityHashMap<>();
  private final Set<Object> active = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final ConstructorBindings constructors = new ConstructorBindings(this);
  private final Map<PyUnit, Map<PyValue.Instance, Scope>> boundScopes = new IdentityHashMap<>();
  private int reentries;
  private ValueHooks hooks = ValueHooks.NONE;

  Resolver(ModuleIndex index) {
    this.index = index;
  }

  void hooks(ValueHooks value) {
    hooks = value;
  }

  /** The module index. */
  ModuleIndex index() {
    return index;
  }

  /** The dotted name of a module. */
  public String moduleName(PyModule module) {
    return index.name(module);
  }

  /** The scope of a unit. */
  public Scope scope(PyModule module, PyUnit unit) {
    Scope scope = scopes.get(unit);
    if (scope == null) {
      Scope parent;
      if (unit.kind() == PyUnit.Kind.MODULE) {
        parent = null;
      } else if (unit.enclosing() != null) {
        parent = scope(module, unit.enclosing());
      } else {
        parent = scope(module, module.moduleUnit());
      }
      scope = new Scope(module, unit, parent);
      scopes.put(unit, scope);
    }
    return scope;
  }

  /** The scope of a module's top-level code. */
  public Scope moduleScope(PyModule module) {
    return scope(module, module.moduleUnit());
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  /**
   * What {@code expr} evaluates to in {@code scope}. Framework hooks call this again from inside a
   * lookup, which starts a fresh depth count: the number of such re-entries is capped too.
   */
  public PyValue value(PyExpr expr, Scope scope) {
    if (reentries >= MAX_REENTRIES) {
      return PyValue.UNKNOWN;
    }
    reentries++;
    try {
      return value(expr, scope, 0);
    } finally {
      reentries--;
    }
  }

  /** What {@code expr} evaluates to, {@code depth} lookups into resolving something else. */
  PyValue value(PyExpr expr, Scope scope, int depth) {
    if (depth > MAX_DEPTH || expr == null) {
      return PyValue.UNKNOWN;
    }
    if (expr instanceof PyExpr.Name name) {
      return symbolValue(name(name.id(), scope, depth), depth);
    }
    if (expr instanceof PyExpr.Attr attr) {
      return attribute(value(attr.object(), scope, depth + 1), attr.name(), depth + 1);
    }
    if (expr instanceof PyExpr.Call call) {
      return call(call, scope, depth + 1);
    }
    return PyValue.UNKNOWN;
  }

  /** What a name or attribute means, with the bindings behind it when it is a variable. */
  private record Symbol(PyValue value, List<Binding> bindings) {
    static Symbol of(PyValue value) {
      return new Symbol(value, List.of());
    }
  }

  private PyValue symbolValue(Symbol symbol, int depth) {
    if (symbol == null) {
      return PyValue.UNKNOWN;
    }
    if (symbol.value() != null) {
      return symbol.value();
    }
    return bindingsValue(symbol.bindings(), depth);
  }

  /** The first binding that tells something; {@code for x in q} makes x an element of q. */
  PyValue bindingsValue(List<Binding> bindings, int depth) {
    for (Binding binding : bindings) {
      if (binding.kind() == Binding.Kind.AUGMENT || !active.add(binding)) {
        continue;
      }
      try {
        PyValue value =
            binding.kind() == Binding.Kind.ANNOTATION
                ? annotation(binding.value(), binding.scope(), depth + 1)
                : value(binding.value(), binding.scope(), depth + 1);
        if (binding.kind() == Binding.Kind.ELEMENT) {
          value = element(value);
        }
        if (!(value instanceof PyValue.Unknown)) {
          return value;
        }
      } finally {
        active.remove(binding);
      }
    }
    return PyValue.UNKNOWN;
  }

  /** An element of an iterable: an instance of a query's model. */
  public PyValue element(PyValue iterable) {
    if (iterable instanceof PyValue.Query query) {
      return new PyValue.Instance(query.module(), query.model(), false);
    }
    return PyValue.UNKNOWN;
  }

  private Symbol name(String id, Scope scope, int depth) {
    for (Scope s = scope; s != null; s = s.parent()) {
      Optional<PyParam> param = s.param(id);
      if (param.isPresent()) {
        return Symbol.of(paramValue(param.get(), s, depth));
      }
      List<Binding> bindings = s.bindings(id);
      PyUnit unit = s.unit();
      if (unit.localFunctions().containsKey(id)) {
        return Symbol.of(new PyValue.Function(s.module(), unit.localFunctions().get(id), null));
      }
      if (unit.localClasses().containsKey(id)) {
        return Symbol.of(new PyValue.ClassRef(s.module(), unit.localClasses().get(id)));
      }
      if (!bindings.isEmpty()) {
        return new Symbol(null, bindings);
      }
      for (int i = unit.imports().size() - 1; i >= 0; i--) {
        PyImport imported = unit.imports().get(i);
        if (imported.local().equals(id)) {
          return importSymbol(s.module(), imported, depth);
        }
      }
      if (s.parent() == null) {
        Symbol member = moduleMember(s.module(), id, depth);
        if (member != null) {
          return member;
        }
      }
    }
    if (id.equals("self") || id.equals("cls")) {
      return null;
    }
    return Symbol.of(new PyValue.External("builtins." + id));
  }

  /** The value of a parameter: {@code self}, {@code cls}, or its annotation. */
  private PyValue paramValue(PyParam param, Scope scope, int depth) {
    PyUnit unit = scope.unit();
    if (unit.bound() && unit.params().get(0) == param) {
      PyClass cls = unit.declaringClass();
      if (scope.self() != null && !unit.classMethod()) {
        return scope.self();
      }
      if (unit.classMethod()) {
        return new PyValue.ClassRef(scope.module(), cls);
      }
      PyValue framework = hooks.self(new PyValue.ClassRef(scope.module(), cls));
      return framework != null ? framework : new PyValue.Instance(scope.module(), cls, false);
    }
    if (param.annotation() != null) {
      Scope outer = scope.parent() == null ? scope : scope.parent();
      return annotation(param.annotation(), outer, depth + 1);
    }
    PyValue framework = hooks.param(scope, param);
    return framework != null ? framework : PyValue.UNKNOWN;
  }

  /** The value an annotation describes: an instance of the annotated class. */
  public PyValue annotation(PyExpr annotation, Scope scope) {
    return annotation(annotation, scope, 0);
  }

  private PyValue annotation(PyExpr annotation, Scope scope, int depth) {
    if (depth > MAX_DEPTH || annotation == null) {
      return PyValue.UNKNOWN;
    }
    if (annotation instanceof PyExpr.Str str && !str.value().isBlank()) {
      return annotation(forwardReference(str.value()), scope, depth + 1);
    }
    if (annotation instanceof PyExpr.Subscript subscript) {
      String wrapper = PyExpr.dotted(subscript.value()).orElse("");
      if (OPTIONAL_WRAPPERS.contains(wrapper) && !subscript.index().isEmpty()) {
        return annotation(subscript.index().get(0), scope, depth + 1);
      }
      return PyValue.UNKNOWN;
    }
    if (annotation instanceof PyExpr.BinOp union && union.op().equals("|")) {
      PyValue left = annotation(union.left(), scope, depth + 1);
      return left instanceof PyValue.Unknown ? annotation(union.right(), scope, depth + 1) : left;
    }
    PyValue type = value(annotation, scope, depth + 1);
    if (type instanceof PyValue.ClassRef cls) {
      return new PyValue.Instance(cls.module(), cls.cls(), false);
    }
    if (type instanceof PyValue.External external
        && !external.name().startsWith("builtins.")
        && !external.name().endsWith("TypeVar()")) {
      return new PyValue.External(external.name() + "()");
    }
    return PyValue.UNKNOWN;
  }

  /** {@code "app.models.User"} as an attribute chain. */
  private static PyExpr forwardReference(String text) {
    String[] parts = text.strip().split("\\.");
    PyExpr expr = new PyExpr.Name(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      expr = new PyExpr.Attr(expr, parts[i]);
    }
    return expr;
  }

  private PyValue attribute(PyValue owner, String name, int depth) {
    return symbolValue(attributeSymbol(owner, name, depth), depth);
  }

  private Symbol attributeSymbol(PyValue owner, String name, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (owner instanceof PyValue.Module module) {
      if (module.module() != null) {
        Symbol member = moduleMember(module.module(), name, depth);
        if (member != null) {
          return member;
        }
      }
      String submodule = module.name() + "." + name;
      return index.exists(submodule) ? Symbol.of(moduleValue(submodule, module.module())) : null;
    }
    if (owner instanceof PyValue.ClassRef cls) {
      PyValue framework = hooks.classAttribute(cls, name);
      if (framework != null) {
        return Symbol.of(framework);
      }
      return classMember(cls, name, cls, false, depth);
    }
    if (owner instanceof PyValue.Instance instance) {
      PyValue.ClassRef bound = instance.bound().get(name);
      if (bound != null) {
        return Symbol.of(bound);
      }
      // A model's relation attribute means the related object, not the field declaring it.
      PyValue framework = hooks.instanceAttribute(instance, name);
      if (framework != null) {
        return Symbol.of(framework);
      }
      PyValue.ClassRef cls = new PyValue.ClassRef(instance.module(), instance.cls());
      Symbol member = classMember(cls, name, instance, instance.viaSuper(), depth);
      if (member != null && member.value() instanceof PyValue.Function fn && property(fn.unit())) {
        // channel.transport with @property def transport(self) -> Transport: what it returns.
        return Symbol.of(returnValue(fn, depth + 1));
      }
      if (member != null) {
        return member;
      }
      return Symbol.of(new PyValue.Method(instance, name));
    }
    if (owner instanceof PyValue.Query query) {
      if (query.manager() != null) {
        Symbol member = classMember(query.manager(), name, query, false, depth);
        if (member != null && member.value() instanceof PyValue.Function) {
          return member;
        }
      }
      return Symbol.of(new PyValue.Method(query, name));
    }
    if (owner instanceof PyValue.External external) {
      return Symbol.of(new PyValue.External(external.name() + "." + name));
    }
    return null;
  }

  /**
   * A member of a class or its bases: a method (bound to {@code receiver}), a nested class, a class
   * attribute's binding, or for instances an attribute a method assigns to {@code self}.
   */
  private Symbol classMember(
      PyValue.ClassRef cls, String name, PyValue receiver, boolean skipSelf, int depth) {
    List<PyValue.ClassRef> mro = mro(cls);
    for (PyValue.ClassRef candidate : skipSelf ? mro.subList(1, mro.size()) : mro) {
      PyClass c = candidate.cls();
      PyUnit method = c.methods().get(name);
      if (method != null) {
        return Symbol.of(new PyValue.Function(candidate.module(), method, receiver));
      }
      PyClass nested = c.nested().get(name);
      if (nested != null) {
        return Symbol.of(new PyValue.ClassRef(candidate.module(), nested));
      }
      PyClass.Attribute attribute = c.attributes().get(name);
      List<PyClass.SelfAssignment> assigned =
          receiver instanceof PyValue.Instance ? c.selfAttributes().get(name) : null;
      if ((attribute != null && attribute.value() != null) || assigned != null) {
        // The class attribute is a default; what methods assign to self and the declared type
        // tell what it holds later ({@code _repos: Repos | None = None}, set by a property).
        List<Binding> bindings = new ArrayList<>();
        Scope body = scope(candidate.module(), c.body());
        if (attribute != null && attribute.value() != null) {
          bindings.add(
              new Binding(
                  attribute.value(), Binding.Kind.ASSIGN, body, attribute.location().startLine()));
        }
        for (PyClass.SelfAssignment assignment :
            assigned == null ? List.<PyClass.SelfAssignment>of() : assigned) {
          bindings.add(
              new Binding(
                  assignment.value(),
                  Binding.Kind.ASSIGN,
                  scope(candidate.module(), assignment.method()),
                  assignment.method().location().startLine()));
        }
        if (attribute != null && attribute.annotation() != null) {
          bindings.add(
              new Binding(
                  attribute.annotation(),
                  Binding.Kind.ANNOTATION,
                  body,
                  attribute.location().startLine()));
        }
        return new Symbol(null, bindings);
      }
    }
    return null;
  }

  private PyValue call(PyExpr.Call call, Scope scope, int depth) {
    if (call.function() instanceof PyExpr.Name name
        && name.id().equals("super")
        && scope.declaringClass() != null) {
      return new PyValue.Instance(scope.module(), scope.declaringClass(), true);
    }
    PyValue function = value(call.function(), scope, depth + 1);
    if (function instanceof PyValue.ClassRef cls) {
      return new PyValue.Instance(
          cls.module(), cls.cls(), false, constructors.bound(cls, call, scope, depth + 1));
    }
    if (function instanceof PyValue.Function fn) {
      PyValue returned = returnValue(fn, depth + 1);
      if (returned instanceof PyValue.Unknown && fn.receiver() instanceof PyValue.Query query) {
        // A custom manager's or queryset's method: another query, unless it says otherwise.
        return query;
      }
      return returned;
    }
    if (function instanceof PyValue.Method method && method.receiver() instanceof PyValue.Query q) {
      PyValue result = hooks.queryCall(q, method.name());
      return result == null ? PyValue.UNKNOWN : result;
    }
    PyValue framework = hooks.call(function, call, scope, this);
    if (framework != null) {
      return framework;
    }
    if (function instanceof PyValue.External external) {
      return new PyValue.External(external.name() + "()");
    }
    return PyValue.UNKNOWN;
  }

  /** Whether a method is read as an attribute: {@code @property}, {@code @cached_property}. */
  private static boolean property(PyUnit unit) {
    for (PyExpr decorator : unit.decorators()) {
      String name = PyExpr.dotted(decorator).orElse("");
      if (name.equals("property") || name.endsWith("cached_property")) {
        return true;
      }
    }
    return false;
  }

  /** What a function returns: its annotation, else its first {@code return} that tells. */
  private PyValue returnValue(PyValue.Function fn, int depth) {
    PyUnit unit = fn.unit();
    Scope scope = boundScope(fn);
    if (unit.returns() != null) {
      Scope outer = scope.parent() == null ? scope : scope.parent();
      PyValue annotated = annotation(unit.returns(), outer, depth + 1);
      if (!(annotated instanceof PyValue.Unknown)) {
        return annotated;
      }
    }
    if (!active.add(unit)) {
      return PyValue.UNKNOWN;
    }
    try {
      for (PyStatement statement : unit.statements()) {
        if (statement.kind() == PyStatement.Kind.RETURN) {
          PyValue value = value(statement.value(), scope, depth + 1);
          if (!(value instanceof PyValue.Unknown)) {
            return value;
          }
        }
      }
    } finally {
      active.remove(unit);
    }
    return PyValue.UNKNOWN;
  }

  /**
   * The scope of a function's body as called: for a method of an instance whose constructor bound
   * classes to attributes, {@code self} is that instance, so {@code self.model} is its model.
   */
  public Scope boundScope(PyValue.Function fn) {
    Scope scope = scope(fn.module(), fn.unit());
    if (fn.receiver() instanceof PyValue.Instance instance
        && !instance.bound().isEmpty()
        && fn.unit().bound()
        && !fn.unit().classMethod()) {
      // One scope per method and instance, so that the guard against cycles sees its bindings
      // again.
      return boundScopes
          .computeIfAbsent(fn.unit(), u -> new java.util.HashMap<>())
          .computeIfAbsent(instance, i -> scope.withSelf(i));
    }
    return scope;
  }

  // ---------------------------------------------------------------------------------------------
  // Modules and imports

  private Symbol moduleMember(PyModule module, String name, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    PyUnit function = module.functions().get(name);
    if (function != null) {
      return Symbol.of(new PyValue.Function(module, function, null));
    }
    PyClass cls = module.classes().get(name);
    if (cls != null) {
      return Symbol.of(new PyValue.ClassRef(module, cls));
    }
    List<Binding> bindings = moduleScope(module).bindings(name);
    if (!bindings.isEmpty()) {
      return new Symbol(null, bindings);
    }
    List<PyImport> imports = module.imports();
    for (int i = imports.size() - 1; i >= 0; i--) {
      if (imports.get(i).local().equals(name)) {
        return importSymbol(module, imports.get(i), depth + 1);
      }
    }
    if (!active.add(module)) {
      return null;
    }
    try {
      for (PyImport imported : imports) {
        if (imported.wildcard()) {
          Optional<String> from = index.absolute(module, imported.level(), imported.module());
          Optional<PyModule> target = from.flatMap(f -> index.module(f, module));
          if (target.isPresent()) {
            Symbol member = moduleMember(target.get(), name, depth + 1);
            if (member != null) {
              return member;
            }
          }
        }
      }
    } finally {
      active.remove(module);
    }
    String submodule = index.name(module) + "." + name;
    return index.exists(submodule) ? Symbol.of(moduleValue(submodule, module)) : null;
  }

  private Symbol importSymbol(PyModule importer, PyImport imported, int depth) {
    Optional<String> absolute = index.absolute(importer, imported.level(), imported.module());
    if (absolute.isEmpty()) {
      return Symbol.of(PyValue.UNKNOWN);
    }
    String from = absolute.get();
    if (imported.member() == null) {
      return Symbol.of(moduleValue(from, importer));
    }
    PyValue module = moduleValue(from, importer);
    if (module instanceof PyValue.Module m) {
      Symbol member = attributeSymbol(m, imported.member(), depth + 1);
      return member != null ? member : Symbol.of(PyValue.UNKNOWN);
    }
    if (imported.level() > 0) {
      return Symbol.of(PyValue.UNKNOWN);
    }
    return Symbol.of(new PyValue.External(from + "." + imported.member()));
  }

  /** A module of the project by absolute name, else a library name. */
  private PyValue moduleValue(String name, PyModule importer) {
    Optional<PyModule> module = index.module(name, importer);
    if (module.isPresent()) {
      return new PyValue.Module(name, module.get());
    }
    if (index.isPackage(name)) {
      return new PyValue.Module(name, null);
    }
    Optional<String> suffixed = index.bySuffix(name);
    if (suffixed.isPresent()) {
      return new PyValue.Module(
          suffixed.get(), index.module(suffixed.get(), importer).orElse(null));
    }
    return new PyValue.External(name);
  }

  // ---------------------------------------------------------------------------------------------
  // Definitions and classes

  /**
   * The bindings behind a name or attribute ({@code SQL}, {@code queries.BY_ID}, {@code
   * self.QUERY}): what was assigned to it, with the scope to read the value in; empty when it is no
   * variable.
   */
  public List<Binding> definitions(PyExpr expr, Scope scope) {
    Symbol symbol = null;
    if (expr instanceof PyExpr.Name name) {
      symbol = name(name.id(), scope, 0);
    } else if (expr instanceof PyExpr.Attr attr) {
      symbol = attributeSymbol(value(attr.object(), scope), attr.name(), 1);
    }
    return symbol == null || symbol.value() != null ? List.of() : symbol.bindings();
  }

  /** The class and its project bases, depth first, left to right, each once. */
  public List<PyValue.ClassRef> mro(PyValue.ClassRef cls) {
    List<PyValue.ClassRef> cached = mros.get(cls.cls());
    if (cached != null) {
      return cached;
    }
    LinkedHashSet<PyValue.ClassRef> order = new LinkedHashSet<>();
    collect(cls, order, new HashSet<>());
    List<PyValue.ClassRef> result = List.copyOf(order);
    mros.put(cls.cls(), result);
    return result;
  }

  private void collect(PyValue.ClassRef cls, Set<PyValue.ClassRef> order, Set<PyClass> visiting) {
    if (!visiting.add(cls.cls()) || order.size() > 64) {
      return;
    }
    order.add(cls);
    for (PyValue base : bases(cls)) {
      if (base instanceof PyValue.ClassRef ref) {
        collect(ref, order, visiting);
      }
    }
  }

  /** The values of a class's direct bases, in the scope around the class. */
  public List<PyValue> bases(PyValue.ClassRef cls) {
    Scope scope = moduleScope(cls.module());
    for (PyUnit unit : cls.module().units()) {
      if (unit.localClasses().containsValue(cls.cls())) {
        scope = scope(cls.module(), unit);
      }
    }
    List<PyValue> bases = new ArrayList<>();
    for (PyExpr written : cls.cls().bases()) {
      // A generic base, Repository[T], is the class Repository.
      PyExpr base = written instanceof PyExpr.Subscript generic ? generic.value() : written;
      if (!active.add(base)) {
        continue;
      }
      try {
        // class A(ModelAdmin[Flip]) and class B(Generic[T]): the subscripted class is the base.
        PyExpr named = base instanceof PyExpr.Subscript generic ? generic.value() : base;
        bases.add(value(named, scope, 1));
      } finally {
        active.remove(base);
      }
    }
    return bases;
  }

  /** The library classes a class derives from, directly or through project bases. */
  public Set<String> externalBases(PyValue.ClassRef cls) {
    Set<String> names = new LinkedHashSet<>();
    for (PyValue.ClassRef ref : mro(cls)) {
      for (PyValue base : bases(ref)) {
        if (base instanceof PyValue.External external) {
          names.add(external.name());
        }
      }
    }
    return names;
  }

  /** Whether a class derives from a library class whose name ends with one of {@code suffixes}. */
  public boolean derivesFrom(PyValue.ClassRef cls, String rootPackage, Set<String> simpleNames) {
    for (String base : externalBases(cls)) {
      int dot = base.lastIndexOf('.');
      String simple = dot < 0 ? base : base.substring(dot + 1);
      if ((base.startsWith(rootPackage + ".") || rootPackage.isEmpty())
          && simpleNames.contains(simple)) {
        return true;
      }
    }
    return false;
  }
}
