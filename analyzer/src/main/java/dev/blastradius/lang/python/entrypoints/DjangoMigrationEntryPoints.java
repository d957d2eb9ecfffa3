package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.django.DjangoMigration;
import dev.blastradius.lang.python.link.EntryPointFinder;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The functions a Django migration runs with {@code RunPython(forwards, backwards)}: a {@code
 * migration} entry point named after the migration, so what they read and write is not counted
 * against the running application.
 */
public final class DjangoMigrationEntryPoints implements EntryPointFinder {

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    if (!DjangoMigration.candidate(module.path())) {
      return;
    }
    DjangoMigration.of(module)
        .ifPresent(
            migration -> {
              Deque<PyExpr> work = new ArrayDeque<>(migration.operations());
              while (!work.isEmpty()) {
                PyExpr next = work.pop();
                if (next instanceof PyExpr.Call call
                    && PyExpr.dotted(call.function())
                        .filter(n -> n.endsWith("RunPython"))
                        .isPresent()) {
                  for (PyExpr.Arg arg : call.args()) {
                    PyValue value =
                        project
                            .resolver()
                            .value(arg.value(), project.resolver().moduleScope(module));
                    if (value instanceof PyValue.Function fn) {
                      sink.entryPoint(
                          fn.unit().id(),
                          new EntryPoint(
                              EntryPointKind.MIGRATION,
                              migration.key() + " RunPython " + fn.unit().name(),
                              fn.unit().location()));
                    }
                  }
                }
                next.parts().forEach(work::push);
              }
            });
  }
}
