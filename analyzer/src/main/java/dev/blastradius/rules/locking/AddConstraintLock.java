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
 * A {@link ChangeRule}; see {@code
 * rules/postgres-locking/add-check-constraint-without-not-valid.md} and its siblings. Parameterised
 * by {@code kind} (a {@link ConstraintKind} in lower case): CHECK and FOREIGN KEY constraints are
 * fine with {@code NOT VALID}, UNIQUE and PRIMARY KEY with {@code USING INDEX}; EXCLUDE has no safe
 * form. Constraints on tables the proposal creates are fine.
 */
public final class AddConstraintLock extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("constraint", "table", "columns", "referenced");

  private final ConstraintKind kind;

  public AddConstraintLock(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.kind = ConstraintKind.valueOf(param("kind").toUpperCase(Locale.ROOT));
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AddConstraint.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AddConstraint constraint = (AddConstraint) change.change();
    MigrationSession session = context.session();
    if (constraint.kind() != kind
        || session.createdBefore(constraint.table(), session.indexOf(change))
        || safe(constraint)) {
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
                "columns",
                String.join(", ", constraint.columnNames()),
                "referenced",
                constraint.referencedTable() == null
                    ? ""
                    : constraint.referencedTable().displayName())));
  }

  /** The forms that take no long lock. */
  private static boolean safe(AddConstraint constraint) {
    return switch (constraint.kind()) {
      case CHECK, FOREIGN_KEY -> constraint.notValid();
      case UNIQUE, PRIMARY_KEY -> constraint.usingIndex() != null;
      default -> false;
    };
  }
}
