package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;

/**
 * A value a name is bound to in some scope: {@code x = value}, {@code x += value}, {@code for x in
 * value}, {@code with value as x}.
 */
public record Binding(PyExpr value, Kind kind, Scope scope, int line) {

  /** How the name gets the value. */
  public enum Kind {
    /** {@code x = value} and {@code with value as x}. */
    ASSIGN,
    /** {@code x += value}. */
    AUGMENT,
    /** {@code for x in value}: x is an element of the value. */
    ELEMENT,
    /** {@code x: T} in a class body: the binding's value is the annotation T. */
    ANNOTATION
  }
}
