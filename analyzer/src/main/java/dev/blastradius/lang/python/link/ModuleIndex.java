package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyModule;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The project's Python modules by dotted name. A file's name counts from its source root: the
 * nearest directory above it that has no {@code __init__.py} ({@code src/app/models.py} with {@code
 * src/app/__init__.py} is {@code app.models}). A module the prefilter skipped is parsed the first
 * time anything looks inside it.
 */
final class ModuleIndex {

  private final Map<String, PyModule> byPath = new LinkedHashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, List<String>> pathsByName = new HashMap<>();

  /** {@link #bySuffix} answers, by the name asked. */
  private final Map<String, Optional<String>> suffixes = new HashMap<>();

  /** Every proper prefix of a module name ({@code app} for {@code app.models}). */
  private final Set<String> packages = new HashSet<>();

  /** Paths by their full dotted form ({@code src.app.models} for {@code src/app/models.py}). */
  private final Map<String, List<String>> pathsByFullName = new HashMap<>();

  private final UnaryOperator<PyModule> parser;

  /**
   * @param modules every Python file's module (parsed or skipped), sorted by path
   * @param files every discovered file, for the {@code __init__.py} that make packages
   * @param parser parses a skipped module
   */
  ModuleIndex(List<PyModule> modules, List<SourceFile> files, UnaryOperator<PyModule> parser) {
    this.parser = parser;
    Set<String> packageDirs = new HashSet<>();
    for (SourceFile file : files) {
      if (file.language() == Language.PYTHON && file.fileName().equals("__init__.py")) {
        packageDirs.add(parent(file.path()));
      }
    }
    for (PyModule module : modules) {
      byPath.put(module.path(), module);
      String name = dottedName(module.path(), packageDirs);
      names.put(module.path(), name);
      pathsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(module.path());
      addPrefixes(name);
      String full = fullName(module.path());
      String[] parts = full.split("\\.");
      // Every tail of the full name, so that namespace packages resolve from any root.
      for (int i = 0; i < parts.length; i++) {
        String tail = String.join(".", List.of(parts).subList(i, parts.length));
        pathsByFullName.computeIfAbsent(tail, k -> new ArrayList<>()).add(module.path());
        addPrefixes(tail);
      }
    }
  }

  private void addPrefixes(String name) {
    for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
      packages.add(name.substring(0, dot));
    }
  }

  /** Every module, parsed or not, in path order. */
  List<PyModule> modules() {
    return List.copyOf(byPath.values());
  }

  /** The current (possibly parsed-on-demand) module of a path. */
  PyModule byPath(String path) {
    return byPath.get(path);
  }

  /** The dotted name of a module. */
  String name(PyModule module) {
    return names.get(module.path());
  }

  /**
   * The module with this dotted name, parsed if need be; among several files of one name, the one
   * next to {@code importer}, else the first by path.
   */
  Optional<PyModule> module(String name, PyModule importer) {
    List<String> paths = pathsByName.get(name);
    if (paths == null && name.indexOf('.') > 0) {
      paths = pathsByFullName.get(name);
    }
    if (paths == null) {
      return Optional.empty();
    }
    String chosen = paths.get(0);
    if (paths.size() > 1 && importer != null) {
      String directory = parent(importer.path());
      for (String path : paths) {
        if (parent(path).equals(directory)) {
          chosen = path;
        }
      }
    }
    return Optional.of(parsed(chosen));
  }

  /** Whether {@code name} is a package prefix of some module (a namespace package, perhaps). */
  boolean isPackage(String name) {
    return packages.contains(name);
  }

  /** Whether {@code name} names a module or package of the project. */
  boolean exists(String name) {
    return pathsByName.containsKey(name)
        || packages.contains(name)
        || (name.indexOf('.') > 0 && pathsByFullName.containsKey(name));
  }

  /**
   * The absolute name of {@code from level module} imported in {@code importer}, or empty when the
   * dots climb above the source root.
   */
  Optional<String> absolute(PyModule importer, int level, String module) {
    if (level == 0) {
      return Optional.of(module);
    }
    String base = name(importer);
    if (!importer.isPackage()) {
      int dot = base.lastIndexOf('.');
      base = dot < 0 ? "" : base.substring(0, dot);
    }
    for (int i = 1; i < level; i++) {
      if (base.isEmpty()) {
        return Optional.empty();
      }
      int dot = base.lastIndexOf('.');
      base = dot < 0 ? "" : base.substring(0, dot);
    }
    if (module.isEmpty()) {
      return base.isEmpty() ? Optional.empty() : Optional.of(base);
    }
    return Optional.of(base.isEmpty() ? module : base + "." + module);
  }

  /**
   * A project module for an absolute import that does not match a name exactly: when the import has
   * several parts and exactly one module's name ends with them (a source root we misjudged).
   */
  Optional<String> bySuffix(String name) {
    if (name.indexOf('.') < 0) {
      return Optional.empty();
    }
    // Imports of libraries ask again and again; the module names never change.
    return suffixes.computeIfAbsent(name, this::scanSuffix);
  }

  private Optional<String> scanSuffix(String name) {
    String suffix = "." + name;
    String found = null;
    for (String candidate : pathsByName.keySet()) {
      if (candidate.endsWith(suffix)) {
        if (found != null) {
          return Optional.empty();
        }
        found = candidate;
      }
    }
    return Optional.ofNullable(found);
  }

  private PyModule parsed(String path) {
    PyModule module = byPath.get(path);
    if (!module.parsed()) {
      module = parser.apply(module);
      byPath.put(path, module);
    }
    return module;
  }

  /** Parses {@code module} (a skipped one) now and keeps the result. */
  PyModule parse(PyModule module) {
    return parsed(module.path());
  }

  /** Keeps {@code module}, parsed elsewhere, in place of the skipped module of its path. */
  PyModule replace(PyModule module) {
    if (!byPath.containsKey(module.path())) {
      throw new IllegalArgumentException("not a module of this project: " + module.path());
    }
    byPath.put(module.path(), module);
    return module;
  }

  /** The dotted form of a whole path: {@code src/app/models.py} is {@code src.app.models}. */
  static String fullName(String path) {
    String withoutExtension = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
    if (withoutExtension.endsWith("/__init__")) {
      withoutExtension = withoutExtension.substring(0, withoutExtension.length() - 9);
    }
    return withoutExtension.replace('/', '.');
  }

  /** The dotted module name of a path, counted from its source root. */
  static String dottedName(String path, Set<String> packageDirs) {
    String withoutExtension = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
    String[] parts = withoutExtension.split("/");
    int first = parts.length - 1;
    String directory = parent(path);
    while (!directory.isEmpty() && packageDirs.contains(directory) && first > 0) {
      first--;
      directory = parent(directory);
    }
    List<String> kept = new ArrayList<>(List.of(parts).subList(first, parts.length));
    if (kept.size() > 1 && kept.get(kept.size() - 1).equals("__init__")) {
      kept.remove(kept.size() - 1);
    }
    return String.join(".", kept);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
