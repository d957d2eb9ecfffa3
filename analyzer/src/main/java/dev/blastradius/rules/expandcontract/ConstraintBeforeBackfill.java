package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code constraint-before-backfill}: a {@code NOT NULL}, {@code UNIQUE}, {@code CHECK}, primary or
 * foreign key constraint (or a unique index) on a column that the same release adds or backfills.
 * The constraint has to wait until the data is in place and every writer fills the column: until
 * then old instances write rows the constraint rejects, and a batched backfill still running leaves
 * rows that fail it. A constraint declared in the statement that adds the column is not judged here
 * (nothing is in the column yet; a required new column is {@code not-null-vs-writers}).
 */
public final class ConstraintBeforeBackfill extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("constraint", "column", "filled", "fillPath", "fillLine");

  public ConstraintBeforeBackfill(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    Optional<String> constraint = constraint(change.change());
    if (constraint.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (ColumnRef column : change.change().columns()) {
      Optional<Fill> fill = fill(column, change, context);
      if (fill.isEmpty()) {
        continue;
      }
      Fill f = fill.get();
      findings.add(
          finding(
              change.location(),
              column.displayName(),
              change.statement(),
              Map.of(
                  "constraint", constraint.get(),
                  "column", column.displayName(),
                  "filled", f.what(),
                  "fillPath", f.location().path(),
                  "fillLine", String.valueOf(f.location().startLine())),
              List.of(
                  new RelatedLocation(
                      f.location(), column.displayName() + " " + f.what() + " here"))));
    }
    return findings;
  }

  /** How the constraint is named in the message, for changes that add one. */
  private static Optional<String> constraint(SchemaChange change) {
    if (change instanceof AlterColumnNullability nullability && nullability.notNull()) {
      return Optional.of("NOT NULL");
    }
    if (change instanceof AddConstraint add && add.kind() != ConstraintKind.EXCLUDE) {
      return Optional.of(
          switch (add.kind()) {
            case PRIMARY_KEY -> "a PRIMARY KEY";
            case UNIQUE -> "a UNIQUE constraint";
            case FOREIGN_KEY -> "a FOREIGN KEY";
            case CHECK -> "a CHECK constraint";
            default -> "NOT NULL";
          });
    }
    if (change instanceof CreateIndex index && index.unique()) {
      return Optional.of("a unique index");
    }
    return Optional.empty();
  }

  /** Where the release adds or backfills a column. */
  private record Fill(String what, Location location) {}

  /** The first place this release, before {@code change}, adds or backfills {@code column}. */
  private static Optional<Fill> fill(ColumnRef column, LocatedChange change, RuleContext context) {
    List<MigrationStatement> statements = new ArrayList<>();
    for (Migration earlier : context.earlierProposed()) {
      statements.addAll(earlier.statements());
    }
    for (MigrationStatement statement : context.migration().statements()) {
      if (statement.location().equals(change.location())) {
        break;
      }
      statements.add(statement);
    }
    for (MigrationStatement statement : statements) {
      for (SchemaChange earlier : statement.changes()) {
        if (earlier instanceof AddColumn add && add.column().equals(column)) {
          return Optional.of(new Fill("is added", statement.location()));
        }
      }
      if (statement.rowUpdate().isPresent()
          && statement.rowUpdate().get().table().equals(column.tableRef())
          && statement.rowUpdate().get().setColumns().contains(column.column())) {
        return Optional.of(new Fill("is backfilled", statement.location()));
      }
    }
    return Optional.empty();
  }
}
