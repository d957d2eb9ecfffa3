package dev.blastradius.lang.migrations;

import dev.blastradius.schema.SqlDialect;
import java.util.Locale;
import java.util.Set;

/**
 * Liquibase's {@code dbms} filter on change sets and changes: a comma-separated list of database
 * ids ({@code postgresql}, {@code mysql}, …), {@code all}, {@code none}, and {@code !id} to exclude
 * one. A change set whose filter excludes the target database never ran there.
 */
final class LiquibaseDbms {

  private LiquibaseDbms() {}

  /** True when a change set with this {@code dbms} attribute (or none) runs on {@code dialect}. */
  static boolean runsOn(String dbms, SqlDialect dialect) {
    if (dbms == null || dbms.isBlank()) {
      return true;
    }
    Set<String> ours = ids(dialect);
    boolean anyPositive = false;
    boolean positiveMatch = false;
    for (String part : dbms.split(",")) {
      String id = part.strip().toLowerCase(Locale.ROOT);
      if (id.isEmpty()) {
        continue;
      }
      if (id.startsWith("!")) {
        if (ours.contains(id.substring(1).strip())) {
          return false;
        }
        continue;
      }
      if (id.equals("none")) {
        return false;
      }
      anyPositive = true;
      positiveMatch |= id.equals("all") || ours.contains(id);
    }
    return !anyPositive || positiveMatch;
  }

  /** Liquibase's database ids for a dialect (MariaDB is analysed as MySQL). */
  private static Set<String> ids(SqlDialect dialect) {
    return switch (dialect) {
      case POSTGRES -> Set.of("postgresql");
      case MYSQL -> Set.of("mysql", "mariadb");
    };
  }
}
