package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Scope;
import java.util.Optional;

/** What a decorator is: the library function it calls, by qualified name, and its arguments. */
record Decorators(PyExpr expr, PyExpr.Call call, String name) {

  /** The decorator's call ({@code @app.get("/x")}), or a call without arguments ({@code @task}). */
  PyExpr.Call arguments() {
    return call != null ? call : new PyExpr.Call(expr, java.util.List.of(), 0);
  }

  /**
   * The library name of a decorator: {@code celery.shared_task} for
   * {@code @shared_task(bind=True)}, {@code fastapi.FastAPI().get} for {@code @app.get("/x")} where
   * {@code app = FastAPI()}; empty for decorators of the project or that we cannot resolve.
   */
  static Optional<Decorators> of(PyExpr decorator, Project project, Scope scope) {
    PyExpr.Call call = decorator instanceof PyExpr.Call c ? c : null;
    PyExpr function = call != null ? call.function() : decorator;
    PyValue value = project.resolver().value(function, scope);
    if (value instanceof PyValue.External external) {
      return Optional.of(new Decorators(decorator, call, external.name()));
    }
    return Optional.empty();
  }

  /** The scope decorators of {@code unit} are evaluated in. */
  static Scope scope(Project project, PyUnit unit, dev.blastradius.lang.python.PyModule module) {
    Scope scope = project.resolver().scope(module, unit);
    return scope.parent() == null ? scope : scope.parent();
  }

  /** The last part of the name: {@code get} for {@code fastapi.FastAPI().get}. */
  String method() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Whether the name is in one of the libraries. */
  boolean from(String... libraries) {
    for (String library : libraries) {
      if (name.equals(library)
          || name.startsWith(library + ".")
          || name.startsWith(library + "(")) {
        return true;
      }
    }
    return false;
  }
}
