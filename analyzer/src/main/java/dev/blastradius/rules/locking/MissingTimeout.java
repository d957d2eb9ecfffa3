package dev.blastradius.rules.locking;

import dev.blastradius.change.AddEnumValue;
import dev.blastradius.change.CreateFunction;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.CreateView;
import dev.blastradius.change.DropDatabase;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link MigrationRule}; see {@code rules/postgres-locking/missing-lock-timeout.md}, {@code
 * missing-statement-timeout.md} and {@code rules/mysql-locking/mysql-missing-lock-wait-timeout.md}.
 * Parameterised by {@code setting} (the session setting that bounds the wait) and {@code when}:
 * {@code blocking-lock} (a Postgres lock that blocks reads or writes), {@code long-under-lock}
 * (such a lock held while the table is scanned, rewritten or indexed) or {@code metadata-lock} (any
 * MySQL DDL on an existing table). Reports the first statement that needs the setting and runs
 * without it; a value of 0 means no timeout.
 */
public final class MissingTimeout extends LockingRule implements MigrationRule {

  private static final Set<String> PLACEHOLDERS = Set.of("lock", "table", "work", "blocked");

  /** A timeout of zero, in any unit, means no timeout. */
  private static final Pattern DISABLED = Pattern.compile("0+\\s*(us|ms|s|min|h|d)?");

  private final String setting;
  private final String when;

  public MissingTimeout(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.setting = param("setting");
    this.when = param("when");
    if (!Set.of("blocking-lock", "long-under-lock", "metadata-lock").contains(when)) {
      throw new IllegalStateException(metadata.id() + ": unknown params.when " + when);
    }
  }

  @Override
  public List<Finding> check(RuleContext context) {
    MigrationSession session = context.session();
    List<MigrationStatement> statements = context.migration().statements();
    Catalog.Builder replay = context.catalogBefore().toBuilder();
    for (int i = 0; i < statements.size(); i++) {
      MigrationStatement statement = statements.get(i);
      Catalog catalog = replay.build();
      statement.changes().forEach(c -> c.applyTo(replay));
      if (session.setting(i, setting).filter(v -> !DISABLED.matcher(v).matches()).isPresent()) {
        continue;
      }
      for (SchemaChange change : statement.changes()) {
        Optional<TableLock> lock = needing(change, context, catalog, session, i);
        if (lock.isPresent()) {
          TableLock held = lock.get();
          return List.of(
              finding(
                  statement,
                  held.table().displayName(),
                  Map.of(
                      "lock", held.mode().displayName(),
                      "table", held.table().displayName(),
                      "work", held.work().verb(),
                      "blocked", held.mode().blocked())));
        }
      }
    }
    return List.of();
  }

  /** The lock of {@code change} that needs the setting, if any. */
  private Optional<TableLock> needing(
      SchemaChange change,
      RuleContext context,
      Catalog catalog,
      MigrationSession session,
      int index) {
    if (when.equals("metadata-lock")) {
      boolean creates =
          change instanceof CreateTable
              || change instanceof CreateView
              || change instanceof CreateFunction
              || change instanceof AddEnumValue
              || change instanceof DropDatabase;
      if (creates || session.createdBefore(change.table(), index)) {
        return Optional.empty();
      }
      return Optional.of(
          new TableLock(change.table(), LockMode.ACCESS_EXCLUSIVE, TableLock.Work.METADATA));
    }
    return PostgresLocks.of(change, context.settings().pgMajor(), catalog).stream()
        .filter(l -> l.mode().blocksWrites())
        .filter(l -> when.equals("blocking-lock") || l.work().isLong())
        .filter(l -> !session.createdBefore(l.table(), index))
        .findFirst();
  }
}
