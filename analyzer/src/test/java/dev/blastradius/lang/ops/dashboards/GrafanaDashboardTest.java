package dev.blastradius.lang.ops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Grafana dashboard JSON: rawSql targets of panels, rows and collapsed rows; macros; datasources.
 */
class GrafanaDashboardTest {

  static ExtractorTestHelper withOrders() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__orders.sql",
            """
            -- expect: ddl orders.id, ddl orders.total, ddl orders.region, ddl orders.created_at
            CREATE TABLE orders (id bigint PRIMARY KEY, total numeric, region text, created_at timestamptz);
            """);
  }

  @Test
  void positive_panelTargetsWithMacrosAndVariables() {
    AnalysisResult result =
        withOrders()
            .source(
                "dashboards/sales.json",
                """
                {
                  "title": "Sales",
                  "schemaVersion": 39,
                  "panels": [
                    {
                      "title": "Revenue",
                      "datasource": {"type": "grafana-postgresql-datasource", "uid": "pg"},
                      "targets": [
                        {
                          "format": "time_series",
                          "rawSql": "SELECT $__timeGroupAlias(created_at, '1h'), sum(total) FROM orders\\nWHERE $__timeFilter(created_at) AND region IN ($region)\\nGROUP BY 1"
                        }
                      ]
                    },
                    {
                      "type": "row",
                      "title": "Details",
                      "collapsed": true,
                      "panels": [
                        {
                          "title": "Latest",
                          "targets": [
                            {"rawQuery": true, "rawSql": "SELECT id FROM orders WHERE created_at > $__timeFrom() AND region = '${region}' LIMIT [[limit]]"}
                          ]
                        }
                      ]
                    }
                  ]
                }
                """)
            .source(
                "dashboards/sales.json.expect",
                """
                11: read orders.created_at @dashboard, read orders.total @dashboard, read orders.region @dashboard
                23: read orders.id @dashboard, read orders.created_at @dashboard, read orders.region @dashboard
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().startLine() == 11)
        .flatMap(Access::entryPoints)
        .extracting(EntryPoint::kind, EntryPoint::name)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(EntryPointKind.DASHBOARD, "Sales / Revenue"));
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().startLine() == 23)
        .flatMap(Access::entryPoints)
        .extracting(EntryPoint::name)
        .containsOnly("Sales / Latest");
  }

  @Test
  void positive_apiExportWithOldRows() {
    withOrders()
        .source(
            "ops/grafana/export.json",
            """
            {"dashboard": {"title": "Ops", "rows": [{"panels": [
              {"title": "Regions", "datasource": "PostgreSQL", "targets": [
                {"rawSql": "SELECT region, count(*) FROM orders GROUP BY region"}]}]}]},
             "meta": {"slug": "ops"}}
            """)
        .source(
            "ops/grafana/export.json.expect",
            """
            3: read orders.region @dashboard, read orders.* @dashboard
            """)
        .doTest();
  }

  @Test
  void negative_nonSqlDatasourceAndNonDashboardJson() {
    AnalysisResult result =
        withOrders()
            .source(
                "dashboards/metrics.json",
                """
                {"title": "Metrics", "schemaVersion": 39, "panels": [
                  {"title": "Influx", "datasource": {"type": "influxdb", "uid": "x"},
                   "targets": [{"rawQuery": true, "rawSql": "SELECT total FROM orders", "query": "SELECT mean(v) FROM cpu"}]},
                  {"title": "Prometheus", "datasource": {"type": "prometheus"}, "targets": [{"expr": "up"}]}
                ]}
                """)
            .source("dashboards/metrics.json.expect", "1: none\n")
            .source(
                "config/settings.json",
                """
                {"rawSql": "SELECT total FROM orders", "panels": []}
                """)
            .source("config/settings.json.expect", "1: none\n")
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_malformedDashboardIsAProblem() {
    AnalysisResult result =
        withOrders()
            .source(
                "dashboards/broken.json",
                """
                {"title": "Broken", "schemaVersion": 39, "panels": [
                  {"targets": [{"rawSql": "SELECT total FROM orders"}
                """)
            .source("dashboards/broken.json.expect", "1: none\n")
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("dashboards/broken.json"))
        .satisfies(p -> assertThat(p.cause()).contains("not valid JSON"));
  }

  @Test
  void macrosKeepTheColumnsTheyWrap() {
    assertThat(GrafanaMacros.neutralise("WHERE $__timeFilter(created_at) AND x = $v"))
        .isEqualTo("WHERE      coalesce(created_at) AND x = blastradius_dynamic");
    assertThat(GrafanaMacros.neutralise("SELECT $__interval_ms, $1, $$a$$"))
        .isEqualTo("SELECT 0             , $1, $$a$$");
  }
}
