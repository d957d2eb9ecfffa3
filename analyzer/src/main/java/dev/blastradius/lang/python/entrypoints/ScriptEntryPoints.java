package dev.blastradius.lang.python.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.EntryPointFinder;
import dev.blastradius.lang.python.link.Project;

/**
 * Scripts and tests: the {@code if __name__ == "__main__":} block of a module ({@code script},
 * named by the file), and every function of a test file ({@code test_*.py}, {@code *_test.py},
 * {@code conftest.py}, or anything under a {@code tests/} or {@code test/} directory).
 */
public final class ScriptEntryPoints implements EntryPointFinder {

  @Override
  public void find(PyModule module, Project project, Sink sink) {
    if (module.mainGuard() != null) {
      PyUnit main = module.mainGuard();
      sink.entryPoint(
          main.id(), new EntryPoint(EntryPointKind.SCRIPT, module.path(), main.location()));
    }
    if (isTestFile(module.path())) {
      for (PyUnit unit : module.units()) {
        if (unit.kind() == PyUnit.Kind.FUNCTION) {
          sink.entryPoint(
              unit.id(), new EntryPoint(EntryPointKind.TEST, unit.qualname(), unit.location()));
        }
      }
    }
  }

  /** Whether a path is test code by pytest's and unittest's conventions. */
  static boolean isTestFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String withSlashes = "/" + path;
    return name.startsWith("test_")
        || name.endsWith("_test.py")
        || name.equals("tests.py")
        || name.equals("conftest.py")
        || withSlashes.contains("/tests/")
        || withSlashes.contains("/test/");
  }
}
