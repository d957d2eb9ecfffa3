package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL a MyBatis {@code org.apache.ibatis.jdbc.SQL} builder produces from its calls, in call
 * order: {@code SELECT}, {@code FROM}, the joins, {@code WHERE} with {@code AND()}/{@code OR()},
 * {@code GROUP_BY}, {@code HAVING}, {@code ORDER_BY}, {@code LIMIT}/{@code OFFSET}, {@code
 * INSERT_INTO} with {@code VALUES}/{@code INTO_COLUMNS}/{@code INTO_VALUES}, {@code UPDATE} with
 * {@code SET}, and {@code DELETE_FROM}. Calls under a condition all count, like every {@code <if>}
 * of a mapper.
 */
final class SqlBuilderCalls {

  /** The builder methods we render; others ({@code toString}, {@code usingAppender}) add no SQL. */
  static final Set<String> METHODS =
      Set.of(
          "SELECT",
          "SELECT_DISTINCT",
          "FROM",
          "JOIN",
          "INNER_JOIN",
          "LEFT_OUTER_JOIN",
          "RIGHT_OUTER_JOIN",
          "OUTER_JOIN",
          "WHERE",
          "OR",
          "AND",
          "GROUP_BY",
          "HAVING",
          "ORDER_BY",
          "LIMIT",
          "OFFSET",
          "FETCH_FIRST_ROWS_ONLY",
          "OFFSET_ROWS",
          "INSERT_INTO",
          "VALUES",
          "INTO_COLUMNS",
          "INTO_VALUES",
          "ADD_ROW",
          "UPDATE",
          "SET",
          "DELETE_FROM");

  private enum Clause {
    SELECT,
    FROM,
    JOIN,
    WHERE,
    GROUP_BY,
    HAVING,
    ORDER_BY,
    TAIL,
    COLUMNS,
    SET
  }

  private String statement = "SELECT";
  private boolean distinct;
  private StringTemplate table = StringTemplate.literal("");
  private final Map<Clause, List<StringTemplate>> clauses = new EnumMap<>(Clause.class);
  private final List<List<StringTemplate>> rows = new ArrayList<>(List.of(new ArrayList<>()));
  private String conjunction = " AND ";

  /** Applies one builder call with its evaluated arguments. */
  void call(String method, List<StringTemplate> arguments) {
    switch (method) {
      case "SELECT" -> add(Clause.SELECT, arguments);
      case "SELECT_DISTINCT" -> {
        distinct = true;
        add(Clause.SELECT, arguments);
      }
      case "FROM" -> add(Clause.FROM, arguments);
      case "JOIN", "INNER_JOIN", "LEFT_OUTER_JOIN", "RIGHT_OUTER_JOIN", "OUTER_JOIN" -> {
        String keyword = " " + method.replace('_', ' ') + " ";
        arguments.forEach(a -> add(Clause.JOIN, List.of(StringTemplate.literal(keyword).plus(a))));
      }
      case "WHERE", "HAVING" ->
          condition(method.equals("WHERE") ? Clause.WHERE : Clause.HAVING, arguments);
      case "OR" -> conjunction = " OR ";
      case "AND" -> conjunction = " AND ";
      case "GROUP_BY" -> add(Clause.GROUP_BY, arguments);
      case "ORDER_BY" -> add(Clause.ORDER_BY, arguments);
      case "LIMIT", "OFFSET", "FETCH_FIRST_ROWS_ONLY", "OFFSET_ROWS" ->
          arguments.forEach(
              a -> add(Clause.TAIL, List.of(StringTemplate.literal(tail(method)).plus(a))));
      case "INSERT_INTO", "UPDATE", "DELETE_FROM" -> {
        statement = method;
        table = arguments.isEmpty() ? StringTemplate.dynamic() : arguments.get(0);
      }
      case "VALUES" -> {
        if (arguments.size() == 2) {
          add(Clause.COLUMNS, List.of(arguments.get(0)));
          rows.get(rows.size() - 1).add(arguments.get(1));
        }
      }
      case "INTO_COLUMNS" -> add(Clause.COLUMNS, arguments);
      case "INTO_VALUES" -> rows.get(rows.size() - 1).addAll(arguments);
      case "ADD_ROW" -> rows.add(new ArrayList<>());
      case "SET" -> add(Clause.SET, arguments);
      default -> {
        // Not a clause.
      }
    }
  }

