package dev.blastradius.lang.python.link;

/**
 * Finds accesses in whole statements (attribute reads and assignments on loaded model instances),
 * one implementation per framework, registered in {@link PythonLinker}.
 */
public interface StatementAdapter {

  /** Looks at the statement of {@code site}. */
  void visit(PySite site);
}
