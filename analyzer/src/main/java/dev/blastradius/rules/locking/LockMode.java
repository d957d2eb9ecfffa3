package dev.blastradius.rules.locking;

import java.util.Locale;

/**
 * Postgres' table-level lock modes, weakest first, with the conflicts of the "Conflicting Lock
 * Modes" table of the Postgres documentation (Explicit Locking). Application reads take ACCESS
 * SHARE; INSERT, UPDATE and DELETE take ROW EXCLUSIVE.
 */
enum LockMode {
  ACCESS_SHARE,
  ROW_SHARE,
  ROW_EXCLUSIVE,
  SHARE_UPDATE_EXCLUSIVE,
  SHARE,
  SHARE_ROW_EXCLUSIVE,
  EXCLUSIVE,
  ACCESS_EXCLUSIVE;

  /** True when plain SELECTs (ACCESS SHARE) must wait for this lock: only ACCESS EXCLUSIVE. */
  boolean blocksReads() {
    return this == ACCESS_EXCLUSIVE;
  }

  /** True when INSERT, UPDATE and DELETE (ROW EXCLUSIVE) must wait for this lock. */
  boolean blocksWrites() {
    return compareTo(SHARE) >= 0;
  }

  /** What waits: "reads and writes" or "writes". */
  String blocked() {
    return blocksReads() ? "reads and writes" : blocksWrites() ? "writes" : "nothing";
  }

  /** The name as the documentation writes it: {@code ACCESS EXCLUSIVE}. */
  String displayName() {
    return name().replace('_', ' ');
  }

  /** The mode of {@code LOCK TABLE t IN <mode> MODE}, ACCESS EXCLUSIVE when none is given. */
  static LockMode ofLockStatement(String detail) {
    String text = detail.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    for (int i = values().length - 1; i >= 0; i--) {
      LockMode mode = values()[i];
      if (text.contains("IN " + mode.displayName() + " MODE")) {
        return mode;
      }
    }
    return ACCESS_EXCLUSIVE;
  }
}
