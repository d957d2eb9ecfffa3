package dev.blastradius.change;

import java.util.List;

/**
 * A migration file with the changes its statements make, in statement order.
 *
 * @param path report-relative path
 * @param version the tool's version key (Flyway {@code V<version>}), or the file name
 * @param changes every schema change, located at its statement
 */
public record Migration(String path, String version, List<LocatedChange> changes) {
  public Migration {
    changes = List.copyOf(changes);
  }
}
