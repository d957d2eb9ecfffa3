package dev.blastradius.change;

/** The kinds of table constraints. */
public enum ConstraintKind {
  PRIMARY_KEY,
  UNIQUE,
  FOREIGN_KEY,
  CHECK,
  EXCLUDE,
  NOT_NULL
}
