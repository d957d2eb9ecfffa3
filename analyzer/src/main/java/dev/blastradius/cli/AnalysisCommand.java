package dev.blastradius.cli;

import dev.blastradius.config.ConfigException;
import dev.blastradius.config.ConfigLoader;
import dev.blastradius.config.ProjectConfig;
import dev.blastradius.pipeline.AnalysisOptions;
import dev.blastradius.rules.RuleSettings;
import dev.blastradius.schema.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shared part of {@code scan}, {@code who} and {@code check}: turns the common options and
 * {@code blastradius.yaml} into {@link AnalysisOptions}, with usage errors that name the option.
 */
abstract class AnalysisCommand {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  /** The scan root argument, or {@code .}. */
  abstract Path scanRootArgument();

  /** Builds the options for commands without a migration under review. */
  AnalysisOptions options(List<Path> proposed) {
    return options(proposed, Optional.empty());
  }

  /**
   * Builds the options; {@code proposed} are the {@code --migration} files, already expanded, and
   * {@code assumeInTransaction} the {@code --[no-]assume-in-transaction} choice, if any.
   */
  AnalysisOptions options(List<Path> proposed, Optional<Boolean> assumeInTransaction) {
    CommandLine cl = spec.commandLine();
    Path scanRoot = scanRootArgument().toAbsolutePath().normalize();
    if (!Files.isDirectory(scanRoot)) {
      throw new CommandLine.ParameterException(
          cl, "scan root '" + scanRootArgument() + "' is not a directory");
    }
    ProjectConfig config = config(scanRoot, cl);
    SqlDialect dialect = dialect(config, cl);
    validateVersions(cl);
    // --pg-version and --mysql-version win over blastradius.yaml, which wins over the defaults.
    String pgVersion =
        common.pgVersion != null ? common.pgVersion : config.pgVersion().orElse(null);
    String mysqlVersion =
        common.mysqlVersion != null
            ? common.mysqlVersion
            : config.mysqlVersion().orElse(RuleSettings.DEFAULT_MYSQL_VERSION);
    if (common.threads < 1) {
      throw new CommandLine.ParameterException(
          cl, "--threads must be at least 1, was " + common.threads);
    }
    Path reportRoot = reportRoot(scanRoot, cl);
    List<String> include = new ArrayList<>(config.include());
    include.addAll(common.include);
    List<String> exclude = new ArrayList<>(config.exclude());
    exclude.addAll(common.exclude);
    RuleSettings settings =
        new RuleSettings(
            dialect,
            pgVersion == null
                ? RuleSettings.DEFAULT_PG_MAJOR
                : Integer.parseInt(pgVersion.split("\\.", -1)[0]),
            mysqlVersion,
            assumeInTransaction);
    String configName = configFile(scanRoot).toString();
    return new AnalysisOptions(
        scanRoot,
        reportRoot,
        settings,
        proposed,
        include,
        exclude,
        common.threads,
        AnalysisOptions.DEFAULT_SQL_TIME_LIMIT,
        ConfiguredPolicy.packs(config, configName, cl),
        ConfiguredPolicy.of(config, configName, dialect, scanRoot, reportRoot, cl),
        ConfiguredPolicy.migrationDirectories(config, configName, scanRoot, reportRoot, cl));
  }

  private Path configFile(Path scanRoot) {
    return common.config != null ? common.config : scanRoot.resolve("blastradius.yaml");
  }

  private ProjectConfig config(Path scanRoot, CommandLine cl) {
    Path file = configFile(scanRoot);
    if (common.config == null && !Files.exists(file)) {
      return ProjectConfig.EMPTY;
    }
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cl, "--config: no such file: " + file);
    }
    try {
      return ConfigLoader.load(file);
    } catch (ConfigException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }

  private SqlDialect dialect(ProjectConfig config, CommandLine cl) {
    if (common.dialect == null) {
      return config.dialect().orElse(SqlDialect.POSTGRES);
    }
    try {
      return SqlDialect.fromName(common.dialect);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--dialect: " + e.getMessage());
    }
  }

  /** {@code --pg-version 14.5} means 14; {@code --mysql-version} must be X.Y.Z. */
  private void validateVersions(CommandLine cl) {
    if (common.pgVersion != null) {
      String major = common.pgVersion.split("\\.", -1)[0];
      if (major.isEmpty() || !major.chars().allMatch(Character::isDigit)) {
        throw new CommandLine.ParameterException(
            cl,
            "--pg-version: '"
                + common.pgVersion
                + "' is not a Postgres version such as 14 or 14.5");
      }
    }
    if (common.mysqlVersion != null) {
      String[] parts = common.mysqlVersion.split("\\.", -1);
      boolean valid =
          parts.length == 3
              && java.util.Arrays.stream(parts)
                  .allMatch(p -> !p.isEmpty() && p.chars().allMatch(Character::isDigit));
      if (!valid) {
        throw new CommandLine.ParameterException(
            cl, "--mysql-version: '" + common.mysqlVersion + "' is not X.Y.Z such as 8.0.36");
      }
    }
  }

  /** {@code --repo-root}, else the nearest directory holding {@code .git}, else the scan root. */
  private Path reportRoot(Path scanRoot, CommandLine cl) {
    if (common.repoRoot != null) {
      Path root = common.repoRoot.toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        throw new CommandLine.ParameterException(
            cl, "--repo-root: not a directory: " + common.repoRoot);
      }
      return root;
    }
    for (Path dir = scanRoot; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return scanRoot;
  }
}
