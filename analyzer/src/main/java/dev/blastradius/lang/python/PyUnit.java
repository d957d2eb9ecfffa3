package dev.blastradius.lang.python;

import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A code unit of a Python file: a function or method, a class body, the module's top-level code, or
 * its {@code if __name__ == "__main__":} block. Its statements are flattened: those of nested
 * blocks in order, those of nested functions and classes not at all (they are units of their own).
 */
public final class PyUnit {

  /** What kind of code the unit is. */
  public enum Kind {
    FUNCTION,
    CLASS_BODY,
    MODULE,
    MAIN_GUARD
  }

  final String id;
  final Kind kind;
  final String name;
  final String qualname;
  final String ownerType;

  /** The class whose method this is, or null. */
  final PyClass declaringClass;

  /** The function this one is nested in, or null. */
  final PyUnit enclosing;

  final Location location;
  final List<PyParam> params = new ArrayList<>();
  final List<PyExpr> decorators = new ArrayList<>();
  final List<PyStatement> statements = new ArrayList<>();
  final List<PyImport> imports = new ArrayList<>();

  /** Functions and classes defined inside this unit, by name → unit id / class. */
  final Map<String, PyUnit> localFunctions = new LinkedHashMap<>();

  final Map<String, PyClass> localClasses = new LinkedHashMap<>();
  boolean async;

  /** The return annotation, or null. */
  PyExpr returns;

  PyUnit(
      String id,
      Kind kind,
      String name,
      String qualname,
      String ownerType,
      PyClass declaringClass,
      PyUnit enclosing,
      Location location) {
    this.id = id;
    this.kind = kind;
    this.name = name;
    this.qualname = qualname;
    this.ownerType = ownerType;
    this.declaringClass = declaringClass;
    this.enclosing = enclosing;
    this.location = location;
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  /** The dotted name inside the module: {@code UserView.get}. */
  public String qualname() {
    return qualname;
  }

  /** The type name that owns the unit in the call graph (its class, or its module). */
  public String ownerType() {
    return ownerType;
  }

  public PyClass declaringClass() {
    return declaringClass;
  }

  public PyUnit enclosing() {
    return enclosing;
  }

  public Location location() {
    return location;
  }

  public List<PyParam> params() {
    return params;
  }

  public List<PyExpr> decorators() {
    return decorators;
  }

  public List<PyStatement> statements() {
    return statements;
  }

  public List<PyImport> imports() {
    return imports;
  }

  public Map<String, PyUnit> localFunctions() {
    return localFunctions;
  }

  public Map<String, PyClass> localClasses() {
    return localClasses;
  }

  public boolean async() {
    return async;
  }

  /** The return annotation, or null. */
  public PyExpr returns() {
    return returns;
  }

  /** Whether the first parameter is the instance or class ({@code self}, {@code cls}). */
  public boolean bound() {
    if (declaringClass == null || kind != Kind.FUNCTION || params.isEmpty()) {
      return false;
    }
    return decorators.stream()
        .noneMatch(d -> PyExpr.dotted(d).filter(n -> n.equals("staticmethod")).isPresent());
  }

  /** Whether the unit is a {@code @classmethod}. */
  public boolean classMethod() {
    return decorators.stream()
        .anyMatch(d -> PyExpr.dotted(d).filter(n -> n.equals("classmethod")).isPresent());
  }

  /** The parameters a caller passes: without {@code self}/{@code cls} of bound methods. */
  public List<PyParam> callerParams() {
    return bound() ? params.subList(1, params.size()) : params;
  }

  /**
   * The number of positional parameters a caller passes; 0 for a class body (reached when the class
   * is used), -1 for module code, which nothing calls by name.
   */
  public int arity() {
    if (kind == Kind.CLASS_BODY) {
      return 0;
    }
    if (kind != Kind.FUNCTION) {
      return -1;
    }
    return (int) callerParams().stream().filter(p -> p.kind() == PyParam.Kind.POSITIONAL).count();
  }

  /** Whether a call with {@code positional} positional arguments fits the signature. */
  public boolean accepts(int positional) {
    int required = 0;
    int total = 0;
    boolean varargs = false;
    for (PyParam param : callerParams()) {
      switch (param.kind()) {
        case POSITIONAL -> {
          total++;
          if (param.defaultValue() == null) {
            required++;
          }
        }
        case VARARGS -> varargs = true;
        default -> {}
      }
    }
    return positional >= required && (varargs || positional <= total);
  }

  /** The parameter called {@code name}, if there is one. */
  public java.util.Optional<PyParam> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
