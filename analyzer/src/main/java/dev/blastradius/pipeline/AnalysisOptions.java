package dev.blastradius.pipeline;

import dev.blastradius.rules.RuleSettings;
import dev.blastradius.schema.SqlDialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one analysis run needs, resolved from the command line and {@code blastradius.yaml}.
 *
 * @param scanRoot the directory to scan
 * @param reportRoot output paths are relative to it ({@code --repo-root})
 * @param rules the target database's dialect and versions, and the transaction assumption
 * @param proposedMigrations the migration files under review, absolute, in the order given
 * @param include globs relative to the scan root; empty means every file
 * @param exclude globs relative to the scan root
 * @param threads how many files to analyse at once
 * @param sqlTimeLimit the per-statement parse limit
 */
public record AnalysisOptions(
    Path scanRoot,
    Path reportRoot,
    RuleSettings rules,
    List<Path> proposedMigrations,
    List<String> include,
    List<String> exclude,
    int threads,
    Duration sqlTimeLimit) {

  /** The default per-statement SQL parse limit. */
  public static final Duration DEFAULT_SQL_TIME_LIMIT = Duration.ofSeconds(5);

  public AnalysisOptions {
    proposedMigrations = List.copyOf(proposedMigrations);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    if (threads < 1) {
      throw new IllegalStateException("threads must be at least 1, was " + threads);
    }
  }

  /** Options with default versions and transaction assumption, one thread, the default limit. */
  public static AnalysisOptions of(
      Path scanRoot,
      Path reportRoot,
      SqlDialect dialect,
      List<Path> proposed,
      List<String> include,
      List<String> exclude) {
    return new AnalysisOptions(
        scanRoot,
        reportRoot,
        RuleSettings.defaults(dialect),
        proposed,
        include,
        exclude,
        1,
        DEFAULT_SQL_TIME_LIMIT);
  }

  /** The SQL dialect. */
  public SqlDialect dialect() {
    return rules.dialect();
  }
}
