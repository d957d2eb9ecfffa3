package dev.blastradius.lang.java.jooq;

import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders the arguments of jOOQ calls as pieces of SQL: tables, qualified fields, select items,
 * values (one field as itself, several folded into {@code COALESCE}), conditions (every field an
 * argument mentions, tested), plain SQL with its {@code {n}} placeholders filled, and {@code
 * RETURNING}. A part we cannot see renders as a dynamic part.
 */
final class JooqParts {

  /** Calls whose arguments are conditions of the statement. */
  static final Set<String> CONDITIONS =
      Set.of("where", "and", "or", "andNot", "orNot", "andExists", "orExists", "whereExists");

  /** Calls whose arguments are returned columns. */
  static final Set<String> RETURNING = Set.of("returning", "returningResult");

  private final JooqNames names;

  JooqParts(JooqNames names) {
    this.names = names;
  }

  /** {@code RETURNING} with the items, {@code *} for none; nothing when there is no clause. */
  StringTemplate returning(List<JooqExpr> items) {
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
  StringTemplate assignments(List<JooqExpr[]> sets) {
    List<StringTemplate> rendered = new ArrayList<>();
    for (JooqExpr[] set : sets) {
      rendered.add(column(set[0]).plus(lit(" = ")).plus(value(set[1])));
    }
    return join(rendered, ", ");
  }

  /** {@code (v1, v2)}: a row of values. */
  StringTemplate tuple(List<JooqExpr> values) {
    List<StringTemplate> rendered = new ArrayList<>();
    values.forEach(v -> rendered.add(value(v)));
    return lit("(").plus(join(rendered, ", ")).plus(lit(")"));
  }

  /** {@code ?, ?, …}: one parameter per column (at least one). */
  static List<StringTemplate> placeholders(int count) {
    List<StringTemplate> result = new ArrayList<>();
    for (int i = 0; i < Math.max(1, count); i++) {
      result.add(lit("?"));
    }
    return result;
  }

  /** Column names without qualifier (insert column lists, set targets, join USING). */
  StringTemplate columns(List<JooqExpr> fields) {
    List<StringTemplate> rendered = new ArrayList<>();
    fields.forEach(f -> rendered.add(column(f)));
    return join(rendered, ", ");
  }

  /** A column name without qualifier, or a dynamic part when the expression is no field. */
  StringTemplate column(JooqExpr expr) {
    if (expr instanceof JooqExpr.Field field) {
      return lit(names.column(names.table(field.table()), field.constant()));
    }
    if (expr instanceof JooqExpr.Plain plain && plain.arguments().isEmpty()) {
      return plain.sql();
    }
    return StringTemplate.dynamic();
  }

  /** A table position: a named table, plain SQL, or a dynamic part. */
  StringTemplate table(JooqExpr expr) {
    if (expr instanceof JooqExpr.Table table) {
      return names.table(table).sql();
    }
    if (expr instanceof JooqExpr.Plain plain) {
      return plain(plain);
    }
    return StringTemplate.dynamic();
  }

  /** Select-list items: each field, star, or plain SQL an argument holds. */
  List<StringTemplate> selectItems(JooqExpr expr) {
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
  StringTemplate value(JooqExpr expr) {
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
  StringTemplate condition(List<JooqExpr> conditions) {
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

  /** {@code keyword} and the conditions, or nothing when there are none. */
  StringTemplate where(String keyword, List<JooqExpr> conditions) {
    return conditions.isEmpty() ? lit("") : lit(keyword).plus(condition(conditions));
  }

  /** The fields and plain SQL of some arguments, rendered, in order. */
  List<StringTemplate> atoms(List<JooqExpr> exprs) {
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

  /** The parts of a composite, or the expression alone. */
  static List<JooqExpr> flatten(JooqExpr expr) {
    return expr instanceof JooqExpr.Composite composite ? composite.parts() : List.of(expr);
  }

  /** Every field an expression mentions, also inside plain SQL arguments. */
  static List<JooqExpr.Field> fields(JooqExpr expr) {
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
  StringTemplate plain(JooqExpr.Plain plain) {
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

  /** The items with {@code separator} between them. */
  static StringTemplate join(List<StringTemplate> items, String separator) {
    StringTemplate result = lit("");
    for (int i = 0; i < items.size(); i++) {
      result = result.plus(lit(i == 0 ? "" : separator)).plus(items.get(i));
    }
    return result;
  }

  /** Literal SQL text. */
  static StringTemplate lit(String text) {
    return StringTemplate.literal(text);
  }
}