  private static String tail(String method) {
    return switch (method) {
      case "LIMIT" -> " LIMIT ";
      case "OFFSET" -> " OFFSET ";
      case "OFFSET_ROWS" -> " OFFSET ";
      default -> " FETCH FIRST ";
    };
  }

  private void add(Clause clause, List<StringTemplate> arguments) {
    clauses.computeIfAbsent(clause, c -> new ArrayList<>()).addAll(arguments);
  }

  /** A WHERE or HAVING condition, joined to the previous one by the last AND()/OR(). */
  private void condition(Clause clause, List<StringTemplate> arguments) {
    for (StringTemplate argument : arguments) {
      List<StringTemplate> existing = clauses.computeIfAbsent(clause, c -> new ArrayList<>());
      StringTemplate wrapped =
          StringTemplate.literal("(").plus(argument).plus(StringTemplate.literal(")"));
      existing.add(
          existing.isEmpty() ? wrapped : StringTemplate.literal(conjunction).plus(wrapped));
      conjunction = " AND ";
    }
  }

  /** The SQL the calls build. */
  StringTemplate sql() {
    return switch (statement) {
      case "INSERT_INTO" -> insert();
      case "UPDATE" ->
          StringTemplate.literal("UPDATE ")
              .plus(table)
              .plus(joined(Clause.JOIN, "", ""))
              .plus(joined(Clause.SET, " SET ", ", "))
              .plus(conditions(Clause.WHERE, " WHERE "))
              .plus(joined(Clause.TAIL, "", ""));
      case "DELETE_FROM" ->
          StringTemplate.literal("DELETE FROM ")
              .plus(table)
              .plus(conditions(Clause.WHERE, " WHERE "))
              .plus(joined(Clause.TAIL, "", ""));
      default ->
          StringTemplate.literal(distinct ? "SELECT DISTINCT " : "SELECT ")
              .plus(joined(Clause.SELECT, "", ", "))
              .plus(joined(Clause.FROM, " FROM ", ", "))
              .plus(joined(Clause.JOIN, "", ""))
              .plus(conditions(Clause.WHERE, " WHERE "))
              .plus(joined(Clause.GROUP_BY, " GROUP BY ", ", "))
              .plus(conditions(Clause.HAVING, " HAVING "))
              .plus(joined(Clause.ORDER_BY, " ORDER BY ", ", "))
              .plus(joined(Clause.TAIL, "", ""));
    };
  }

  private StringTemplate insert() {
    StringTemplate sql =
        StringTemplate.literal("INSERT INTO ")
            .plus(table)
            .plus(joined(Clause.COLUMNS, " (", ", "))
            .plus(StringTemplate.literal(clauses.containsKey(Clause.COLUMNS) ? ")" : ""))
            .plus(StringTemplate.literal(" VALUES "));
    boolean first = true;
    for (List<StringTemplate> row : rows) {
      if (row.isEmpty()) {
        continue;
      }
      sql =
          sql.plus(StringTemplate.literal(first ? "(" : ", ("))
              .plus(join(row, ", "))
              .plus(StringTemplate.literal(")"));
      first = false;
    }
    return sql;
  }

  private StringTemplate joined(Clause clause, String prefix, String separator) {
    List<StringTemplate> items = clauses.get(clause);
    if (items == null || items.isEmpty()) {
      return StringTemplate.literal("");
    }
    return StringTemplate.literal(prefix).plus(join(items, separator));
  }

  private StringTemplate conditions(Clause clause, String prefix) {
    return joined(clause, prefix, "");
  }

  private static StringTemplate join(List<StringTemplate> items, String separator) {
    StringTemplate result = StringTemplate.literal("");
    for (int i = 0; i < items.size(); i++) {
      result = result.plus(StringTemplate.literal(i == 0 ? "" : separator)).plus(items.get(i));
    }
    return result;
  }
}
