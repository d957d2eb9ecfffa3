package dev.blastradius.lang.python.link;

import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyStatement;
import java.util.List;
import java.util.Optional;

/**
 * Where a class adapter reports: at the statement that assigns an attribute ({@code fields = […]}
 * in a nested {@code Meta} too), on behalf of the visited class's body, which is reached wherever
 * the class is used.
 */
public final class ClassSite {

  private final Project project;
  private final FileFacts.Builder facts;
  private final AccessSink sink;
  private final PyValue.ClassRef cls;

  ClassSite(Project project, FileFacts.Builder facts, AccessSink sink, PyValue.ClassRef cls) {
    this.project = project;
    this.facts = facts;
    this.sink = sink;
    this.cls = cls;
  }

  public Project project() {
    return project;
  }

  /** The site of {@code attribute} as assigned in {@code declaring} (the class or a nested one). */
  public PySite at(PyClass declaring, String attribute) {
    PyStatement statement = null;
    for (PyStatement candidate : declaring.body().statements()) {
      if (candidate.kind() == PyStatement.Kind.ASSIGN
          && candidate.targets().stream()
              .anyMatch(t -> t instanceof PyExpr.Name n && n.id().equals(attribute))) {
        statement = candidate;
      }
    }
    return statement == null ? atClass() : site(statement);
  }

  /** The site of the class declaration itself. */
  public PySite atClass() {
    PyClass c = cls.cls();
    return site(
        new PyStatement(
            PyStatement.Kind.EXPR,
            c.location(),
            "class " + c.name(),
            List.of(),
            new PyExpr.Other(List.of()),
            null,
            null));
  }

  /** The value of an attribute of the class or of a nested class ({@code Meta.model}). */
  public Optional<PyValue> value(PyClass declaring, String attribute) {
    return declaring
        .value(attribute)
        .map(
            v ->
                project
                    .resolver()
                    .value(v, project.resolver().scope(cls.module(), declaring.body())));
  }

  private PySite site(PyStatement statement) {
    Scope scope = project.resolver().scope(cls.module(), cls.cls().body());
    return new PySite(project, facts, sink, cls.module(), cls.cls().body(), scope, statement);
  }
}
