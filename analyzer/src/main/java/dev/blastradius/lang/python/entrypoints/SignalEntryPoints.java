package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyExprText;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.EntryPointFinder;
import dev.blastradius.lang.python.link.ExprWalk;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Scope;
import java.util.Optional;

/**
 * Receivers of Django signals ({@code @receiver(post_save, sender=Order)}, {@code
 * post_save.connect(handler, sender=Order)}) and of SQLAlchemy events ({@code
 * @event.listens_for(User, "before_insert")}, {@code event.listen(User, "before_insert", f)}):
 * {@code listener}s named after the signal and sender.
 */
public final class SignalEntryPoints implements EntryPointFinder {

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    for (PyUnit unit : module.units()) {
      if (unit.kind() != PyUnit.Kind.FUNCTION) {
        continue;
      }
      Scope scope = Decorators.scope(project, unit, module);
      for (PyExpr decorator : unit.decorators()) {
        Optional<Decorators> resolved = Decorators.of(decorator, project, scope);
        if (resolved.isEmpty()) {
          continue;
        }
        PyExpr.Call call = resolved.get().arguments();
        if (resolved.get().from("django.dispatch") && resolved.get().method().equals("receiver")) {
          sink.entryPoint(
              unit.id(),
              TaskEntryPoints.entry(
                  EntryPointKind.LISTENER,
                  django(call.positional(0), call.keyword("sender")),
                  unit));
        } else if (resolved.get().from("sqlalchemy")
            && resolved.get().method().equals("listens_for")) {
          sink.entryPoint(
              unit.id(),
              TaskEntryPoints.entry(
                  EntryPointKind.LISTENER,
                  sqlalchemy(call.positional(0), call.positional(1)),
                  unit));
        }
      }
    }
    for (PyUnit unit : module.units()) {
      Scope scope = project.resolver().scope(module, unit);
      for (PyStatement statement : unit.statements()) {
        ExprWalk.calls(statement.value(), (call, chained) -> connected(call, scope, project, sink));
      }
    }
  }

  private static void connected(PyExpr.Call call, Scope scope, Project project, Sink sink) {
    if (!(call.function() instanceof PyExpr.Attr attr)) {
      return;
    }
    PyValue receiver = project.resolver().value(attr.object(), scope);
    if (attr.name().equals("connect")
        && receiver instanceof PyValue.External signal
        && (signal.in("django.db.models.signals")
            || signal.in("django.core.signals")
            || signal.in("django.dispatch")
            || signal.in("django.contrib.auth.signals"))) {
      function(call.argument(0, "receiver"), scope, project)
          .ifPresent(
              u ->
                  sink.entryPoint(
                      u.id(),
                      TaskEntryPoints.entry(
                          EntryPointKind.LISTENER,
                          django(Optional.of(attr.object()), call.keyword("sender")),
                          u)));
    } else if (attr.name().equals("listen")
        && receiver instanceof PyValue.External e
        && e.in("sqlalchemy")) {
      function(call.positional(2), scope, project)
          .ifPresent(
              u ->
                  sink.entryPoint(
                      u.id(),
                      TaskEntryPoints.entry(
                          EntryPointKind.LISTENER,
                          sqlalchemy(call.positional(0), call.positional(1)),
                          u)));
    }
  }

  private static Optional<PyUnit> function(Optional<PyExpr> expr, Scope scope, Project project) {
    return expr.map(e -> project.resolver().value(e, scope))
        .filter(PyValue.Function.class::isInstance)
        .map(v -> ((PyValue.Function) v).unit());
  }

  private static String django(Optional<PyExpr> signal, Optional<PyExpr> sender) {
    return "signal "
        + signal.map(PyExprText::render).orElse("?")
        + sender.map(s -> " " + PyExprText.render(s)).orElse("");
  }

  private static String sqlalchemy(Optional<PyExpr> target, Optional<PyExpr> event) {
    return "sqlalchemy "
        + event.flatMap(PyExpr::string).orElse("?")
        + " "
        + target.map(PyExprText::render).orElse("?");
  }
}
