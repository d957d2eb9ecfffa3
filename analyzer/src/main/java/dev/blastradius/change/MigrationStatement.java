package dev.blastradius.change;

import dev.blastradius.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a migration, in order.
 *
 * @param text the statement as written, for fingerprints and messages
 * @param changes the schema changes it makes (empty for most non-DDL statements)
 * @param transactionCommand for TRANSACTION statements: BEGIN, COMMIT, ROLLBACK, SAVEPOINT, …
 * @param setting for SESSION statements: the setting it changes
 * @param rowUpdate for an UPDATE of one table, its shape
 */
public record MigrationStatement(
    Location location,
    String text,
    StatementKind kind,
    List<SchemaChange> changes,
    Optional<String> transactionCommand,
    Optional<SessionSetting> setting,
    Optional<RowUpdate> rowUpdate) {

  public MigrationStatement {
    changes = List.copyOf(changes);
  }

  /** A statement that is not an UPDATE (or whose shape we do not know). */
  public MigrationStatement(
      Location location,
      String text,
      StatementKind kind,
      List<SchemaChange> changes,
      Optional<String> transactionCommand,
      Optional<SessionSetting> setting) {
    this(location, text, kind, changes, transactionCommand, setting, Optional.empty());
  }

  /** This statement's changes, located here. */
  public List<LocatedChange> locatedChanges() {
    return changes.stream().map(c -> new LocatedChange(c, location, text)).toList();
  }
}
