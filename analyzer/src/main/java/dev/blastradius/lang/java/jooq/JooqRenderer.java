package dev.blastradius.lang.java.jooq;

import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a jOOQ chain as SQL the SQL frontend can read, with the same column uses: selected
 * fields, tables and joins, every condition ({@code where}, {@code and}, {@code on}, {@code
 * having}) as tests of the fields it mentions, {@code set} targets and values, insert columns and
 * rows, conflict clauses and {@code returning}. Parts we cannot see render as dynamic parts, which
 * make the accesses possible. Subqueries are separate chains and are left out here.
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
  private static final Set<String> CONDITIONS =
      Set.of("where", "and", "or", "andNot", "orNot", "andExists", "orExists", "whereExists");
  private static final Set<String> RETURNING = Set.of("returning", "returningResult");

  private final JooqNames names;
  private final SqlDialect dialect;

  JooqRenderer(JooqNames names, SqlDialect dialect) {
    this.names = names;
    this.dialect = dialect;
  }

  /** The SQL of a chain. */
  StringTemplate render(JooqQuery query) {
    String kind = query.steps().get(0).method();
    return switch (kind) {
      case "insertInto" -> insert(query.steps());
      case "update" -> update(query.steps());
      case "deleteFrom", "delete" -> delete(query.steps());
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
        tables.add(table(args.get(0)));
        conditions.addAll(args.subList(1, args.size()));
        continue;
      }
      switch (method) {
        case "select", "selectDistinct" -> {
          if (args.isEmpty()) {
            items.add(StringTemplate.literal("*"));
          }
          args.forEach(a -> items.addAll(selectItems(a)));
        }
        case "selectFrom" -> {
          items.add(StringTemplate.literal("*"));
          tables.add(table(args.get(0)));
        }
        case "selectOne" -> items.add(StringTemplate.literal("1"));
        case "selectZero" -> items.add(StringTemplate.literal("0"));
        case "selectCount" -> items.add(StringTemplate.literal("count(*)"));
        case "from" -> args.forEach(a -> tables.add(table(a)));
        case "on" -> {
          if (!joins.isEmpty()) {
            int last = joins.size() - 1;
            joins.set(last, joins.get(last).plus(lit(" ON ")).plus(condition(args)));
            openJoin = false;
          }
        }
        case "onKey" -> openJoin = closeJoin(joins, openJoin);
        case "using" -> {
          if (!joins.isEmpty()) {
            int last = joins.size() - 1;
            joins.set(
                last, joins.get(last).plus(lit(" USING (")).plus(columns(args)).plus(lit(")")));
            openJoin = false;
          }
        }
        case "groupBy" -> groups.addAll(args);
        case "having" -> having.addAll(args);
        case "orderBy" -> orders.addAll(args);
        default -> {
          if (JOINS.contains(method) && !args.isEmpty()) {
            openJoin = closeJoin(joins, openJoin);
            joins.add(lit(" JOIN ").plus(table(args.get(0))));
            openJoin = true;
          } else if (UNCONDITIONAL_JOINS.contains(method) && !args.isEmpty()) {
            openJoin = closeJoin(joins, openJoin);
            String keyword = method.equals("crossJoin") ? " CROSS JOIN " : " NATURAL JOIN ";
            joins.add(lit(keyword).plus(table(args.get(0))));
          } else if (CONDITIONS.contains(method)) {
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
    sql = sql.plus(where(" WHERE ", conditions));
    if (!atoms(groups).isEmpty()) {
      sql = sql.plus(lit(" GROUP BY ")).plus(join(atoms(groups), ", "));
    }
    sql = sql.plus(where(" HAVING ", having));
    if (!atoms(orders).isEmpty()) {
      sql = sql.plus(lit(" ORDER BY ")).plus(join(atoms(orders), ", "));
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

  private StringTemplate insert(List<JooqQuery.Step> steps) {
    List<JooqQuery.Step> rest = steps.subList(1, steps.size());
    List<JooqExpr> first = steps.get(0).arguments();
    StringTemplate table = first.isEmpty() ? StringTemplate.dynamic() : table(first.get(0));
    List<JooqExpr> columns =
        new ArrayList<>(first.size() > 1 ? first.subList(1, first.size()) : List.of());
    List<List<JooqExpr>> rows = new ArrayList<>();
    List<JooqExpr[]> sets = new ArrayList<>();
    List<JooqExpr[]> updates = new ArrayList<>();
    List<JooqExpr> conflictColumns = new ArrayList<>();
    List<JooqExpr> conflictWhere = new ArrayList<>();
    List<JooqExpr> returning = null;
    boolean dynamicRow = false;
    boolean updating = false;
    boolean nothing = false;
    boolean conflict = false;
    boolean defaults = false;
    boolean fromSelect = false;
    for (JooqQuery.Step step : rest) {
      List<JooqExpr> args = step.arguments();
      switch (step.method()) {
        case "columns" -> columns.addAll(args);
        case "values", "valuesOfRows", "valuesOfRecords" -> {
          if (args.size() == 1 && !(args.get(0) instanceof JooqExpr.Value)) {
            dynamicRow = true;
          } else {
            rows.add(args);
          }
        }
        case "set" -> {
          if (args.size() == 2) {
            (updating ? updates : sets).add(new JooqExpr[] {args.get(0), args.get(1)});
          } else {
            dynamicRow |= !updating;
          }
        }
        case "select" -> fromSelect = true;
        case "defaultValues" -> defaults = true;
        case "onConflict" -> {
          conflict = true;
          conflictColumns.addAll(args);
        }
        case "onConflictOnConstraint" -> conflict = true;
        case "onConflictDoNothing", "doNothing", "onDuplicateKeyIgnore" -> {
          conflict = true;
          nothing = true;
        }
        case "doUpdate", "onDuplicateKeyUpdate" -> {
          conflict = true;
          updating = true;
        }
        case "where" -> conflictWhere.addAll(args);
        default -> {
          if (RETURNING.contains(step.method())) {
            returning = args;
          }
        }
      }
    }
    StringTemplate sql = lit("INSERT INTO ").plus(table);
    for (JooqExpr[] set : sets) {
      columns.add(set[0]);
    }
    if (defaults) {
      sql = sql.plus(lit(" DEFAULT VALUES"));
    } else if (dynamicRow || (columns.isEmpty() && rows.isEmpty() && !fromSelect)) {
      sql = sql.plus(lit(" VALUES (")).plus(StringTemplate.dynamic()).plus(lit(")"));
    } else {
      if (!columns.isEmpty()) {
        sql = sql.plus(lit(" (")).plus(columns(columns)).plus(lit(")"));
      }
      if (fromSelect) {
        sql = sql.plus(lit(" SELECT ")).plus(join(placeholders(columns.size()), ", "));
      } else {
        List<StringTemplate> tuples = new ArrayList<>();
        if (!sets.isEmpty()) {
          tuples.add(tuple(sets.stream().map(s -> s[1]).toList()));
        }
        rows.forEach(r -> tuples.add(tuple(r)));
        sql = sql.plus(lit(" VALUES ")).plus(join(tuples, ", "));
      }
    }
    if (conflict) {
      sql = sql.plus(conflict(conflictColumns, updates, conflictWhere, nothing));
    }
    return sql.plus(returning(returning));
  }

  private StringTemplate conflict(
      List<JooqExpr> columns, List<JooqExpr[]> updates, List<JooqExpr> where, boolean nothing) {
    if (dialect == SqlDialect.MYSQL) {
      return nothing || updates.isEmpty()
          ? lit("")
          : lit(" ON DUPLICATE KEY UPDATE ").plus(assignments(updates));
    }
    StringTemplate target =
        columns.isEmpty() ? lit("") : lit(" (").plus(columns(columns)).plus(lit(")"));
    if (nothing || updates.isEmpty()) {
      return lit(" ON CONFLICT").plus(target).plus(lit(" DO NOTHING"));
    }
    if (columns.isEmpty()) {
      // DO UPDATE needs a target; one we cannot name reads no column.
      target = lit(" (" + dev.blastradius.lang.HostedSql.DYNAMIC_PART + ")");
    }
    return lit(" ON CONFLICT")
        .plus(target)
        .plus(lit(" DO UPDATE SET "))
        .plus(assignments(updates))
        .plus(where(" WHERE ", where));
  }

  private StringTemplate update(List<JooqQuery.Step> steps) {
    List<JooqExpr> first = steps.get(0).arguments();
    StringTemplate sql =
        lit("UPDATE ").plus(first.isEmpty() ? StringTemplate.dynamic() : table(first.get(0)));
    List<JooqExpr[]> sets = new ArrayList<>();
    List<StringTemplate> from = new ArrayList<>();
    List<JooqExpr> conditions = new ArrayList<>();
    List<JooqExpr> returning = null;
    boolean dynamicSet = false;
    for (JooqQuery.Step step : steps.subList(1, steps.size())) {
      List<JooqExpr> args = step.arguments();
      if (step.method().equals("set")) {
        if (args.size() == 2) {
          sets.add(new JooqExpr[] {args.get(0), args.get(1)});
        } else {
          dynamicSet = true;
        }
      } else if (step.method().equals("from")) {
        args.forEach(a -> from.add(table(a)));
      } else if (CONDITIONS.contains(step.method())) {
        conditions.addAll(args);
      } else if (RETURNING.contains(step.method())) {
        returning = args;
      }
    }
    sql = sql.plus(lit(" SET "));
    if (sets.isEmpty() || dynamicSet) {
      sql =
          sql.plus(StringTemplate.dynamic())
              .plus(lit(" = ?"))
              .plus(lit(sets.isEmpty() ? "" : ", "));
    }
    sql = sql.plus(assignments(sets));
    if (!from.isEmpty()) {
      sql = sql.plus(lit(" FROM ")).plus(join(from, ", "));
    }
    return sql.plus(where(" WHERE ", conditions)).plus(returning(returning));
  }

  private StringTemplate delete(List<JooqQuery.Step> steps) {
    List<JooqExpr> first = steps.get(0).arguments();
    StringTemplate sql =
        lit("DELETE FROM ").plus(first.isEmpty() ? StringTemplate.dynamic() : table(first.get(0)));
    List<StringTemplate> using = new ArrayList<>();
    List<JooqExpr> conditions = new ArrayList<>();
    List<JooqExpr> returning = null;
    for (JooqQuery.Step step : steps.subList(1, steps.size())) {
      if (step.method().equals("using")) {
        step.arguments().forEach(a -> using.add(table(a)));
      } else if (CONDITIONS.contains(step.method())) {
        conditions.addAll(step.arguments());
      } else if (RETURNING.contains(step.method())) {
        returning = step.arguments();
      }
    }
    if (!using.isEmpty()) {
      sql = sql.plus(lit(" USING ")).plus(join(using, ", "));
    }
    return sql.plus(where(" WHERE ", conditions)).plus(returning(returning));
  }

  private StringTemplate returning(List<JooqExpr> items) {
    if (items == null) {
      return lit("");
    }
    if (items.isEmpty()) {
      return lit(" RETURNING *");
    }
    List<StringTemplate> rendered = new ArrayList<>();
    items.forEach(i -> rendered.addAll(selectItems(i)));
    return lit(" RETURNING ").plus(join(rendered, ", "));
  }

  /** {@code a = v, b = w} for set pairs. */
  private StringTemplate assignments(List<JooqExpr[]> sets) {
    List<StringTemplate> rendered = new ArrayList<>();
    for (JooqExpr[] set : sets) {
      rendered.add(column(set[0]).plus(lit(" = ")).plus(value(set[1])));
    }
    return join(rendered, ", ");
  }

  private StringTemplate tuple(List<JooqExpr> values) {
    List<StringTemplate> rendered = new ArrayList<>();
    values.forEach(v -> rendered.add(value(v)));
    return lit("(").plus(join(rendered, ", ")).plus(lit(")"));
  }

  private static List<StringTemplate> placeholders(int count) {
    List<StringTemplate> result = new ArrayList<>();
    for (int i = 0; i < Math.max(1, count); i++) {
      result.add(lit("?"));
    }
    return result;
  }

  /** Column names without qualifier (insert column lists, set targets, join USING). */
  private StringTemplate columns(List<JooqExpr> fields) {
    List<StringTemplate> rendered = new ArrayList<>();
    fields.forEach(f -> rendered.add(column(f)));
    return join(rendered, ", ");
  }

  private StringTemplate column(JooqExpr expr) {
    if (expr instanceof JooqExpr.Field field) {
      return lit(names.column(names.table(field.table()), field.constant()));
    }
    if (expr instanceof JooqExpr.Plain plain && plain.arguments().isEmpty()) {
      return plain.sql();
    }
    return StringTemplate.dynamic();
  }

  private StringTemplate table(JooqExpr expr) {
    if (expr instanceof JooqExpr.Table table) {
      return names.table(table).sql();
    }
    if (expr instanceof JooqExpr.Plain plain) {
      return plain(plain);
    }
    return StringTemplate.dynamic();
  }

  /** Select-list items: each field, star, or plain SQL an argument holds. */
  private List<StringTemplate> selectItems(JooqExpr expr) {
    if (expr instanceof JooqExpr.Star star) {
      return List.of(
          star.table() == null
              ? lit("*")
              : lit(names.quote(names.table(star.table()).qualifier()) + ".*"));
    }
    if (expr instanceof JooqExpr.Unknown) {
      return List.of(StringTemplate.dynamic());
    }
    List<StringTemplate> atoms = atoms(List.of(expr));
    return atoms.isEmpty() ? List.of(lit("1")) : atoms;
  }

  /** A value: one field as itself, several folded into one expression, else a parameter. */
  private StringTemplate value(JooqExpr expr) {
    if (expr instanceof JooqExpr.Unknown) {
      return StringTemplate.dynamic();
    }
    List<StringTemplate> atoms = atoms(List.of(expr));
    if (atoms.isEmpty()) {
      return lit("?");
    }
    return atoms.size() == 1
        ? atoms.get(0)
        : lit("COALESCE(").plus(join(atoms, ", ")).plus(lit(")"));
  }

  /** A condition testing every field and plain-SQL condition an argument holds. */
  private StringTemplate condition(List<JooqExpr> conditions) {
    List<StringTemplate> tests = new ArrayList<>();
    for (JooqExpr condition : conditions) {
      for (JooqExpr atom : flatten(condition)) {
        if (atom instanceof JooqExpr.Plain plain) {
          tests.add(lit("(").plus(plain(plain)).plus(lit(")")));
        } else if (atom instanceof JooqExpr.Field field) {
          tests.add(names.field(field).plus(lit(" IS NOT NULL")));
        }
      }
    }
    return tests.isEmpty() ? lit("1 = 1") : join(tests, " AND ");
  }

  private StringTemplate where(String keyword, List<JooqExpr> conditions) {
    return conditions.isEmpty() ? lit("") : lit(keyword).plus(condition(conditions));
  }

  /** The fields and plain SQL of some arguments, rendered, in order. */
  private List<StringTemplate> atoms(List<JooqExpr> exprs) {
    List<StringTemplate> result = new ArrayList<>();
    for (JooqExpr expr : exprs) {
      for (JooqExpr atom : flatten(expr)) {
        if (atom instanceof JooqExpr.Field field) {
          result.add(names.field(field));
        } else if (atom instanceof JooqExpr.Plain plain) {
          result.add(plain(plain));
        }
      }
    }
    return result;
  }

  private static List<JooqExpr> flatten(JooqExpr expr) {
    return expr instanceof JooqExpr.Composite composite ? composite.parts() : List.of(expr);
  }

  private static List<JooqExpr.Field> fields(JooqExpr expr) {
    List<JooqExpr.Field> result = new ArrayList<>();
    for (JooqExpr atom : flatten(expr)) {
      if (atom instanceof JooqExpr.Field field) {
        result.add(field);
      } else if (atom instanceof JooqExpr.Plain plain) {
        plain.arguments().forEach(a -> result.addAll(fields(a)));
      }
    }
    return result;
  }

  /** Plain SQL with its {@code {n}} placeholders replaced by the rendered query parts. */
  private StringTemplate plain(JooqExpr.Plain plain) {
    StringTemplate sql = lit("");
    for (StringTemplate.Part part : plain.sql().parts()) {
      if (!(part instanceof StringTemplate.Literal literal)) {
        sql = sql.plus(new StringTemplate(List.of(part)));
        continue;
      }
      String text = literal.text();
      int at = 0;
      for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
        int close = text.indexOf('}', open);
        if (close <= open + 1
            || close - open > 6
            || !text.substring(open + 1, close).chars().allMatch(Character::isDigit)) {
          continue;
        }
        int index = Integer.parseInt(text.substring(open + 1, close));
        sql = sql.plus(lit(text.substring(at, open)));
        sql =
            sql.plus(
                index < plain.arguments().size()
                    ? value(plain.arguments().get(index))
                    : StringTemplate.dynamic());
        at = close + 1;
      }
      sql = sql.plus(lit(text.substring(at)));
    }
    return sql;
  }

  private static StringTemplate join(List<StringTemplate> items, String separator) {
    StringTemplate result = lit("");
    for (int i = 0; i < items.size(); i++) {
      result = result.plus(lit(i == 0 ? "" : separator)).plus(items.get(i));
    }
    return result;
  }

  private static StringTemplate lit(String text) {
    return StringTemplate.literal(text);
  }
}
