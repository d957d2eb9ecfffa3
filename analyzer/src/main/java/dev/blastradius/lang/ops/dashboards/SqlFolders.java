package dev.blastradius.lang.ops.dashboards;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.source.Location;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of a plain {@code .sql} file by the folder it lives in (at any depth): under
 * {@code reports/}, {@code analytics/} or {@code queries/} it is run by a dashboard or an analyst;
 * under {@code docs/} it is documentation (a runbook step), shown but not counted in the blast
 * radius. The outermost such folder decides ({@code docs/reports/x.sql} is documentation). The
 * entry point is named by the file's path.
 */
public final class SqlFolders {

  private static final Map<String, EntryPointKind> FOLDERS =
      Map.of(
          "reports", EntryPointKind.DASHBOARD,
          "analytics", EntryPointKind.DASHBOARD,
          "queries", EntryPointKind.DASHBOARD,
          "docs", EntryPointKind.DOC);

  private SqlFolders() {}

  /** The entry point of the SQL file at {@code path}, if its folder gives one. */
  public static Optional<EntryPoint> entryPoint(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      EntryPointKind kind = FOLDERS.get(segments[i]);
      if (kind != null) {
        return Optional.of(new EntryPoint(kind, path, Location.ofLine(path, 1)));
      }
    }
    return Optional.empty();
  }
}
