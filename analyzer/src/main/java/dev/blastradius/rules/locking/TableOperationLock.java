package dev.blastradius.rules.locking;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/vacuum-full.md} and its siblings.
 * Parameterised by {@code kinds} (the {@link TableOperation.Kind}s, lower case) and, optionally,
 * {@code detail}: {@code cascade} to report only operations whose detail says so, {@code
 * not-cascade} for the others. Operations on tables the proposal creates, and LOCK TABLE modes that
 * block neither reads nor writes, are fine.
 */
public final class TableOperationLock extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("table", "lock", "blocked", "operation");

  private final Set<TableOperation.Kind> kinds;
  private final String detail;

  public TableOperationLock(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.kinds =
        listParam("kinds").stream()
            .map(k -> TableOperation.Kind.valueOf(k.toUpperCase(Locale.ROOT).replace('-', '_')))
            .collect(Collectors.toUnmodifiableSet());
    if (kinds.isEmpty()) {
      throw new IllegalStateException(metadata.id() + ": params.kinds must not be empty");
    }
    Object value = metadata.params().get("detail");
    this.detail = value == null ? "" : String.valueOf(value);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return TableOperation.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    TableOperation operation = (TableOperation) change.change();
    if (!kinds.contains(operation.kind()) || !detailMatches(operation)) {
      return List.of();
    }
    MigrationSession session = context.session();
    if (session.createdBefore(operation.table(), session.indexOf(change))) {
      return List.of();
    }
    Optional<TableLock> blocking =
        PostgresLocks.of(operation, context.settings().pgMajor(), context.catalogBefore()).stream()
            .filter(l -> l.mode().blocksWrites())
            .findFirst();
    if (blocking.isEmpty()) {
      return List.of();
    }
    TableLock lock = blocking.get();
    return List.of(
        finding(
            change,
            operation.table().displayName(),
            Map.of(
                "table", operation.table().displayName(),
                "lock", lock.mode().displayName(),
                "blocked", lock.mode().blocked(),
                "operation", operation.kind().name().replace('_', ' '))));
  }

  private boolean detailMatches(TableOperation operation) {
    boolean cascade = operation.detail().contains("cascade");
    return switch (detail) {
      case "cascade" -> cascade;
      case "not-cascade" -> !cascade;
      default -> true;
    };
  }
}
