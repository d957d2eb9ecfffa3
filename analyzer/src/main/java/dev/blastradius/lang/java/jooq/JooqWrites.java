package dev.blastradius.lang.java.jooq;

import static dev.blastradius.lang.java.jooq.JooqParts.join;
import static dev.blastradius.lang.java.jooq.JooqParts.lit;
import static dev.blastradius.lang.java.jooq.JooqParts.placeholders;

import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders jOOQ's writing chains: {@code insertInto} with columns and {@code values} rows, {@code
 * set} pairs, {@code defaultValues}, {@code select}, the conflict clauses of Postgres ({@code
 * onConflict…doUpdate/doNothing}) and MySQL ({@code onDuplicateKeyUpdate}); {@code update} with
 * {@code set}, {@code from} and conditions; {@code deleteFrom} with {@code using} and conditions;
 * {@code returning} for all three. A row or set given as a record renders as a dynamic part.
 */
final class JooqWrites {

  private final JooqParts parts;
  private final SqlDialect dialect;

  JooqWrites(JooqParts parts, SqlDialect dialect) {
    this.parts = parts;
    this.dialect = dialect;
  }

  /** {@code INSERT INTO …}: columns, rows or set pairs, conflict clause, returning. */
  StringTemplate insert(List<JooqQuery.Step> steps) {
    List<JooqQuery.Step> rest = steps.subList(1, steps.size());
    List<JooqExpr> first = steps.get(0).arguments();
    StringTemplate table = first.isEmpty() ? StringTemplate.dynamic() : parts.table(first.get(0));
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
          if (JooqParts.RETURNING.contains(step.method())) {
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
        sql = sql.plus(lit(" (")).plus(parts.columns(columns)).plus(lit(")"));
      }
      if (fromSelect) {
        sql = sql.plus(lit(" SELECT ")).plus(join(placeholders(columns.size()), ", "));
      } else {
        List<StringTemplate> tuples = new ArrayList<>();
        if (!sets.isEmpty()) {
          tuples.add(parts.tuple(sets.stream().map(s -> s[1]).toList()));
        }
        rows.forEach(r -> tuples.add(parts.tuple(r)));
        sql = sql.plus(lit(" VALUES ")).plus(join(tuples, ", "));
      }
    }
    if (conflict) {
      sql = sql.plus(conflict(conflictColumns, updates, conflictWhere, nothing));
    }
    return sql.plus(parts.returning(returning));
  }

  /**
   * The conflict clause of the dialect: ON CONFLICT … DO UPDATE/NOTHING, or ON DUPLICATE KEY
   * UPDATE.
   */
  private StringTemplate conflict(
      List<JooqExpr> columns, List<JooqExpr[]> updates, List<JooqExpr> where, boolean nothing) {
    if (dialect == SqlDialect.MYSQL) {
      return nothing || updates.isEmpty()
          ? lit("")
          : lit(" ON DUPLICATE KEY UPDATE ").plus(parts.assignments(updates));
    }
    StringTemplate target =
        columns.isEmpty() ? lit("") : lit(" (").plus(parts.columns(columns)).plus(lit(")"));
    if (nothing || updates.isEmpty()) {
      return lit(" ON CONFLICT").plus(target).plus(lit(" DO NOTHING"));
    }
    if (columns.isEmpty()) {
      // DO UPDATE needs a target; one we cannot name reads no column.
      target = lit(" (" + HostedSql.DYNAMIC_PART + ")");
    }
    return lit(" ON CONFLICT")
        .plus(target)
        .plus(lit(" DO UPDATE SET "))
        .plus(parts.assignments(updates))
        .plus(parts.where(" WHERE ", where));
  }

  /** {@code UPDATE … SET … [FROM …] [WHERE …] [RETURNING …]}. */
  StringTemplate update(List<JooqQuery.Step> steps) {
    List<JooqExpr> first = steps.get(0).arguments();
    StringTemplate sql =
        lit("UPDATE ").plus(first.isEmpty() ? StringTemplate.dynamic() : parts.table(first.get(0)));
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
        args.forEach(a -> from.add(parts.table(a)));
      } else if (JooqParts.CONDITIONS.contains(step.method())) {
        conditions.addAll(args);
      } else if (JooqParts.RETURNING.contains(step.method())) {
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
    sql = sql.plus(parts.assignments(sets));
    if (!from.isEmpty()) {
      sql = sql.plus(lit(" FROM ")).plus(join(from, ", "));
    }
    return sql.plus(parts.where(" WHERE ", conditions)).plus(parts.returning(returning));
  }

  /** {@code DELETE FROM … [USING …] [WHERE …] [RETURNING …]}. */
  StringTemplate delete(List<JooqQuery.Step> steps) {
    List<JooqExpr> first = steps.get(0).arguments();
    StringTemplate sql =
        lit("DELETE FROM ")
            .plus(first.isEmpty() ? StringTemplate.dynamic() : parts.table(first.get(0)));
    List<StringTemplate> using = new ArrayList<>();
    List<JooqExpr> conditions = new ArrayList<>();
    List<JooqExpr> returning = null;
    for (JooqQuery.Step step : steps.subList(1, steps.size())) {
      if (step.method().equals("using")) {
        step.arguments().forEach(a -> using.add(parts.table(a)));
      } else if (JooqParts.CONDITIONS.contains(step.method())) {
        conditions.addAll(step.arguments());
      } else if (JooqParts.RETURNING.contains(step.method())) {
        returning = step.arguments();
      }
    }
    if (!using.isEmpty()) {
      sql = sql.plus(lit(" USING ")).plus(join(using, ", "));
    }
    return sql.plus(parts.where(" WHERE ", conditions)).plus(parts.returning(returning));
  }
}
