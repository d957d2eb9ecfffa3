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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Celery beat schedules: {@code CELERY_BEAT_SCHEDULE = {…}} (Django settings), {@code beat_schedule
 * = {…}}, {@code app.conf.beat_schedule = {…}}, {@code app.conf.update(beat_schedule= {…})} and
 * {@code app.add_periodic_task(schedule, task.s())}. Each entry's {@code task} is matched to a task
 * function by its registered name ({@code name=…} or {@code module.function}), which gets a {@code
 * cron} entry point naming the entry and its schedule. Schedules kept in the database
 * (django-celery-beat) are not visible in the code.
 */
public final class CeleryBeatEntryPoints implements EntryPointFinder {

  private static final Set<String> SETTINGS =
      Set.of("CELERY_BEAT_SCHEDULE", "CELERYBEAT_SCHEDULE", "beat_schedule", "BEAT_SCHEDULE");

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    Map<String, PyUnit> tasks = null;
    for (PyUnit unit : module.units()) {
      Scope scope = project.resolver().scope(module, unit);
      for (PyStatement statement : unit.statements()) {
        Optional<PyExpr.Dict> schedule = schedule(statement);
        if (schedule.isPresent()) {
          tasks = tasks == null ? tasks(project) : tasks;
          entries(schedule.get(), tasks, sink);
        }
        ExprWalk.calls(statement.value(), (call, chained) -> periodic(call, scope, project, sink));
      }
    }
  }

  /** The schedule a statement assigns, if any. */
  private static Optional<PyExpr.Dict> schedule(PyStatement statement) {
    if (statement.kind() == PyStatement.Kind.ASSIGN
        && statement.value() instanceof PyExpr.Dict dict) {
      for (PyExpr target : statement.targets()) {
        String name =
            target instanceof PyExpr.Name n
                ? n.id()
                : target instanceof PyExpr.Attr a ? a.name() : "";
        if (SETTINGS.contains(name)) {
          return Optional.of(dict);
        }
      }
    }
    if (statement.value() instanceof PyExpr.Call call
        && call.name().filter("update"::equals).isPresent()
        && call.keyword("beat_schedule").orElse(null) instanceof PyExpr.Dict dict) {
      return Optional.of(dict);
    }
    return Optional.empty();
  }

  private static void entries(PyExpr.Dict schedule, Map<String, PyUnit> tasks, Sink sink) {
    for (int i = 0; i < schedule.keys().size(); i++) {
      Optional<String> key =
          schedule.keys().get(i) == null ? Optional.empty() : PyExpr.string(schedule.keys().get(i));
      if (key.isEmpty() || !(schedule.values().get(i) instanceof PyExpr.Dict entry)) {
        continue;
      }
      Optional<String> task = entry.get("task").flatMap(PyExpr::string);
      if (task.isEmpty()) {
        continue;
      }
      PyUnit unit = lookup(task.get(), tasks);
      if (unit != null) {
        String when = entry.get("schedule").map(PyExprText::render).orElse("?");
        sink.entryPoint(
            unit.id(),
            TaskEntryPoints.entry(
                EntryPointKind.CRON, "beat " + key.get() + " (" + when + ")", unit));
      }
    }
  }

  /** {@code app.add_periodic_task(crontab(…), send_digest.s())}. */
  private static void periodic(PyExpr.Call call, Scope scope, Project project, Sink sink) {
    if (!call.name().filter("add_periodic_task"::equals).isPresent()
        || call.positional().size() < 2) {
      return;
    }
    PyExpr signature = call.positional().get(1);
    PyExpr target =
        signature instanceof PyExpr.Call s && s.function() instanceof PyExpr.Attr a
            ? a.object()
            : signature;
    if (project.resolver().value(target, scope) instanceof PyValue.Function fn) {
      String name = call.keyword("name").flatMap(PyExpr::string).orElse(fn.unit().qualname());
      sink.entryPoint(
          fn.unit().id(),
          TaskEntryPoints.entry(
              EntryPointKind.CRON,
              "beat " + name + " (" + PyExprText.render(call.positional().get(0)) + ")",
              fn.unit()));
    }
  }

  /** The task registered under {@code name}, else the only one whose function has its last part. */
  private static PyUnit lookup(String name, Map<String, PyUnit> tasks) {
    PyUnit exact = tasks.get(name);
    if (exact != null) {
      return exact;
    }
    String function = name.substring(name.lastIndexOf('.') + 1);
    PyUnit found = null;
    for (Map.Entry<String, PyUnit> task : tasks.entrySet()) {
      if (task.getValue().name().equals(function)) {
        if (found != null && found != task.getValue()) {
          return null;
        }
        found = task.getValue();
      }
    }
    return found;
  }

  /** Every Celery task of the project by registered name. */
  private static Map<String, PyUnit> tasks(Project project) {
    Map<String, PyUnit> tasks = new HashMap<>();
    for (PyModule module : project.modules()) {
      if (!module.parsed()) {
        continue;
      }
      for (PyUnit unit : module.units()) {
        if (unit.kind() != PyUnit.Kind.FUNCTION || unit.decorators().isEmpty()) {
          continue;
        }
        Scope scope = Decorators.scope(project, unit, module);
        for (PyExpr decorator : unit.decorators()) {
          Decorators.of(decorator, project, scope)
              .filter(
                  d ->
                      d.from("celery")
                          && (d.method().equals("task") || d.method().equals("shared_task")))
              .ifPresent(d -> tasks.put(TaskEntryPoints.taskName(d, unit, module, project), unit));
        }
      }
    }
    return tasks;
  }
}
