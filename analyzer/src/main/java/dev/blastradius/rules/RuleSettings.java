package dev.blastradius.rules;

import dev.blastradius.schema.SqlDialect;
import java.util.List;
import java.util.Optional;

/**
 * What the user told us about the target database and how migrations run.
 *
 * @param pgMajor the Postgres major version ({@code --pg-version}, default 14)
 * @param mysqlVersion the MySQL version as X.Y.Z ({@code --mysql-version}, default 8.0.36)
 * @param assumeInTransaction {@code --[no-]assume-in-transaction}; empty means the migration tool's
 *     default
 * @param pairs replacement columns declared in {@code blastradius.yaml} ({@code pairs:})
 */
public record RuleSettings(
    SqlDialect dialect,
    int pgMajor,
    String mysqlVersion,
    Optional<Boolean> assumeInTransaction,
    List<ColumnPair> pairs) {

  public RuleSettings {
    pairs = List.copyOf(pairs);
  }

  /** Settings without declared pairs. */
  public RuleSettings(
      SqlDialect dialect, int pgMajor, String mysqlVersion, Optional<Boolean> assumeInTransaction) {
    this(dialect, pgMajor, mysqlVersion, assumeInTransaction, List.of());
  }

  /** The same settings with {@code declared} pairs. */
  public RuleSettings withPairs(List<ColumnPair> declared) {
    return new RuleSettings(dialect, pgMajor, mysqlVersion, assumeInTransaction, declared);
  }

  public static final int DEFAULT_PG_MAJOR = 14;
  public static final String DEFAULT_MYSQL_VERSION = "8.0.36";

  /** The defaults of DESIGN §4. */
  public static RuleSettings defaults(SqlDialect dialect) {
    return new RuleSettings(dialect, DEFAULT_PG_MAJOR, DEFAULT_MYSQL_VERSION, Optional.empty());
  }

  /** True when the MySQL version is at least {@code major.minor.patch}. */
  public boolean mysqlAtLeast(int major, int minor, int patch) {
    String[] parts = mysqlVersion.split("\\.");
    int[] have = new int[3];
    for (int i = 0; i < 3 && i < parts.length; i++) {
      have[i] = Integer.parseInt(parts[i]);
    }
    if (have[0] != major) {
      return have[0] > major;
    }
    if (have[1] != minor) {
      return have[1] > minor;
    }
    return have[2] >= patch;
  }
}
