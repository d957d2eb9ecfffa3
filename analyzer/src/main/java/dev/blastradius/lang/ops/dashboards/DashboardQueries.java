package dev.blastradius.lang.ops.dashboards;

import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.source.Location;
import java.util.List;

/**
 * Records the queries of one dashboard file: each query is a code unit of its own and a {@code
 * dashboard} entry point named after its panel or question; its SQL goes through the SQL frontend
 * and its accesses are placed at the line of the SQL value.
 */
final class DashboardQueries {

  private DashboardQueries() {}

  /** The code unit of the {@code index}-th query (1-based) of a file. */
  static String unitId(String path, int index) {
    return "dashboard:" + path + "#" + index;
  }

  static void record(
      FileFacts.Builder facts, String path, List<DashboardQuery> queries, ExtractContext context) {
    for (int i = 0; i < queries.size(); i++) {
      DashboardQuery query = queries.get(i);
      String unitId = unitId(path, i + 1);
      Location site = Location.ofLine(path, query.line());
      facts.unit(new CodeUnit(unitId, path, unitId, 0, site));
      facts.entryPoint(unitId, new EntryPoint(EntryPointKind.DASHBOARD, query.name(), site));
      SqlAnalysis analysis = context.sql().analyze(query.sql(), context.catalog());
      HostedSql.record(
          facts,
          analysis,
          unitId,
          Via.SQL,
          Confidence.CERTAIN,
          s -> Location.ofLine(path, query.fileLine(s.startLine())),
          s -> HostedSql.snippet(s.text()),
          "extract");
    }
  }
}
