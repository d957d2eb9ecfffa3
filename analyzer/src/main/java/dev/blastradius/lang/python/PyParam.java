package dev.blastradius.lang.python;

/**
 * A parameter of a function.
 *
 * @param annotation its annotation, or null
 * @param defaultValue its default, or null
 */
public record PyParam(String name, Kind kind, PyExpr annotation, PyExpr defaultValue) {

  /** Where the parameter sits in the signature. */
  public enum Kind {
    POSITIONAL,
    /** {@code *args}. */
    VARARGS,
    KEYWORD_ONLY,
    /** {@code **kwargs}. */
    VARKW
  }
}
