package dev.blastradius.rules;

import dev.blastradius.change.AddEnumValue;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.DropDatabase;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.Reindex;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.schema.SqlDialect;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the migration tool runs a file inside a transaction of its own. {@code
 * --[no-]assume-in-transaction} decides when given; otherwise the tool's default, refined by
 * Flyway's documented behaviour on Postgres: a script that contains a statement Postgres cannot run
 * in a transaction block is run without one.
 */
final class ToolTransactions {

  /** Statements without a schema change that Flyway recognises as non-transactional. */
  private static final Pattern FLYWAY_TEXT =
      Pattern.compile(
          "^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION) .*|^ALTER SYSTEM .*|^DISCARD ALL.*");

  private static final Set<String> REINDEX_WIDE = Set.of("schema", "database", "system");

  private ToolTransactions() {}

  /** True when the whole migration runs inside the tool's transaction. */
  static boolean wrapsInTransaction(RuleContext context) {
    if (context.settings().assumeInTransaction().isPresent()) {
      return context.settings().assumeInTransaction().get();
    }
    Migration migration = context.migration();
    if (!migration.transactional()) {
      return false;
    }
    if (migration.tool().equals("flyway") && context.settings().dialect() == SqlDialect.POSTGRES) {
      int pg = context.settings().pgMajor();
      return migration.statements().stream().noneMatch(s -> flywayNonTransactional(s, pg));
    }
    return true;
  }

  /** Flyway's PostgreSQL parser marks these statements as unable to run in a transaction. */
  private static boolean flywayNonTransactional(MigrationStatement statement, int pgMajor) {
    for (SchemaChange change : statement.changes()) {
      boolean non =
          (change instanceof CreateIndex index && index.concurrently())
              || (change instanceof DropIndex drop && drop.concurrently())
              || (change instanceof Reindex reindex && REINDEX_WIDE.contains(reindex.target()))
              || (change instanceof TableOperation op
                  && (op.kind() == TableOperation.Kind.VACUUM
                      || op.kind() == TableOperation.Kind.VACUUM_FULL))
              || (change instanceof AddEnumValue && pgMajor < 12)
              || change instanceof DropDatabase;
      if (non) {
        return true;
      }
    }
    String text = statement.text().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    return FLYWAY_TEXT.matcher(text).matches();
  }
}
