package dev.blastradius.rules.locking;

import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/mysql-locking/mysql-index-without-online-options.md}.
 * Index builds (CREATE INDEX, ADD INDEX/KEY, ADD UNIQUE, ADD PRIMARY KEY) on existing tables must
 * say {@code ALGORITHM=INPLACE, LOCK=NONE}, so that MySQL refuses instead of quietly falling back
 * to a blocking lock or a table copy.
 */
public final class MysqlIndexBuild extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("index", "table", "missing");

  public MysqlIndexBuild(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    String index = indexBuilt(change.change());
    MigrationSession session = context.session();
    if (index == null || session.createdBefore(change.change().table(), session.indexOf(change))) {
      return List.of();
    }
    MysqlOptions options = MysqlOptions.of(change, context);
    if (options.onlineInPlace()) {
      return List.of();
    }
    String missing =
        options.algorithm().filter("inplace"::equals).isPresent()
            ? "LOCK=NONE"
            : options.lock().filter("none"::equals).isPresent()
                ? "ALGORITHM=INPLACE"
                : "ALGORITHM=INPLACE, LOCK=NONE";
    return List.of(
        finding(
            change,
            change.change().table().displayName() + "." + index,
            Map.of(
                "index", index,
                "table", change.change().table().displayName(),
                "missing", missing)));
  }

  /** The index a change builds, or null. */
  private static String indexBuilt(SchemaChange change) {
    if (change instanceof CreateIndex create) {
      return create.name() == null ? "(unnamed)" : create.name();
    }
    if (change instanceof AddConstraint constraint
        && (constraint.kind() == ConstraintKind.UNIQUE
            || constraint.kind() == ConstraintKind.PRIMARY_KEY)) {
      return constraint.name() != null
          ? constraint.name()
          : constraint.kind() == ConstraintKind.PRIMARY_KEY ? "PRIMARY" : "(unnamed)";
    }
    return null;
  }
}
