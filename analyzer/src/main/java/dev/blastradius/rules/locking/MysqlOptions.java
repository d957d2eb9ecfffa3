package dev.blastradius.rules.locking;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.rules.RuleContext;
import java.util.Optional;

/**
 * The {@code ALGORITHM=} and {@code LOCK=} clauses of the MySQL statement that makes a change; the
 * DDL reader keeps them as {@code OTHER_ALTER} operations next to the statement's other changes.
 *
 * @param algorithm {@code instant}, {@code inplace}, {@code copy} or {@code default}; empty when
 *     the statement does not say
 * @param lock {@code none}, {@code shared}, {@code exclusive} or {@code default}; empty when absent
 */
record MysqlOptions(Optional<String> algorithm, Optional<String> lock) {

  /** The clauses of the statement that makes {@code change}. */
  static MysqlOptions of(LocatedChange change, RuleContext context) {
    return context.statementOf(change).map(MysqlOptions::of).orElse(none());
  }

  /** The clauses of {@code statement}. */
  static MysqlOptions of(MigrationStatement statement) {
    Optional<String> algorithm = Optional.empty();
    Optional<String> lock = Optional.empty();
    for (SchemaChange change : statement.changes()) {
      if (change instanceof TableOperation op && op.kind() == TableOperation.Kind.OTHER_ALTER) {
        if (op.detail().startsWith("algorithm=")) {
          algorithm = Optional.of(op.detail().substring("algorithm=".length()));
        } else if (op.detail().startsWith("lock=")) {
          lock = Optional.of(op.detail().substring("lock=".length()));
        }
      }
    }
    return new MysqlOptions(algorithm, lock);
  }

  private static MysqlOptions none() {
    return new MysqlOptions(Optional.empty(), Optional.empty());
  }

  /** True for {@code ALGORITHM=INPLACE, LOCK=NONE}: MySQL fails rather than block or copy. */
  boolean onlineInPlace() {
    return algorithm.filter("inplace"::equals).isPresent()
        && lock.filter("none"::equals).isPresent();
  }

  /** True when the statement is an ALGORITHM/LOCK clause, not a change of its own. */
  static boolean isOption(SchemaChange change) {
    return change instanceof TableOperation op
        && op.kind() == TableOperation.Kind.OTHER_ALTER
        && (op.detail().startsWith("algorithm=") || op.detail().startsWith("lock="));
  }
}
