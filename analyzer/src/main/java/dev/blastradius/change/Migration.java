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
 * @param sqlite the migration runs on SQLite or libSQL, whatever the run's dialect: the locking
 *     rules of Postgres and MySQL do not apply to it
 */
public record Migration(
    String path,
    String tool,
    String version,
    boolean transactional,
    List<MigrationStatement> statements,
    boolean sqlite) {

  public Migration {
    statements = List.copyOf(statements);
  }

  /** A migration for the run's dialect. */
  public Migration(
      String path,
      String tool,
      String version,
      boolean transactional,
      List<MigrationStatement> statements) {
    this(path, tool, version, transactional, statements, false);
  }

  /** Every schema change, located at its statement, in order. */
  public List<LocatedChange> changes() {
    return statements.stream().flatMap(s -> s.locatedChanges().stream()).toList();
  }
}
