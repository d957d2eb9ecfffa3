package dev.blastradius.rules.locking;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.DropColumn;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.RuleSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/mysql-locking/mysql-add-column-not-instant.md} and {@code
 * mysql-add-column-blocks-writes.md}. Parameterised by {@code hazard}: {@code blocks-writes} for
 * columns InnoDB can only add by blocking writes (STORED generated, AUTO_INCREMENT), {@code
 * not-instant} for columns added by rebuilding the table although INSTANT would be wanted. INSTANT
 * ADD COLUMN exists from MySQL 8.0.12, for the last column only until 8.0.29.
 */
public final class MysqlAddColumn extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("column", "table", "version", "reason", "consequence");

  private final boolean blocksWrites;

  public MysqlAddColumn(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    String hazard = param("hazard");
    if (!hazard.equals("blocks-writes") && !hazard.equals("not-instant")) {
      throw new IllegalStateException(metadata.id() + ": unknown params.hazard " + hazard);
    }
    this.blocksWrites = hazard.equals("blocks-writes");
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
    String expression = add.definition().defaultExpression();
    String blocking = blockingKind(expression);
    RuleSettings settings = context.settings();
    String reason;
    String consequence;
    if (blocksWrites) {
      if (blocking == null) {
        return List.of();
      }
      reason =
          "InnoDB adds " + blocking + " columns by rebuilding the table without concurrent DML";
      consequence = "writes to " + add.table().displayName() + " wait for the whole rebuild";
    } else {
      if (blocking != null) {
        return List.of(); // reported by the blocks-writes rule
      }
      MysqlOptions options = MysqlOptions.of(change, context);
      String notInstant = notInstantReason(add, change, context, settings);
      if (notInstant == null) {
        if (!options.algorithm().filter("inplace"::equals).isPresent()) {
          return List.of();
        }
        reason = "ALGORITHM=INPLACE asks for a rebuild";
        consequence =
            "drop the clause (or say ALGORITHM=INSTANT) and the column is added instantly";
      } else if (options.algorithm().filter("instant"::equals).isPresent()) {
        reason = notInstant;
        consequence = "ALGORITHM=INSTANT makes the statement fail";
      } else if (options.onlineInPlace()) {
        return List.of(); // an online rebuild, asked for explicitly
      } else {
        reason = notInstant;
        consequence =
            "MySQL rebuilds "
                + add.table().displayName()
                + " row by row and replicas lag behind it";
      }
    }
    return List.of(
        finding(
            change,
            add.column().displayName(),
            Map.of(
                "column", add.column().displayName(),
                "table", add.table().displayName(),
                "version", settings.mysqlVersion(),
                "reason", reason,
                "consequence", consequence)));
  }

  /** "STORED generated" or "AUTO_INCREMENT" for columns that block writes, else null. */
  private static String blockingKind(String expression) {
    if (expression == null) {
      return null;
    }
    if (expression.equals("auto_increment")) {
      return "AUTO_INCREMENT";
    }
    return expression.startsWith("generated ") && expression.contains("stored")
        ? "STORED generated"
        : null;
  }

  /** Why the column cannot be added instantly on this version, or null when it can. */
  private static String notInstantReason(
      AddColumn add, LocatedChange change, RuleContext context, RuleSettings settings) {
    if (!settings.mysqlAtLeast(8, 0, 12)) {
      return "INSTANT ADD COLUMN needs MySQL 8.0.12";
    }
    if (add.position() != null && !settings.mysqlAtLeast(8, 0, 29)) {
      String position =
          add.position().startsWith("after ")
              ? "AFTER " + add.position().substring("after ".length())
              : "FIRST";
      return "before MySQL 8.0.29 only the last column can be added instantly, and this one goes "
          + position;
    }
    boolean dropIsInstant = settings.mysqlAtLeast(8, 0, 29);
    for (SchemaChange sibling : context.statementOf(change).orElseThrow().changes()) {
      boolean rebuilds =
          sibling instanceof CreateIndex
              || sibling instanceof AddConstraint
              || sibling instanceof AlterColumnType
              || sibling instanceof AlterColumnNullability
              || (sibling instanceof DropColumn && !dropIsInstant);
      if (rebuilds) {
        return "the same ALTER also does something that cannot be INSTANT ("
            + sibling.describe()
            + ")";
      }
    }
    return null;
  }
}
