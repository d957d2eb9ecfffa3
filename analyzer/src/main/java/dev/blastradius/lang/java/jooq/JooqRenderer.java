package dev.blastradius.lang.java.jooq;

import static dev.blastradius.lang.java.jooq.JooqParts.fields;
import static dev.blastradius.lang.java.jooq.JooqParts.join;
import static dev.blastradius.lang.java.jooq.JooqParts.lit;

import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a jOOQ chain as SQL the SQL frontend can read, with the same column uses. Selects are
 * rendered here: selected fields, tables and joins, every condition ({@code where}, {@code and},
 * {@code on}, {@code having}) as tests of the fields it mentions, grouping and ordering, and the
 * {@code DSLContext.fetch(TABLE, condition)} family; writes go to {@link JooqWrites}. Parts we
 * cannot see render as dynamic parts, which make the accesses possible. Subqueries are separate
 * chains and are left out here.
 */
final class JooqRenderer {

  private static final Set<String> JOINS =
      Set.of(
          "join",
          "innerJoin",
          "leftJoin",
          "leftOuterJoin",
          "rightJoin",
          "rightOuterJoin",
          "fullJoin",
          "fullOuterJoin",
          "leftSemiJoin",
          "leftAntiJoin",
          "straightJoin");
  private static final Set<String> UNCONDITIONAL_JOINS =
      Set.of("crossJoin", "naturalJoin", "naturalLeftOuterJoin", "naturalRightOuterJoin");

  private final JooqNames names;
  private final JooqParts parts;
  private final JooqWrites writes;

  JooqRenderer(JooqNames names, SqlDialect dialect) {
    this.names = names;
    this.parts = new JooqParts(names);
    this.writes = new JooqWrites(parts, dialect);
  }

  /** The SQL of a chain. */
  StringTemplate render(JooqQuery query) {
    String kind = query.steps().get(0).method();
    return switch (kind) {
      case "insertInto" -> writes.insert(query.steps());
      case "update" -> writes.update(query.steps());
      case "deleteFrom", "delete" -> writes.delete(query.steps());
      default -> select(query.steps());
    };
  }

  private StringTemplate select(List<JooqQuery.Step> steps) {
    List<StringTemplate> items = new ArrayList<>();
    List<StringTemplate> tables = new ArrayList<>();
    List<StringTemplate> joins = new ArrayList<>();
    List<JooqExpr> conditions = new ArrayList<>();
    List<JooqExpr> having = new ArrayList<>();
    List<JooqExpr> groups = new ArrayList<>();
    List<JooqExpr> orders = new ArrayList<>();
    boolean openJoin = false;
    for (JooqQuery.Step step : steps) {
      String method = step.method();
      List<JooqExpr> args = step.arguments();
      if (JooqChains.FETCHES.contains(method) && items.isEmpty() && tables.isEmpty()) {
        items.add(StringTemplate.literal(fetchItem(method)));
        tables.add(parts.table(args.get(0)));
        conditions.addAll(args.subList(1, args.size()));
        continue;
      }
      switch (method) {
        case "select", "selectDistinct" -> {
          if (args.isEmpty()) {
            items.add(StringTemplate.literal("*"));
          }
          args.forEach(a -> items.addAll(parts.selectItems(a)));
        }
        case "selectFrom" -> {
          items.add(StringTemplate.literal("*"));
          tables.add(parts.table(args.get(0)));
        }
        case "selectOne" -> items.add(StringTemplate.literal("1"));
        case "selectZero" -> items.add(StringTemplate.literal("0"));
        case "selectCount" -> items.add(StringTemplate.literal("count(*)"));
        case "from" -> args.forEach(a -> tables.add(parts.table(a)));
        case "on" -> {
          if (!joins.isEmpty()) {
            int last = joins.size() - 1;
            joins.set(last, joins.get(last).plus(lit(" ON ")).plus(parts.condition(args)));
            openJoin = false;
          }
        }
        case "onKey" -> openJoin = closeJoin(joins, openJoin);
        case "using" -> {
          if (!joins.isEmpty()) {
            int last = joins.size() - 1;
            joins.set(
                last,
                joins.get(last).plus(lit(" USING (")).plus(parts.columns(args)).plus(lit(")")));
            openJoin = false;
          }
        }
        case "groupBy" -> groups.addAll(args);
        case "having" -> having.addAll(args);
        case "orderBy" -> orders.addAll(args);
        default -> {
          if (JOINS.contains(method) && !args.isEmpty()) {
            openJoin = closeJoin(joins, openJoin);
            joins.add(lit(" JOIN ").plus(parts.table(args.get(0))));
            openJoin = true;
          } else if (UNCONDITIONAL_JOINS.contains(method) && !args.isEmpty()) {
            openJoin = closeJoin(joins, openJoin);
            String keyword = method.equals("crossJoin") ? " CROSS JOIN " : " NATURAL JOIN ";
            joins.add(lit(keyword).plus(parts.table(args.get(0))));
          } else if (JooqParts.CONDITIONS.contains(method)) {
            conditions.addAll(args);
          }
        }
      }
    }
    closeJoin(joins, openJoin);
    if (tables.isEmpty()) {
      tables.addAll(implicitTables(steps));
    }
    StringTemplate sql =
        lit("SELECT ").plus(join(items.isEmpty() ? List.of(lit("1")) : items, ", "));
    if (!tables.isEmpty()) {
      sql = sql.plus(lit(" FROM ")).plus(join(tables, ", "));
    }
    for (StringTemplate joinClause : joins) {
      sql = sql.plus(joinClause);
    }
    sql = sql.plus(parts.where(" WHERE ", conditions));
    if (!parts.atoms(groups).isEmpty()) {
      sql = sql.plus(lit(" GROUP BY ")).plus(join(parts.atoms(groups), ", "));
    }
    sql = sql.plus(parts.where(" HAVING ", having));
    if (!parts.atoms(orders).isEmpty()) {
      sql = sql.plus(lit(" ORDER BY ")).plus(join(parts.atoms(orders), ", "));
    }
    return sql;
  }

  private static String fetchItem(String method) {
    return switch (method) {
      case "fetchCount" -> "count(*)";
      case "fetchExists" -> "1";
      default -> "*";
    };
  }

  /** A join without ON gets a condition that reads nothing, so the SQL stays well-formed. */
  private static boolean closeJoin(List<StringTemplate> joins, boolean open) {
    if (open) {
      int last = joins.size() - 1;
      joins.set(last, joins.get(last).plus(lit(" ON 1 = 1")));
    }
    return false;
  }

  /** The tables of the fields a FROM-less select mentions (a subquery correlated or not). */
  private List<StringTemplate> implicitTables(List<JooqQuery.Step> steps) {
    Map<String, StringTemplate> tables = new LinkedHashMap<>();
    for (JooqQuery.Step step : steps) {
      for (JooqExpr argument : step.arguments()) {
        for (JooqExpr.Field field : fields(argument)) {
          StringTemplate table = names.table(field.table()).sql();
          tables.putIfAbsent(table.text(), table);
        }
      }
    }
    return List.copyOf(tables.values());
  }
}
