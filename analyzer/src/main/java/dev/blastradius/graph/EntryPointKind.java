package dev.blastradius.graph;

import java.util.Locale;
import java.util.Optional;

/** Where execution of application code starts. */
public enum EntryPointKind {
  HTTP,
  WEBHOOK,
  CRON,
  WORKER,
  LISTENER,
  ADMIN,
  SCRIPT,
  MIGRATION,
  BROWSER,
  DASHBOARD,
  DOC,
  TEST,
  UNKNOWN;

  /** The lower-case name used in JSON and markers ({@code @cron}). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether accesses from this kind count towards the blast radius of a change. */
  public boolean countsTowardsBlastRadius() {
    return this != TEST && this != MIGRATION && this != DOC;
  }

  /** The kind with this JSON name. */
  public static Optional<EntryPointKind> fromJsonName(String name) {
    for (EntryPointKind kind : values()) {
      if (kind.jsonName().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
