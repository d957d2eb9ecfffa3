package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.EntryPointFinder;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;

/**
 * Django management commands: the {@code Command} class of {@code
 * <app>/management/commands/<name>.py} is a {@code script} named {@code manage.py <name>}, on its
 * body and every method.
 */
public final class ManagementCommandEntryPoints implements EntryPointFinder {

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    String[] parts = module.path().split("/");
    if (parts.length < 3
        || !parts[parts.length - 2].equals("commands")
        || !parts[parts.length - 3].equals("management")
        || module.isPackage()) {
      return;
    }
    PyClass command = module.classes().get("Command");
    if (command == null) {
      return;
    }
    String name = parts[parts.length - 1].substring(0, parts[parts.length - 1].length() - 3);
    EntryPoint entryPoint =
        new EntryPoint(EntryPointKind.SCRIPT, "manage.py " + name, command.location());
    for (PyUnit unit : ClassUnits.all(new PyValue.ClassRef(module, command), project)) {
      sink.entryPoint(unit.id(), entryPoint);
    }
  }
}
