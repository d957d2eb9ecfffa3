package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.django.AdminRegistrations;
import dev.blastradius.lang.python.link.EntryPointFinder;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import java.util.List;

/**
 * The Django admin: a registered model admin (its body, actions and every method) is an {@code
 * admin} entry point named after the admin class and its model; so is the admin module's code that
 * registers models with the default admin.
 */
public final class DjangoAdminEntryPoints implements EntryPointFinder {

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    for (PyClass cls : module.allClasses()) {
      PyValue.ClassRef ref = new PyValue.ClassRef(module, cls);
      if (!AdminRegistrations.isAdmin(ref, project)) {
        continue;
      }
      List<PyValue.ClassRef> models = AdminRegistrations.models(ref, project);
      if (models.isEmpty() || cls.value("model").isPresent()) {
        // Inlines run inside the admin that lists them, which reaches their body.
        continue;
      }
      for (PyValue.ClassRef model : models) {
        EntryPoint entryPoint =
            new EntryPoint(
                EntryPointKind.ADMIN, cls.name() + " (" + model.cls().name() + ")", cls.location());
        for (PyUnit unit : ClassUnits.all(ref, project)) {
          sink.entryPoint(unit.id(), entryPoint);
        }
      }
    }
    AdminRegistrations.registrations(
        module,
        project,
        (unit, statement, call, scope) -> {
          if (call.positional().size() == 1) {
            var target = call.positional().get(0);
            String names =
                target instanceof dev.blastradius.lang.python.PyExpr.Seq seq
                    ? String.join(
                        ", ",
                        seq.items().stream()
                            .map(dev.blastradius.lang.python.PyExprText::render)
                            .toList())
                    : dev.blastradius.lang.python.PyExprText.render(target);
            sink.entryPoint(
                unit.id(),
                new EntryPoint(
                    EntryPointKind.ADMIN, "default admin (" + names + ")", statement.location()));
          }
        });
  }
}
