package dev.blastradius.rules.locking;

import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
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
 * A {@link ChangeRule}; see {@code rules/mysql-locking/mysql-add-foreign-key-copies-table.md}.
 * InnoDB adds a foreign key in place only while {@code foreign_key_checks} is off; with it on (the
 * default) the table is copied. The session setting in force at the statement decides.
 */
public final class MysqlForeignKeyChecks extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("constraint", "table", "referenced");

  private static final Set<String> OFF = Set.of("0", "off", "false");

  public MysqlForeignKeyChecks(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AddConstraint.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AddConstraint constraint = (AddConstraint) change.change();
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    if (constraint.kind() != ConstraintKind.FOREIGN_KEY
        || session.createdBefore(constraint.table(), index)) {
      return List.of();
    }
    boolean checksOff =
        session
            .setting(index, "foreign_key_checks")
            .map(v -> v.split(",")[0].strip().toLowerCase(Locale.ROOT))
            .filter(OFF::contains)
            .isPresent();
    if (checksOff) {
      return List.of();
    }
    String name = constraint.name() == null ? "(unnamed)" : constraint.name();
    return List.of(
        finding(
            change,
            constraint.table().displayName() + "." + name,
            Map.of(
                "constraint",
                name,
                "table",
                constraint.table().displayName(),
                "referenced",
                constraint.referencedTable() == null
                    ? "?"
                    : constraint.referencedTable().displayName())));
  }
}
