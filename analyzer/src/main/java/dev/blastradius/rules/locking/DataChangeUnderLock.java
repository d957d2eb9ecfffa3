package dev.blastradius.rules.locking;

import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.StatementKind;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link MigrationRule}; see {@code rules/postgres-locking/mixed-ddl-and-data-change.md}. A data
 * change (INSERT, UPDATE, DELETE, MERGE, COPY FROM) that runs in the same transaction after DDL
 * which took a lock blocking reads or writes of an existing table keeps that lock for as long as
 * the data change runs. One finding per data change, naming the first such lock.
 */
public final class DataChangeUnderLock extends LockingRule implements MigrationRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("statement", "ddlLine", "lock", "table", "blocked");

  public DataChangeUnderLock(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public List<Finding> check(RuleContext context) {
    MigrationSession session = context.session();
    List<MigrationStatement> statements = context.migration().statements();
    int pg = context.settings().pgMajor();
    List<HeldLock> held = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Catalog.Builder replay = context.catalogBefore().toBuilder();
    for (int i = 0; i < statements.size(); i++) {
      MigrationStatement statement = statements.get(i);
      Catalog catalog = replay.build();
      statement.changes().forEach(c -> c.applyTo(replay));
      int current = i;
      if (isDataChange(statement) && session.inTransaction(i)) {
        Optional<HeldLock> blocking =
            held.stream().filter(h -> session.sameTransaction(h.index(), current)).findFirst();
        blocking.ifPresent(h -> findings.add(finding(statements, statement, h)));
      }
      for (SchemaChange change : statement.changes()) {
        for (TableLock lock : PostgresLocks.of(change, pg, catalog)) {
          if (lock.mode().blocksWrites() && !session.createdBefore(lock.table(), i)) {
            held.add(new HeldLock(i, lock));
          }
        }
      }
    }
    return findings;
  }

  /** A lock taken by statement {@code index}, held until its transaction ends. */
  private record HeldLock(int index, TableLock lock) {}

  private Finding finding(List<MigrationStatement> statements, MigrationStatement dml, HeldLock h) {
    String verb = dml.text().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    return finding(
        dml,
        h.lock().table().displayName(),
        Map.of(
            "statement", verb,
            "ddlLine", String.valueOf(statements.get(h.index()).location().startLine()),
            "lock", h.lock().mode().displayName(),
            "table", h.lock().table().displayName(),
            "blocked", h.lock().mode().blocked()));
  }

  /** INSERT, UPDATE, DELETE, MERGE, COPY FROM: statements that change rows, not the schema. */
  private static boolean isDataChange(MigrationStatement statement) {
    return statement.kind() == StatementKind.DATA_CHANGE && statement.changes().isEmpty();
  }
}
