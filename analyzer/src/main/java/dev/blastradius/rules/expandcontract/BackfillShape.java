package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.RowUpdate;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ColumnPair;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 *
 * <p>The first two shapes also judge backfill code: see {@link #codeBackfills}.
 */
public final class BackfillShape extends ExpandContractRule implements MigrationRule {

  private static final Set<String> SHAPES =
      Set.of("unbatched", "not-idempotent", "ddl-in-transaction");
  private static final Set<String> PLACEHOLDERS =
      Set.of("table", "columns", "why", "ddl", "ddlLine", "runBy");

  /** The entry points that run backfill jobs. */
  private static final Set<EntryPointKind> JOBS =
      EnumSet.of(EntryPointKind.SCRIPT, EntryPointKind.WORKER, EntryPointKind.CRON);

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
    Set<TableRef> createdEarlier = new HashSet<>();
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
        values.put("runBy", "");
        findings.add(
            finding(
                statement.location(),
                update.table().displayName(),
                statement.text(),
                values,
                List.of()));
      }
    }
    if (!shape.equals("ddl-in-transaction")) {
      findings.addAll(codeBackfills(context));
    }
    return findings;
  }

  /**
   * The backfill jobs of this migration's new columns: UPDATEs in code that a script, worker or
   * cron job runs and that set a column the migration adds; the first migration also takes the
   * replacement columns of declared {@code pairs}. A job that updates one row per statement ({@code
   * WHERE id = ?}) is a loop over rows some other query picked, so only an appending assignment
   * makes it unsafe to re-run.
   */
  private List<Finding> codeBackfills(RuleContext context) {
    Map<ColumnRef, Location> targets = new LinkedHashMap<>();
    if (context.earlierProposed().isEmpty()) {
      for (ColumnPair pair : context.settings().pairs()) {
        pair.replacements().forEach(r -> targets.putIfAbsent(r, pair.declared()));
      }
    }
    Set<ColumnRef> paired = Set.copyOf(targets.keySet());
    for (var change : context.migration().changes()) {
      if (change.change() instanceof AddColumn add && !paired.contains(add.column())) {
        targets.putIfAbsent(add.column(), change.location());
      }
    }
    Set<String> migrationPaths = new HashSet<>();
    migrationPaths.add(context.migration().path());
    context.earlierProposed().forEach(m -> migrationPaths.add(m.path()));
    Map<Location, List<Access>> sites = new TreeMap<>();
    for (ColumnRef column : targets.keySet()) {
      for (Access access : context.graph().accessesOf(column)) {
        if (access.kind() == AccessKind.WRITE
            && !migrationPaths.contains(access.location().path())
            && access.entryPoints().stream().anyMatch(e -> JOBS.contains(e.kind()))) {
          sites.computeIfAbsent(access.location(), k -> new ArrayList<>()).add(access);
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    sites.forEach(
        (site, writes) -> {
          Access write = writes.get(0);
          for (RowUpdate update : context.graph().updatesAt(site)) {
            if (!update.table().equals(write.column().tableRef())
                || writes.stream()
                    .noneMatch(w -> update.setColumns().contains(w.column().column()))) {
              continue;
            }
            Map<String, String> values = new HashMap<>();
            values.put("table", update.table().displayName());
            values.put("columns", String.join(", ", update.setColumns()));
            values.put("ddl", "");
            values.put("ddlLine", "");
            boolean fires =
                shape.equals("unbatched")
                    ? !update.bounded()
                    : (update.appends() || !update.byKey()) && notIdempotent(update, values);
            if (!fires) {
              continue;
            }
            values.putIfAbsent("why", "");
            List<EntryPoint> jobs =
                write.entryPoints().stream().filter(e -> JOBS.contains(e.kind())).toList();
            values.put("runBy", " (run by " + AccessLabels.listed(jobs) + ")");
            // The message names the jobs; the related site is where the column comes from.
            List<RelatedLocation> related =
                List.of(
                    new RelatedLocation(
                        targets.get(write.column()),
                        write.column().displayName() + " is backfilled for this change"));
            findings.add(
                finding(site, update.table().displayName(), write.snippet(), values, related));
          }
        });
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
