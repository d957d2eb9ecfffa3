package dev.blastradius.lang.ops.dashboards;

import dev.blastradius.lang.ops.dashboards.LocatedTree.Obj;
import dev.blastradius.lang.ops.dashboards.LocatedTree.Scalar;
import dev.blastradius.lang.ops.dashboards.LocatedTree.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL queries of a Grafana dashboard JSON: {@code rawSql} of the {@code targets} of every panel
 * (top-level {@code panels}, the {@code panels} of a collapsed row, the {@code rows[].panels} of
 * old dashboards). A dashboard is recognised by its structure, not its file name: {@code panels} or
 * {@code rows} next to {@code schemaVersion}, or an API export's {@code dashboard} wrapper. Targets
 * of a datasource whose type is known and not a SQL database (Prometheus, InfluxDB, …) are skipped;
 * a datasource given by name only, or a variable, is taken as SQL when the target has {@code
 * rawSql}.
 */
final class GrafanaDashboards {

  private static final Set<String> SQL_TYPES =
      Set.of("postgres", "grafana-postgresql-datasource", "mysql", "grafana-mysql-datasource");

  private GrafanaDashboards() {}

  /** The dashboard object of a document, if it is a Grafana dashboard. */
  static Optional<Obj> dashboard(Value root) {
    if (!(root instanceof Obj obj)) {
      return Optional.empty();
    }
    Optional<Obj> wrapped = obj.obj("dashboard").filter(GrafanaDashboards::hasPanels);
    if (wrapped.isPresent()) {
      return wrapped;
    }
    return hasPanels(obj) && obj.get("schemaVersion").isPresent()
        ? Optional.of(obj)
        : Optional.empty();
  }

  private static boolean hasPanels(Obj obj) {
    return obj.get("panels").isPresent() || obj.get("rows").isPresent();
  }

  /** The SQL queries of a dashboard, in document order. */
  static List<DashboardQuery> queries(Obj dashboard, String fileName) {
    String title = dashboard.text("title").isBlank() ? fileName : dashboard.text("title");
    List<DashboardQuery> queries = new ArrayList<>();
    List<Obj> panels = new ArrayList<>(dashboard.objects("panels"));
    dashboard.objects("rows").forEach(row -> panels.addAll(row.objects("panels")));
    panels.forEach(panel -> panel(panel, title, queries));
    return queries;
  }

  private static void panel(Obj panel, String dashboardTitle, List<DashboardQuery> queries) {
    // A collapsed row keeps its panels inside it.
    panel.objects("panels").forEach(inner -> panel(inner, dashboardTitle, queries));
    String panelTitle =
        panel.text("title").isBlank() ? "panel " + panel.text("id") : panel.text("title");
    for (Obj target : panel.objects("targets")) {
      Optional<Scalar> rawSql = target.scalar("rawSql").filter(Scalar::string);
      if (rawSql.isEmpty() || rawSql.get().text().isBlank()) {
        continue;
      }
      Optional<Value> datasource = target.get("datasource").or(() -> panel.get("datasource"));
      if (!sqlDatasource(datasource)) {
        continue;
      }
      queries.add(
          new DashboardQuery(
              GrafanaMacros.neutralise(rawSql.get().text()),
              rawSql.get().line(),
              false,
              dashboardTitle + " / " + panelTitle));
    }
  }

  /** Whether a target's datasource may be a SQL database. */
  static boolean sqlDatasource(Optional<Value> datasource) {
    if (datasource.isEmpty() || !(datasource.get() instanceof Obj obj)) {
      return true;
    }
    String type = obj.text("type").toLowerCase(Locale.ROOT);
    return type.isEmpty() || type.startsWith("$") || SQL_TYPES.contains(type);
  }
}
