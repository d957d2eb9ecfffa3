package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.DropColumn;
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
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code column-change-vs-positional-sql}: columns are added or dropped while code inserts rows of
 * the table by position ({@code INSERT INTO t VALUES (…)}, {@code INSERT INTO t SELECT …} without a
 * column list). A drop leaves more values than columns (an error); on MySQL every add or drop makes
 * the counts differ; a column added in the middle ({@code FIRST}/{@code AFTER}) shifts every value
 * after it into the wrong column, silently. On Postgres a column appended at the end is filled with
 * its default and breaks no positional INSERT (a required one is {@code not-null-vs-writers}).
 */
public final class ColumnChangeVsPositionalSql extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("change", "table", "sites", "reach");

  /** Where our SQL readers produce column lists as written; ORMs always name their columns. */
  private static final Set<Via> RAW_SQL =
      Set.of(Via.SQL, Via.JDBC, Via.MYBATIS, Via.KNEX, Via.DBAPI, Via.PSQL, Via.PLPGSQL);

  public ColumnChangeVsPositionalSql(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    TableRef table;
    String what;
    boolean mysql = context.settings().dialect() == SqlDialect.MYSQL;
    if (change.change() instanceof DropColumn drop) {
      table = drop.table();
      what = "Dropping " + drop.column().displayName();
    } else if (change.change() instanceof AddColumn add && (mysql || add.position() != null)) {
      table = add.table();
      what =
          "Adding "
              + add.column().displayName()
              + (add.position() == null ? "" : " (" + add.position() + ")");
    } else {
      return List.of();
    }
    Map<Location, List<Access>> positional = new TreeMap<>();
    context.graph().accesses().stream()
        .filter(a -> a.kind() == AccessKind.WRITE && a.inserts() && a.implicit())
        .filter(a -> RAW_SQL.contains(a.via()))
        .filter(a -> a.column().tableRef().equals(table))
        .filter(Access::isLiveCodeAccess)
        .forEach(a -> positional.computeIfAbsent(a.location(), k -> new ArrayList<>()).add(a));
    if (positional.isEmpty()) {
      return List.of();
    }
    List<Access> firsts = new ArrayList<>();
    List<RelatedLocation> related = new ArrayList<>();
    positional.forEach(
        (location, accesses) -> {
          firsts.add(accesses.get(0));
          List<EntryPoint> entryPoints =
              accesses.stream().flatMap(a -> a.entryPoints().stream()).distinct().sorted().toList();
          related.add(
              new RelatedLocation(
                  location,
                  "inserts "
                      + table.displayName()
                      + " rows by position "
                      + AccessLabels.reachedFrom(entryPoints)));
        });
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "change", what,
                "table", table.displayName(),
                "sites",
                    AccessLabels.count(
                        positional.size(), "positional INSERT", "positional INSERTs"),
                "reach", AccessLabels.reach(firsts)));
    return List.of(
        finding(change.location(), table.displayName(), change.statement(), message, related));
  }
}
