package dev.blastradius.rules;

import java.util.Locale;

/** A finding's severity, declared from most to least severe. */
public enum Level {
  ERROR,
  WARNING,
  NOTE;

  /** The lower-case name used in YAML, JSON and SARIF. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this level is at least as severe as {@code threshold}. */
  public boolean atLeast(Level threshold) {
    return compareTo(threshold) <= 0;
  }

  /** Parses a YAML/CLI name; throws {@link IllegalArgumentException} naming the valid values. */
  public static Level fromName(String name) {
    for (Level level : values()) {
      if (level.jsonName().equals(name)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown level '" + name + "' (expected error, warning or note)");
  }
}
