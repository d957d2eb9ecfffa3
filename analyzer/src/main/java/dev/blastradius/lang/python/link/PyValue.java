package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyUnit;
import java.util.Map;

/**
 * What a Python expression evaluates to, as far as names, imports and classes tell: a module of the
 * project, one of its classes or functions, an instance of a class, or something from a library
 * known by its qualified name ({@code django.db.models.Model}; a call adds {@code ()}: {@code
 * flask.Flask()} is a Flask application).
 */
public sealed interface PyValue {

  /** Nothing we can tell. */
  PyValue UNKNOWN = new Unknown();

  /** Nothing we can tell. */
  record Unknown() implements PyValue {}

  /**
   * A module or package of the project.
   *
   * @param module the file, or null for a namespace package that has none
   */
  record Module(String name, PyModule module) implements PyValue {}

  /** A class of the project. */
  record ClassRef(PyModule module, PyClass cls) implements PyValue {}

  /**
   * An instance of a class of the project.
   *
   * @param viaSuper true for {@code super()}: methods are looked up from the bases on
   * @param bound the classes its constructor stored in attributes ({@code self.model = model} with
   *     {@code Repository(session, User)}: {@code model} is {@code User}), by attribute name; empty
   *     when it was not built by a constructor call we read ({@link ConstructorBindings})
   */
  record Instance(PyModule module, PyClass cls, boolean viaSuper, Map<String, ClassRef> bound)
      implements PyValue {

    public Instance {
      bound = Map.copyOf(bound);
    }

    public Instance(PyModule module, PyClass cls, boolean viaSuper) {
      this(module, cls, viaSuper, Map.of());
    }
  }

  /**
   * A function or method of the project.
   *
   * @param receiver the instance or class it is bound to ({@code user.save}), or null
   */
  record Function(PyModule module, PyUnit unit, PyValue receiver) implements PyValue {}

  /**
   * A query over a model class of the project: a Django manager or queryset, a Flask-SQLAlchemy
   * {@code Model.query}, a SQLAlchemy {@code session.query(Model)}.
   *
   * @param manager the project class of a custom manager or queryset, or null
   */
  record Query(PyModule module, PyClass model, ClassRef manager) implements PyValue {
    /** The model class. */
    public ClassRef modelRef() {
      return new ClassRef(module, model);
    }
  }

  /** A method of something we know that is not a function of the project ({@code qs.filter}). */
  record Method(PyValue receiver, String name) implements PyValue {}

  /** Something from a library, by qualified name. */
  record External(String name) implements PyValue {

    /** Whether the name is {@code prefix} or starts with {@code prefix.}. */
    public boolean in(String prefix) {
      return name.equals(prefix) || name.startsWith(prefix + ".") || name.startsWith(prefix + "(");
    }
  }
}
