package dev.blastradius.lang.python;

/**
 * How Python code units and call-graph types are named. Both are keyed by the file path, which is
 * unique in a repository and known before modules are resolved: the module's units are {@code
 * py:app/views.py} (its top-level code), {@code py:app/views.py:user_list}, {@code
 * py:app/views.py:UserView.get}; the types that own them are {@code py:app/views.py} and {@code
 * py:app/views.py:UserView}.
 */
public final class PythonUnits {

  private PythonUnits() {}

  /** The type (and unit id) of a module's top-level code. */
  public static String moduleType(String path) {
    return "py:" + path;
  }
}
