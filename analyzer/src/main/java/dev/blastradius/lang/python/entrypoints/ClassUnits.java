package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units a framework runs when it runs a class (a view, a command, an admin): the class bodies
 * and every method of the class and of its project bases, overridden ones once.
 */
final class ClassUnits {

  private ClassUnits() {}

  /** The class bodies, in method-resolution order. */
  static List<PyUnit> bodies(PyValue.ClassRef cls, Project project) {
    List<PyUnit> bodies = new ArrayList<>();
    project.resolver().mro(cls).forEach(c -> bodies.add(c.cls().body()));
    return bodies;
  }

  /** The methods by name, the most derived definition of each. */
  static Map<String, PyUnit> methods(PyValue.ClassRef cls, Project project) {
    Map<String, PyUnit> methods = new LinkedHashMap<>();
    for (PyValue.ClassRef c : project.resolver().mro(cls)) {
      c.cls().methods().forEach(methods::putIfAbsent);
    }
    return methods;
  }

  /**
   * The names of methods other methods of the class call as {@code self.name(…)}: the call graph
   * brings entry points to them, so a framework need not.
   */
  static java.util.Set<String> calledOnSelf(PyValue.ClassRef cls, Project project) {
    java.util.Set<String> called = new java.util.HashSet<>();
    for (PyUnit method : methods(cls, project).values()) {
      if (!method.bound()) {
        continue;
      }
      String self = method.params().get(0).name();
      for (dev.blastradius.lang.python.PyStatement statement : method.statements()) {
        dev.blastradius.lang.python.link.ExprWalk.calls(
            statement.value(),
            (call, chained) -> {
              if (call.function() instanceof dev.blastradius.lang.python.PyExpr.Attr attr
                  && attr.object() instanceof dev.blastradius.lang.python.PyExpr.Name name
                  && name.id().equals(self)) {
                called.add(attr.name());
              }
            });
      }
    }
    return called;
  }

  /** Bodies and methods together. */
  static List<PyUnit> all(PyValue.ClassRef cls, Project project) {
    List<PyUnit> all = bodies(cls, project);
    all.addAll(methods(cls, project).values());
    return all;
  }
}
