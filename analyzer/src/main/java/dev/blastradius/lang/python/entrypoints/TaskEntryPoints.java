package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPoint;
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
import java.util.Set;

/**
 * Background work: Celery tasks ({@code @shared_task}, {@code @app.task}), RQ jobs ({@code @job},
 * {@code queue.enqueue(f)}), dramatiq actors and Huey tasks are {@code worker}s; Huey periodic
 * tasks, APScheduler jobs ({@code @scheduler.scheduled_job}, {@code scheduler.add_job(f, …)}) and
 * {@code schedule.every(…).do(f)} are {@code cron}; click and typer commands are {@code script}s.
 */
public final class TaskEntryPoints implements EntryPointFinder {

  private static final Set<String> ENQUEUE =
      Set.of("enqueue", "enqueue_call", "enqueue_in", "enqueue_at");

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    for (PyUnit unit : module.units()) {
      if (unit.kind() != PyUnit.Kind.FUNCTION) {
        continue;
      }
      Scope scope = Decorators.scope(project, unit, module);
      for (PyExpr decorator : unit.decorators()) {
        Decorators.of(decorator, project, scope)
            .ifPresent(d -> decorated(d, unit, module, project, sink));
      }
    }
    for (PyUnit unit : module.units()) {
      Scope scope = project.resolver().scope(module, unit);
      for (PyStatement statement : unit.statements()) {
        ExprWalk.calls(
            statement.value(), (call, chained) -> registered(call, scope, project, sink));
      }
    }
  }

  private static void decorated(
      Decorators decorator, PyUnit unit, PyModule module, Project project, Sink sink) {
    String method = decorator.method();
    String task = taskName(decorator, unit, module, project);
    if (decorator.from("celery") && (method.equals("task") || method.equals("shared_task"))) {
      sink.entryPoint(unit.id(), entry(EntryPointKind.WORKER, "celery " + task, unit));
    } else if (decorator.from("celery") && method.equals("periodic_task")) {
      sink.entryPoint(
          unit.id(),
          entry(
              EntryPointKind.CRON,
              "celery " + task + schedule(decorator.arguments().keyword("run_every")),
              unit));
    } else if (decorator.from("rq", "django_rq") && method.equals("job")) {
      sink.entryPoint(unit.id(), entry(EntryPointKind.WORKER, "rq " + task, unit));
    } else if (decorator.from("dramatiq", "remoulade") && method.equals("actor")) {
      sink.entryPoint(unit.id(), entry(EntryPointKind.WORKER, "dramatiq " + task, unit));
    } else if (decorator.from("huey") && (method.equals("task") || method.equals("db_task"))) {
      sink.entryPoint(unit.id(), entry(EntryPointKind.WORKER, "huey " + task, unit));
    } else if (decorator.from("huey") && method.endsWith("periodic_task")) {
      sink.entryPoint(
          unit.id(),
          entry(
              EntryPointKind.CRON,
              "huey " + task + schedule(decorator.arguments().positional(0)),
              unit));
    } else if (decorator.from("apscheduler") && method.equals("scheduled_job")) {
      sink.entryPoint(
          unit.id(),
          entry(
              EntryPointKind.CRON,
              "apscheduler " + unit.qualname() + " (" + arguments(decorator.arguments()) + ")",
              unit));
    } else if (decorator.from("click", "typer") && method.equals("command")) {
      sink.entryPoint(unit.id(), entry(EntryPointKind.SCRIPT, "cli " + unit.name(), unit));
    }
  }

  /** Functions handed to a scheduler or a queue. */
  private static void registered(PyExpr.Call call, Scope scope, Project project, Sink sink) {
    if (!(call.function() instanceof PyExpr.Attr attr)) {
      return;
    }
    String method = attr.name();
    if (method.equals("add_job")) {
      PyValue receiver = project.resolver().value(attr.object(), scope);
      if (receiver instanceof PyValue.External e && e.in("apscheduler")) {
        function(call.argument(0, "func"), scope, project)
            .ifPresent(
                u ->
                    sink.entryPoint(
                        u.id(),
                        entry(
                            EntryPointKind.CRON,
                            "apscheduler " + u.qualname() + " (" + arguments(call) + ")",
                            u)));
      }
    } else if (method.equals("do")) {
      if (fromSchedule(attr.object(), scope, project)) {
        function(call.positional(0), scope, project)
            .ifPresent(
                u ->
                    sink.entryPoint(
                        u.id(),
                        entry(
                            EntryPointKind.CRON,
                            "schedule "
                                + u.qualname()
                                + " ("
                                + PyExprText.render(attr.object())
                                + ")",
                            u)));
      }
    } else if (ENQUEUE.contains(method)) {
      PyValue receiver = project.resolver().value(attr.object(), scope);
      if (receiver instanceof PyValue.External e && e.in("rq")
          || receiver instanceof PyValue.External d && d.in("django_rq")) {
        Optional<PyExpr> target = call.argument(0, "func").or(() -> call.keyword("f"));
        if (method.equals("enqueue_in") || method.equals("enqueue_at")) {
          target = call.positional(1);
        }
        function(target, scope, project)
            .ifPresent(
                u ->
                    sink.entryPoint(u.id(), entry(EntryPointKind.WORKER, "rq " + u.qualname(), u)));
      }
    }
  }

  /** Whether {@code schedule.every(10).minutes} comes from the schedule library. */
  private static boolean fromSchedule(PyExpr expr, Scope scope, Project project) {
    PyExpr current = expr;
    while (current instanceof PyExpr.Attr || current instanceof PyExpr.Call) {
      if (current instanceof PyExpr.Call c) {
        current = c.function();
      } else {
        PyExpr.Attr a = (PyExpr.Attr) current;
        if (a.name().equals("every")) {
          return project.resolver().value(a.object(), scope) instanceof PyValue.External e
              && e.in("schedule");
        }
        current = a.object();
      }
    }
    return false;
  }

  private static Optional<PyUnit> function(Optional<PyExpr> expr, Scope scope, Project project) {
    if (expr.isEmpty()) {
      return Optional.empty();
    }
    PyValue value = project.resolver().value(expr.get(), scope);
    return value instanceof PyValue.Function fn ? Optional.of(fn.unit()) : Optional.empty();
  }

  /** The task's registered name: {@code name=…}, else {@code module.function}. */
  static String taskName(Decorators decorator, PyUnit unit, PyModule module, Project project) {
    return decorator
        .arguments()
        .keyword("name")
        .flatMap(PyExpr::string)
        .orElse(project.moduleName(module) + "." + unit.qualname());
  }

  private static String schedule(Optional<PyExpr> schedule) {
    return schedule.map(s -> " (" + PyExprText.render(s) + ")").orElse("");
  }

  private static String arguments(PyExpr.Call call) {
    String rendered = PyExprText.render(call);
    int open = rendered.indexOf('(');
    return open < 0
        ? rendered
        : rendered.substring(open + 1, Math.max(open + 1, rendered.length() - 1));
  }

  static EntryPoint entry(EntryPointKind kind, String name, PyUnit unit) {
    return new EntryPoint(kind, name, unit.location());
  }
}
