package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.CreateTable;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.RowUpdate;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backfill rules: an {@code UPDATE} of a table that existed before the release, in a proposed
 * migration, judged by its shape ({@link RowUpdate}). {@code params.shape} picks the rule:
 *
 * <ul>
 *   <li>{@code unbatched} ({@code backfill-unbatched}): nothing limits one run to a slice of the
 *       table (no key range, {@code LIMIT} or limited subquery);
 *   <li>{@code not-idempotent} ({@code backfill-not-idempotent}): the {@code WHERE} clause does not
 *       look at any column it sets, or an assignment appends to the current value;
 *   <li>{@code ddl-in-transaction} ({@code backfill-with-ddl-in-one-transaction}): the update runs
 *       in one transaction with DDL on the same table.
 * </ul>
 *
 * Updates of tables created in the same release fill rows nobody else sees yet and are skipped.
 */
public final class BackfillShape extends ExpandContractRule implements MigrationRule {

  private static final Set<String> SHAPES =
      Set.of("unbatched", "not-idempotent", "ddl-in-transaction");
  private static final Set<String> PLACEHOLDERS =
      Set.of("table", "columns", "why", "ddl", "ddlLine");

  private final String shape;

  public BackfillShape(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    Object param = metadata().params().get("shape");
    if (!(param instanceof String s) || !SHAPES.contains(s)) {
      throw new IllegalStateException(metadata().id() + ": params.shape is one of " + SHAPES);
    }
    this.shape = (String) param;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Set<TableRef> createdEarlier = new java.util.HashSet<>();
    for (Migration earlier : context.earlierProposed()) {
      earlier.changes().stream()
          .map(c -> c.change())
          .filter(CreateTable.class::isInstance)
          .forEach(c -> createdEarlier.add(c.table()));
    }
    List<MigrationStatement> statements = context.migration().statements();
    MigrationSession session = context.session();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      MigrationStatement statement = statements.get(i);
      if (statement.rowUpdate().isEmpty()) {
        continue;
      }
      RowUpdate update = statement.rowUpdate().get();
      if (update.sets().isEmpty()
          || createdEarlier.contains(update.table())
          || session.createdBefore(update.table(), i)) {
        continue;
      }
      Map<String, String> values = new HashMap<>();
      values.put("table", update.table().displayName());
      values.put("columns", String.join(", ", update.setColumns()));
      boolean fires =
          switch (shape) {
            case "unbatched" -> !update.bounded();
            case "not-idempotent" -> notIdempotent(update, values);
            default -> ddlAlongside(statements, session, i, update.table(), values);
          };
      if (fires) {
        values.putIfAbsent("why", "");
        values.putIfAbsent("ddl", "");
        values.putIfAbsent("ddlLine", "");
        findings.add(
            finding(
                statement.location(),
                update.table().displayName(),
                statement.text(),
                values,
                List.of()));
      }
    }
    return findings;
  }

  private static boolean notIdempotent(RowUpdate update, Map<String, String> values) {
    List<String> appending =
        update.sets().stream().filter(RowUpdate.Assignment::appends).map(a -> a.column()).toList();
    if (!appending.isEmpty()) {
      values.put(
          "why",
          "it adds to the current value of "
              + String.join(", ", appending)
              + ", so every re-run adds it again");
      return true;
    }
    if (!update.guarded()) {
      values.put(
          "why",
          (update.filtered() ? "its WHERE clause does not look at " : "it has no WHERE clause on ")
              + String.join(", ", update.setColumns())
              + ", so a re-run after a failure rewrites every row already done and overwrites"
              + " what the application wrote since");
      return true;
    }
    return false;
  }

  /**
   * Whether a DDL statement on {@code table} runs in the same transaction as statement {@code i}.
   */
  private static boolean ddlAlongside(
      List<MigrationStatement> statements,
      MigrationSession session,
      int i,
      TableRef table,
      Map<String, String> values) {
    if (!session.inTransaction(i)) {
      return false;
    }
    for (int j = 0; j < statements.size(); j++) {
      if (j == i || !session.sameTransaction(i, j)) {
        continue;
      }
      for (SchemaChange change : statements.get(j).changes()) {
        if (table.equals(change.table())) {
          values.put("ddl", change.describe());
          values.put("ddlLine", String.valueOf(statements.get(j).location().startLine()));
          return true;
        }
      }
    }
    return false;
  }
}
