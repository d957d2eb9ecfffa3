package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyParam;

/**
 * What frameworks add to the meaning of names: Django's {@code Model.objects} is a query, a
 * queryset's {@code get()} an instance of its model, {@code session.query(Model)} a query. Each
 * method returns null when it has nothing to say.
 */
public interface ValueHooks {

  /** Has nothing to say. */
  ValueHooks NONE = new ValueHooks() {};

  /** What {@code self} is in the methods of a project class (a manager's: a query). */
  default PyValue self(PyValue.ClassRef cls) {
    return null;
  }

  /**
   * A parameter without annotation that the framework fills ({@code target} of a SQLAlchemy
   * {@code @event.listens_for(User, "before_insert")} listener: a User).
   */
  default PyValue param(Scope scope, PyParam param) {
    return null;
  }

  /** An attribute of a project class ({@code User.objects}). */
  default PyValue classAttribute(PyValue.ClassRef cls, String name) {
    return null;
  }

  /** An attribute of an instance of a project class ({@code order.customer}). */
  default PyValue instanceAttribute(PyValue.Instance instance, String name) {
    return null;
  }

  /** A method of a query, called ({@code qs.first()}). */
  default PyValue queryCall(PyValue.Query query, String method) {
    return null;
  }

  /** A call of a library function or of something unknown ({@code session.query(User)}). */
  default PyValue call(PyValue function, PyExpr.Call call, Scope scope, Resolver resolver) {
    return null;
  }
}
