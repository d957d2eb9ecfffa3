package dev.blastradius.lang.python.link;

import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.python.PyModule;
import java.util.List;

/**
 * Everything linking knows about the project: its modules, the resolver, string folding, the
 * replayed schema and the SQL frontend.
 */
public final class Project {

  private final ExtractContext context;
  private final ModuleIndex index;
  private final Resolver resolver;
  private final StringFolder strings;
  private ModelRegistry models = ModelRegistry.NONE;

  Project(ExtractContext context, ModuleIndex index, Resolver resolver) {
    this.context = context;
    this.index = index;
    this.resolver = resolver;
    this.strings = new StringFolder(resolver);
  }

  public ExtractContext context() {
    return context;
  }

  public Resolver resolver() {
    return resolver;
  }

  StringFolder strings() {
    return strings;
  }

  /** The ORM models of every framework. */
  public ModelRegistry models() {
    return models;
  }

  void models(ModelRegistry value) {
    models = value;
  }

  /** Every module, parsed or not, in path order. */
  public List<PyModule> modules() {
    return index.modules();
  }

  /** The current version of a module (it may have been parsed since it was handed out). */
  public PyModule current(PyModule module) {
    return index.byPath(module.path());
  }

  /** Parses a module the prefilter skipped. */
  public PyModule parsed(PyModule module) {
    return index.parse(module);
  }

  /** The dotted name of a module. */
  public String moduleName(PyModule module) {
    return index.name(module);
  }

  /** The module with this dotted name, parsed if need be. */
  public java.util.Optional<PyModule> module(String name) {
    return index.module(name, null);
  }
}
