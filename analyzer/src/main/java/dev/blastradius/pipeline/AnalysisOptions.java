package dev.blastradius.pipeline;

import dev.blastradius.rules.RuleSettings;
import dev.blastradius.schema.SqlDialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

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
 * @param packs the rule packs {@code check} runs ({@code --packs}); empty means all
 * @param policy waivers, levels, column pairs and configured entry points from {@code
 *     blastradius.yaml}
 * @param migrationDirectories migration directories configured in {@code blastradius.yaml} ({@code
 *     migrations:}), claimed before discovery's own layouts
 */
public record AnalysisOptions(
    Path scanRoot,
    Path reportRoot,
    RuleSettings rules,
    List<Path> proposedMigrations,
    List<String> include,
    List<String> exclude,
    int threads,
    Duration sqlTimeLimit,
    Set<String> packs,
    CheckPolicy policy,
    List<MigrationDirectory> migrationDirectories) {

  /** The default per-statement SQL parse limit. */
  public static final Duration DEFAULT_SQL_TIME_LIMIT = Duration.ofSeconds(5);

  public AnalysisOptions {
    proposedMigrations = List.copyOf(proposedMigrations);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    packs = Set.copyOf(packs);
    migrationDirectories = List.copyOf(migrationDirectories);
    if (threads < 1) {
      throw new IllegalStateException("threads must be at least 1, was " + threads);
    }
  }

  /** Options without configured migration directories. */
  public AnalysisOptions(
      Path scanRoot,
      Path reportRoot,
      RuleSettings rules,
      List<Path> proposedMigrations,
      List<String> include,
      List<String> exclude,
      int threads,
      Duration sqlTimeLimit,
      Set<String> packs,
      CheckPolicy policy) {
    this(
        scanRoot,
        reportRoot,
        rules,
        proposedMigrations,
        include,
        exclude,
        threads,
        sqlTimeLimit,
        packs,
        policy,
        List.of());
  }

  /** Options without a check policy. */
  public AnalysisOptions(
      Path scanRoot,
      Path reportRoot,
      RuleSettings rules,
      List<Path> proposedMigrations,
      List<String> include,
      List<String> exclude,
      int threads,
      Duration sqlTimeLimit,
      Set<String> packs) {
    this(
        scanRoot,
        reportRoot,
        rules,
        proposedMigrations,
        include,
        exclude,
        threads,
        sqlTimeLimit,
        packs,
        CheckPolicy.NONE);
  }

  /** The same options with a check policy. */
  public AnalysisOptions withPolicy(CheckPolicy newPolicy) {
    return new AnalysisOptions(
        scanRoot,
        reportRoot,
        rules,
        proposedMigrations,
        include,
        exclude,
        threads,
        sqlTimeLimit,
        packs,
        newPolicy,
        migrationDirectories);
  }

  /** Options that run every rule pack. */
  public AnalysisOptions(
      Path scanRoot,
      Path reportRoot,
      RuleSettings rules,
      List<Path> proposedMigrations,
      List<String> include,
      List<String> exclude,
      int threads,
      Duration sqlTimeLimit) {
    this(
        scanRoot,
        reportRoot,
        rules,
        proposedMigrations,
        include,
        exclude,
        threads,
        sqlTimeLimit,
        Set.of());
  }

  /** The same options, running only the rule packs named (all when empty). */
  public AnalysisOptions withPacks(Set<String> selected) {
    return new AnalysisOptions(
        scanRoot,
        reportRoot,
        rules,
        proposedMigrations,
        include,
        exclude,
        threads,
        sqlTimeLimit,
        selected,
        policy,
        migrationDirectories);
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
