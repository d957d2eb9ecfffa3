package dev.blastradius.config;

import dev.blastradius.schema.SqlDialect;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code blastradius.yaml}. Command-line options override them.
 *
 * @param dialect the database dialect, if set
 * @param include globs (relative to the scan root) of the files to analyse; empty means all
 * @param exclude globs of files and directories to leave out
 * @param pgVersion the target Postgres version as written ({@code 13}, {@code 13.4}), if set
 * @param mysqlVersion the target MySQL version as X.Y.Z, if set
 */
public record ProjectConfig(
    Optional<SqlDialect> dialect,
    List<String> include,
    List<String> exclude,
    Optional<String> pgVersion,
    Optional<String> mysqlVersion) {

  /** No configuration file. */
  public static final ProjectConfig EMPTY =
      new ProjectConfig(Optional.empty(), List.of(), List.of());

  public ProjectConfig {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Settings without target versions. */
  public ProjectConfig(Optional<SqlDialect> dialect, List<String> include, List<String> exclude) {
    this(dialect, include, exclude, Optional.empty(), Optional.empty());
  }
}
