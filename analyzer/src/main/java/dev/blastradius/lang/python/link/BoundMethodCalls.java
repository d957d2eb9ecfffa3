package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.schema.TableRef;
import java.util.HashSet;
import java.util.Set;

/**
 * Calls of generic repository methods, read at the call site. A repository class written once for
 * every model ({@code RepositoryGeneric(session, "id", User, UserSchema)}, whose methods run {@code
 * select(self.model)} and {@code self.session.add(self.model(**data))}) names no table in its own
 * code: the model is whatever the constructor was given. When a method is called on an instance
 * whose constructor bound a class to an attribute ({@link ConstructorBindings}), the method's
 * statements are read again with {@code self} standing for that instance, and what they access is
 * reported at the call, for the caller, no surer than LIKELY: this is the line the code that chose
 * the model is on (as for a Spring Data repository call). Calls the method makes on {@code self}
 * are followed the same way, {@link #MAX_DEPTH} deep and never into a method already being read.
 * Only accesses of the bound models' tables are reported at the call; the method's other accesses,
 * and its statements read once in its class (where {@code self.model} means nothing), are reported
 * in the method.
 */
final class BoundMethodCalls implements CallAdapter {

  /** How many nested methods a call is followed into. */
  private static final int MAX_DEPTH = 4;

  @Override
  public void visit(PyExpr.Call call, boolean chained, PySite site) {
    if (site.replaying().size() >= MAX_DEPTH) {
      return;
    }
    if (!(site.value(call.function()) instanceof PyValue.Function fn)
        || !(fn.receiver() instanceof PyValue.Instance instance)
        || instance.bound().isEmpty()
        || !fn.unit().bound()
        || fn.unit().classMethod()
        || site.replaying().contains(fn.unit())) {
      return;
    }
    Set<TableRef> tables = new HashSet<>();
    for (PyValue.ClassRef bound : instance.bound().values()) {
      for (ModelInfo m = site.project().models().model(bound).orElse(null);
          m != null;
          m = m.parent()) {
        tables.add(m.table());
      }
    }
    if (tables.isEmpty()) {
      return;
    }
    Scope scope = site.project().resolver().boundScope(fn);
    for (PyStatement statement : fn.unit().statements()) {
      PythonLinker.read(site.replay(fn.module(), fn.unit(), scope, statement, tables));
    }
  }
}
