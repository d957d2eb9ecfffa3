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
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/mysql-locking/mysql-algorithm-copy.md} and {@code
 * mysql-lock-shared-or-exclusive.md}. Parameterised by {@code option} ({@code algorithm} or {@code
 * lock}) and {@code values}: the clause values that block writes.
 */
public final class MysqlExplicitOption extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("table", "value", "blocked");

  private final String option;
  private final List<String> values;

  public MysqlExplicitOption(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.option = param("option");
    this.values = listParam("values");
    if (values.isEmpty()) {
      throw new IllegalStateException(metadata.id() + ": params.values must not be empty");
    }
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return TableOperation.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    TableOperation operation = (TableOperation) change.change();
    String prefix = option + "=";
    if (!MysqlOptions.isOption(operation) || !operation.detail().startsWith(prefix)) {
      return List.of();
    }
    String value = operation.detail().substring(prefix.length());
    MigrationSession session = context.session();
    if (!values.contains(value)
        || session.createdBefore(operation.table(), session.indexOf(change))) {
      return List.of();
    }
    return List.of(
        finding(
            change,
            operation.table().displayName() + "." + operation.detail(),
            Map.of(
                "table", operation.table().displayName(),
                "value", value.toUpperCase(Locale.ROOT),
                "blocked", value.equals("exclusive") ? "reads and writes" : "writes")));
  }
}
