package dev.blastradius.lang.python.link;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.python.PyModule;

/**
 * Finds the entry points one module declares — on its own units, or on units of other modules it
 * names (a URL configuration names views) — one implementation per framework family, registered in
 * {@link PythonLinker}.
 */
public interface EntryPointFinder {

  /** Where found entry points go: the unit id and the entry point. */
  interface Sink {
    void entryPoint(String unitId, EntryPoint entryPoint);
  }

  void find(PyModule module, Project project, Sink sink);
}
