package dev.blastradius.graph;

import java.util.Locale;

/** What an access does to a column. */
public enum AccessKind {
  READ,
  WRITE,
  DDL;

  /** The lower-case name used in JSON, markers and messages. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The past participle used in labels: read, written, changed by DDL. */
  public String pastTense() {
    return switch (this) {
      case READ -> "read";
      case WRITE -> "written";
      case DDL -> "changed";
    };
  }
}
