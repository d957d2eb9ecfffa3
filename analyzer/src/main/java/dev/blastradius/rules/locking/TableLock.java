package dev.blastradius.rules.locking;

import dev.blastradius.schema.TableRef;

/**
 * A lock a statement takes on a table and what it does while holding it.
 *
 * @param work how long the lock is held: a catalog update, or a pass over the whole table
 */
record TableLock(TableRef table, LockMode mode, Work work) {

  /** What a statement does under its lock, from quickest to slowest. */
  enum Work {
    /** Changes the catalog only; quick once the lock is granted. */
    METADATA,
    /** Reads every row (validation). */
    SCAN,
    /** Builds an index over every row. */
    INDEX_BUILD,
    /** Writes a new copy of the table and its indexes. */
    REWRITE;

    /** True when the lock is held for as long as the table takes to read or write. */
    boolean isLong() {
      return this != METADATA;
    }

    /** "scans", "builds an index on", "rewrites", or "changes" (for metadata). */
    String verb() {
      return switch (this) {
        case METADATA -> "changes";
        case SCAN -> "scans";
        case INDEX_BUILD -> "builds an index on";
        case REWRITE -> "rewrites";
      };
    }
  }
}
