package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyParam;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.ExprWalk;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Resolver;
import dev.blastradius.lang.python.link.Scope;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object a SQLAlchemy event listener is handed, when its parameter has no annotation: for
 * {@code @event.listens_for(User, "before_update")} (or {@code event.listen(User, "before_update",
 * f)}) the third parameter of a mapper event ({@code mapper, connection, target}) and the first of
 * an instance event ({@code load}, {@code refresh}, …) is a User being flushed or loaded; for an
 * attribute event, {@code @event.listens_for(User.email, "set")}, the first parameter is. What the
 * listener reads and assigns on it is then a read or write of that model's columns, and the
 * listener is a {@code listener} entry point ({@link
 * dev.blastradius.lang.python.entrypoints.SignalEntryPoints}).
 */
final class EventTargets {

  /** Mapper events, whose target is the third parameter. */
  private static final Set<String> MAPPER_EVENTS =
      Set.of(
          "before_insert",
          "after_insert",
          "before_update",
          "after_update",
          "before_delete",
          "after_delete");

  /** An event registration: what it listens on, the event name, in the scope of the call. */
  private record Registration(PyExpr on, String event, Scope scope) {}

  private final SqlAlchemyModels models;
  private final Resolver resolver;
  private final Map<PyUnit, List<Registration>> registrations = new IdentityHashMap<>();

  EventTargets(SqlAlchemyModels models, Resolver resolver) {
    this.models = models;
    this.resolver = resolver;
  }

  /** The model instance an unannotated listener parameter receives, or null. */
  PyValue param(Scope scope, PyParam param) {
    PyUnit unit = scope.unit();
    if (unit.kind() != PyUnit.Kind.FUNCTION || unit.declaringClass() != null) {
      return null;
    }
    int index = unit.params().indexOf(param);
    for (Registration registration : registrations(scope)) {
      PyValue on = resolver.value(registration.on(), registration.scope());
      boolean attributeEvent = false;
      if (!(on instanceof PyValue.ClassRef)
          && registration.on() instanceof PyExpr.Attr attr
          && resolver.value(attr.object(), registration.scope()) instanceof PyValue.ClassRef cls) {
        on = cls;
        attributeEvent = true;
      }
      if (!(on instanceof PyValue.ClassRef cls) || !models.isMapped(cls)) {
        continue;
      }
      int target = !attributeEvent && MAPPER_EVENTS.contains(registration.event()) ? 2 : 0;
      if (index == target) {
        return new PyValue.Instance(cls.module(), cls.cls(), false);
      }
    }
    return null;
  }

  /**
   * The events a function is registered for: by its decorators, or by module-level listen calls.
   */
  private List<Registration> registrations(Scope scope) {
    PyUnit unit = scope.unit();
    List<Registration> cached = registrations.get(unit);
    if (cached != null) {
      return cached;
    }
    List<Registration> found = new ArrayList<>();
    Scope outer = scope.parent() == null ? scope : scope.parent();
    for (PyExpr decorator : unit.decorators()) {
      if (decorator instanceof PyExpr.Call call
          && call.name().filter("listens_for"::equals).isPresent()) {
        add(call, 0, outer, found);
      }
    }
    Scope module = resolver.moduleScope(scope.module());
    for (PyStatement statement : scope.module().moduleUnit().statements()) {
      ExprWalk.calls(
          statement.value(),
          (call, chained) -> {
            if (call.name().filter("listen"::equals).isPresent()
                && call.positional(2)
                    .filter(f -> f instanceof PyExpr.Name n && n.id().equals(unit.name()))
                    .isPresent()) {
              add(call, 0, module, found);
            }
          });
    }
    registrations.put(unit, List.copyOf(found));
    return found;
  }

  private void add(PyExpr.Call call, int first, Scope scope, List<Registration> found) {
    if (!(resolver.value(call.function(), scope) instanceof PyValue.External external)
        || !external.in("sqlalchemy")) {
      return;
    }
    PyExpr on = call.positional(first).orElse(null);
    String event = call.positional(first + 1).flatMap(PyExpr::string).orElse(null);
    if (on != null && event != null) {
      found.add(new Registration(on, event, scope));
    }
  }
}
