package dev.blastradius.lang.ops.dbt;

import dev.blastradius.lang.HostedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plain SQL of a dbt model: {@link JinjaText} with the project's meaning of each expression.
 * {@code source('app', 'users')} becomes the table its {@code sources:} entry names; {@code
 * ref('stg_users')} becomes {@link #relation(String)}, the name under which {@link ModelViews}
 * defines the model as a view; {@code config(…)}, {@code log(…)} and {@code print(…)} are blanked;
 * any other expression becomes {@link HostedSql#DYNAMIC_PART}.
 *
 * @param sql the SQL, with the lines and (where replacements fit) columns of the model
 * @param unresolved {@code source(…)} calls no {@code sources:} entry declares
 * @param refs the models named by {@code ref(…)}
 */
record ModelSql(String sql, List<String> unresolved, Set<String> refs) {

  private static final Set<String> BLANKED_CALLS = Set.of("config", "log", "print");

  /**
   * The relation a {@code ref} to {@code model} becomes: built on {@link HostedSql#DYNAMIC_PART},
   * so the model's own columns are never reported as application columns, while the base columns
   * behind it (when {@link ModelViews} knows the model) are.
   */
  static String relation(String model) {
    return HostedSql.DYNAMIC_PART + "_" + model;
  }

  static ModelSql of(String text, DbtProject project) {
    List<String> unresolved = new ArrayList<>();
    Set<String> refs = new TreeSet<>();
    String sql = JinjaText.strip(text, e -> expression(e, project, unresolved, refs));
    return new ModelSql(sql, List.copyOf(unresolved), Set.copyOf(refs));
  }

  /** The SQL for a Jinja expression, or null to blank it. */
  private static String expression(
      String expression, DbtProject project, List<String> unresolved, Set<String> refs) {
    Optional<JinjaCall> call = JinjaCall.parse(expression);
    if (call.isEmpty()) {
      return HostedSql.DYNAMIC_PART;
    }
    List<String> strings = call.get().strings();
    switch (call.get().name()) {
      case "source":
        if (strings.size() == 2) {
          Optional<String> table = project.source(strings.get(0), strings.get(1));
          if (table.isPresent()) {
            return table.get();
          }
          unresolved.add("source('" + strings.get(0) + "', '" + strings.get(1) + "')");
        }
        return HostedSql.DYNAMIC_PART;
      case "ref":
        if (strings.isEmpty()) {
          return HostedSql.DYNAMIC_PART;
        }
        String model = strings.get(strings.size() - 1);
        refs.add(model);
        return relation(model);
      default:
        return BLANKED_CALLS.contains(call.get().name()) ? null : HostedSql.DYNAMIC_PART;
    }
  }
}
