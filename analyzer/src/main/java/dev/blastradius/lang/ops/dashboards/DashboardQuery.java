package dev.blastradius.lang.ops.dashboards;

/**
 * One query of a dashboard, question or saved query, ready for the SQL frontend.
 *
 * @param sql plain SQL: macros, variables and parameters already replaced
 * @param line the line of the SQL value in the file
 * @param linesFollow whether the SQL's own lines follow {@code line} in the file (a YAML block
 *     scalar); false when the value is one line of the file (a JSON string with {@code \n} escapes)
 * @param name the entry point's name: dashboard and panel title, question or query name
 */
record DashboardQuery(String sql, int line, boolean linesFollow, String name) {

  /** The file line of a statement that starts on line {@code sqlLine} of the SQL. */
  int fileLine(int sqlLine) {
    return linesFollow ? line + sqlLine : line;
  }
}
