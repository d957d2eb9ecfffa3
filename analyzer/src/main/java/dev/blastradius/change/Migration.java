package dev.blastradius.change;

import java.util.List;

/**
 * A migration file with its statements in order.
 *
 * @param path report-relative path
 * @param tool the migration tool ({@code flyway}, {@code liquibase}, …; {@code sql} when unknown)
 * @param version the tool's version key (Flyway {@code V<version>}), or the file name
 * @param transactional whether the tool runs the file in a transaction of its own by default
 * @param statements every statement, in order
 */
public record Migration(
    String path,
    String tool,
    String version,
    boolean transactional,
    List<MigrationStatement> statements) {

  public Migration {
    statements = List.copyOf(statements);
  }

  /** Every schema change, located at its statement, in order. */
  public List<LocatedChange> changes() {
    return statements.stream().flatMap(s -> s.locatedChanges().stream()).toList();
  }
}
