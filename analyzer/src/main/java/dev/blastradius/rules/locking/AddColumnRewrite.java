package dev.blastradius.rules.locking;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.locking.PostgresLocks.RewriteCause;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/add-column-volatile-default.md} and its
 * siblings. Parameterised by {@code hazard}: {@code volatile-default}, {@code auto-increment},
 * {@code stored-generated} (the column rewrites the table) or {@code not-null-without-default} (the
 * column cannot be filled for existing rows). Columns of tables the proposal creates are fine.
 */
public final class AddColumnRewrite extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "table", "default", "why");

  /** The hazard that is no rewrite: a NOT NULL column without a value for existing rows. */
  private static final String NOT_NULL = "not-null-without-default";

  private final String hazard;

  public AddColumnRewrite(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.hazard = param("hazard");
    if (!Set.of("volatile-default", "auto-increment", "stored-generated", NOT_NULL)
        .contains(hazard)) {
      throw new IllegalStateException(metadata.id() + ": unknown params.hazard " + hazard);
    }
  }

  /**
   * The NOT NULL hazard is no lock: SQLite refuses {@code ADD COLUMN … NOT NULL} without a non-null
   * default outright, even on an empty table, so that one also judges SQLite migrations.
   */
  @Override
  public boolean appliesTo(Migration migration) {
    return hazard.equals(NOT_NULL) || super.appliesTo(migration);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AddColumn.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AddColumn add = (AddColumn) change.change();
    MigrationSession session = context.session();
    if (session.createdBefore(add.table(), session.indexOf(change))) {
      return List.of();
    }
    int pg = context.settings().pgMajor();
    String why =
        context.migration().sqlite()
            ? sqliteWhy(add)
            : why(add, PostgresLocks.rewriteCause(add, pg), pg);
    if (why == null) {
      return List.of();
    }
    String expression = add.definition().defaultExpression();
    return List.of(
        finding(
            change,
            add.column().displayName(),
            Map.of(
                "column",
                add.column().displayName(),
                "table",
                add.table().displayName(),
                "default",
                expression == null ? "" : expression,
                "why",
                why)));
  }

  /** Why the hazard applies to a SQLite migration (only the NOT NULL one does), or null. */
  private String sqliteWhy(AddColumn add) {
    return hazard.equals(NOT_NULL) && withoutValue(add)
        ? "SQLite refuses the ALTER TABLE itself, even on an empty table"
        : null;
  }

  /** Whether the column is NOT NULL with no default to give the rows already there. */
  private static boolean withoutValue(AddColumn add) {
    return add.definition().notNull() && add.definition().defaultExpression() == null;
  }

  /** Why this rule's hazard applies, or null when it does not. */
  private String why(AddColumn add, Optional<RewriteCause> cause, int pg) {
    String expression = add.definition().defaultExpression();
    switch (hazard) {
      case "volatile-default":
        if (cause.equals(Optional.of(RewriteCause.VOLATILE_DEFAULT))) {
          return PostgresTypes.volatileFunction(expression)
              + "() is volatile, so Postgres evaluates it once per existing row";
        }
        if (cause.equals(Optional.of(RewriteCause.DEFAULT_BEFORE_11))) {
          return "before Postgres 11 every default is written into every existing row (this is "
              + pg
              + ")";
        }
        return null;
      case "auto-increment":
        return cause.equals(Optional.of(RewriteCause.AUTO_INCREMENT))
            ? "every existing row gets its own sequence value"
            : null;
      case "stored-generated":
        return cause.equals(Optional.of(RewriteCause.STORED_GENERATED))
            ? "a STORED generated column is computed and written for every existing row"
            : null;
      default:
        return withoutValue(add) && cause.isEmpty()
            ? "existing rows would have no value for it"
            : null;
    }
  }
}
