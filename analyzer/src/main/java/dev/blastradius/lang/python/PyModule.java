package dev.blastradius.lang.python;

import dev.blastradius.lang.LinkState;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Python file declares and does, kept from extraction to linking: imports, top-level
 * functions, classes and variables, and every unit with its statements. A file the prefilter
 * skipped keeps only its text, so that linking can still read it when it calls code that reaches
 * the database.
 */
public final class PyModule implements LinkState {

  final SourceFile file;
  final boolean parsed;

  /** The text of a file the prefilter skipped (null once parsed). */
  final String skippedText;

  final List<PyImport> imports = new ArrayList<>();
  final Map<String, PyUnit> functions = new LinkedHashMap<>();
  final Map<String, PyClass> classes = new LinkedHashMap<>();

  /** Module-level assignments by name, in order. */
  final Map<String, List<PyExpr>> variables = new LinkedHashMap<>();

  final List<PyUnit> units = new ArrayList<>();
  final List<PyClass> allClasses = new ArrayList<>();
  PyUnit moduleUnit;
  PyUnit mainGuard;

  PyModule(SourceFile file, boolean parsed, String skippedText) {
    this.file = file;
    this.parsed = parsed;
    this.skippedText = skippedText;
  }

  public SourceFile file() {
    return file;
  }

  public String path() {
    return file.path();
  }

  /** False for a file the prefilter skipped. */
  public boolean parsed() {
    return parsed;
  }

  public String skippedText() {
    return skippedText;
  }

  /** Whether the file is a package's {@code __init__.py}. */
  public boolean isPackage() {
    return file.fileName().equals("__init__.py");
  }

  public List<PyImport> imports() {
    return imports;
  }

  public Map<String, PyUnit> functions() {
    return functions;
  }

  public Map<String, PyClass> classes() {
    return classes;
  }

  public Map<String, List<PyExpr>> variables() {
    return variables;
  }

  /** Every unit, module unit first. */
  public List<PyUnit> units() {
    return units;
  }

  /** Every class, nested ones and those inside functions included. */
  public List<PyClass> allClasses() {
    return allClasses;
  }

  public PyUnit moduleUnit() {
    return moduleUnit;
  }

  /** The unit of the {@code if __name__ == "__main__":} block, or null. */
  public PyUnit mainGuard() {
    return mainGuard;
  }

  /** The last value assigned to a module-level name, if any. */
  public java.util.Optional<PyExpr> variable(String name) {
    List<PyExpr> values = variables.get(name);
    return values == null || values.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(values.get(values.size() - 1));
  }

  @Override
  public String toString() {
    return file.path();
  }
}
