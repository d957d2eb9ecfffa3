package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AlterColumnDefault;
import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.Via;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code not-null-vs-writers}: after the change, a row inserted without a value for the column
 * fails — {@code SET NOT NULL} on a column without a default, a new {@code NOT NULL} column without
 * a default, or {@code DROP DEFAULT} on a {@code NOT NULL} column — while live code inserts rows of
 * the table without supplying the column. A writer that supplies it (named in the INSERT, a
 * positional INSERT of every column, an ORM entity that maps it) is fine; so is a table whose
 * trigger writes the column (it may fill it in).
 */
public final class NotNullVsWriters extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "what", "writers", "reach");

  public NotNullVsWriters(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    Optional<Subject> subject = subject(change.change(), context.catalogAt(change));
    if (subject.isEmpty()) {
      return List.of();
    }
    ColumnRef column = subject.get().column();
    List<Access> tableWrites =
        context.graph().accesses().stream()
            .filter(a -> a.kind() == AccessKind.WRITE)
            .filter(a -> a.column().tableRef().equals(column.tableRef()))
            .toList();
    boolean triggerFills =
        context.catalogBefore().triggers().stream()
                .anyMatch(t -> t.table().equals(column.tableRef()))
            && tableWrites.stream()
                .anyMatch(a -> a.via() == Via.PLPGSQL && a.column().equals(column));
    if (triggerFills) {
      return List.of();
    }
    // Insert sites of the table, with the columns each supplies.
    Map<Location, List<Access>> inserts = new TreeMap<>();
    tableWrites.stream()
        .filter(Access::inserts)
        .filter(Access::isLiveCodeAccess)
        .forEach(a -> inserts.computeIfAbsent(a.location(), k -> new ArrayList<>()).add(a));
    List<Access> omitting = new ArrayList<>();
    List<RelatedLocation> related = new ArrayList<>();
    inserts.forEach(
        (location, supplied) -> {
          if (supplied.stream().noneMatch(a -> a.column().equals(column))) {
            Access first = supplied.get(0);
            omitting.add(first);
            List<EntryPoint> entryPoints =
                supplied.stream()
                    .flatMap(a -> a.entryPoints().stream())
                    .distinct()
                    .sorted()
                    .toList();
            related.add(
                new RelatedLocation(
                    location,
                    "inserts "
                        + column.tableRef().displayName()
                        + " rows without "
                        + column.column()
                        + " "
                        + AccessLabels.reachedFrom(entryPoints)));
          }
        });
    if (omitting.isEmpty()) {
      return List.of();
    }
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "column", column.displayName(),
                "what", subject.get().what().replace("{col}", column.displayName()),
                "writers", AccessLabels.count(omitting.size(), "writer", "writers"),
                "reach", AccessLabels.reach(omitting)));
    return List.of(
        finding(change.location(), column.displayName(), change.statement(), message, related));
  }

  /** The column a change makes required, and how the message says it. */
  private record Subject(ColumnRef column, String what) {}

  private static Optional<Subject> subject(SchemaChange change, Catalog before) {
    if (change instanceof AlterColumnNullability nullability && nullability.notNull()) {
      Optional<Catalog.Column> existing =
          before.table(nullability.table()).flatMap(t -> t.column(nullability.column()));
      if (existing.isPresent() && existing.get().defaultExpression() != null) {
        return Optional.empty();
      }
      return Optional.of(
          new Subject(nullability.table().column(nullability.column()), "Making {col} NOT NULL"));
    }
    if (change instanceof AddColumn add
        && add.definition().notNull()
        && add.definition().defaultExpression() == null
        && !serial(add.definition().type())
        && before.table(add.table()).isPresent()) {
      return Optional.of(new Subject(add.column(), "Adding {col} NOT NULL without a default"));
    }
    if (change instanceof AlterColumnDefault dropDefault && dropDefault.expression() == null) {
      Optional<Catalog.Column> existing =
          before.table(dropDefault.table()).flatMap(t -> t.column(dropDefault.column()));
      if (existing.isPresent() && existing.get().notNull()) {
        return Optional.of(
            new Subject(
                dropDefault.table().column(dropDefault.column()),
                "Dropping the default of NOT NULL {col}"));
      }
    }
    return Optional.empty();
  }

  private static boolean serial(String type) {
    return type != null && type.toLowerCase(java.util.Locale.ROOT).endsWith("serial");
  }
}
