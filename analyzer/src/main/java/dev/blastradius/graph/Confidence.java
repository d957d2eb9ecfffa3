package dev.blastradius.graph;

import java.util.Locale;

/** How sure we are that the access happens as recorded. Declared from most to least sure. */
public enum Confidence {
  /** The column is named at the site. */
  CERTAIN,
  /** Implicit through {@code *}, a full entity or model, or resolved by name only. */
  LIKELY,
  /** Dynamic SQL or concatenation we could only partly evaluate. */
  POSSIBLE;

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The less sure of two confidences. */
  public Confidence weakest(Confidence other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** The surer of two confidences. */
  public Confidence strongest(Confidence other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
