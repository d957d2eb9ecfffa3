package dev.blastradius.config;

import dev.blastradius.schema.SqlDialect;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code blastradius.yaml}. Command-line options override them. Entries that name
 * rules, packs, columns or entry-point kinds keep their line, so the command can report a name it
 * does not know at the place it was written.
 *
 * @param dialect the database dialect, if set
 * @param include globs (relative to the scan root) of the files to analyse; empty means all
 * @param exclude globs of files and directories to leave out
 * @param pgVersion the target Postgres version as written ({@code 13}, {@code 13.4}), if set
 * @param mysqlVersion the target MySQL version as X.Y.Z, if set
 * @param packs the rule packs {@code check} runs when {@code --packs} is not given; empty = all
 * @param severity per-rule levels ({@code error}, {@code warning}, {@code note}, {@code off})
 * @param ignore waivers: a rule (or several) on the paths matching a glob, with a reason
 * @param pairs declared replacement columns
 * @param entryPoints files matching a glob are entry points of a kind
 */
public record ProjectConfig(
    Optional<SqlDialect> dialect,
    List<String> include,
    List<String> exclude,
    Optional<String> pgVersion,
    Optional<String> mysqlVersion,
    List<Named> packs,
    List<Severity> severity,
    List<Ignore> ignore,
    List<Pair> pairs,
    List<EntryPointGlob> entryPoints,
    List<MigrationDir> migrations) {

  /** No configuration file. */
  public static final ProjectConfig EMPTY =
      new ProjectConfig(Optional.empty(), List.of(), List.of());

  public ProjectConfig {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    packs = List.copyOf(packs);
    severity = List.copyOf(severity);
    ignore = List.copyOf(ignore);
    pairs = List.copyOf(pairs);
    entryPoints = List.copyOf(entryPoints);
    migrations = List.copyOf(migrations);
  }

  /** Everything but {@code migrations:}. */
  public ProjectConfig(
      Optional<SqlDialect> dialect,
      List<String> include,
      List<String> exclude,
      Optional<String> pgVersion,
      Optional<String> mysqlVersion,
      List<Named> packs,
      List<Severity> severity,
      List<Ignore> ignore,
      List<Pair> pairs,
      List<EntryPointGlob> entryPoints) {
    this(
        dialect,
        include,
        exclude,
        pgVersion,
        mysqlVersion,
        packs,
        severity,
        ignore,
        pairs,
        entryPoints,
        List.of());
  }

  /** Settings of what to scan and the target versions only. */
  public ProjectConfig(
      Optional<SqlDialect> dialect,
      List<String> include,
      List<String> exclude,
      Optional<String> pgVersion,
      Optional<String> mysqlVersion) {
    this(
        dialect,
        include,
        exclude,
        pgVersion,
        mysqlVersion,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** Settings without target versions. */
  public ProjectConfig(Optional<SqlDialect> dialect, List<String> include, List<String> exclude) {
    this(dialect, include, exclude, Optional.empty(), Optional.empty());
  }

  /** A name (a pack) at a line of the file. */
  public record Named(String name, int line) {}

  /** {@code severity: {rule-id: level}}; {@code level} is error, warning, note or off. */
  public record Severity(String ruleId, String level, int line) {}

  /** {@code ignore: [{rule, path, reason}]}; {@code rule} may list several ids. */
  public record Ignore(List<String> ruleIds, String path, String reason, int line) {
    public Ignore {
      ruleIds = List.copyOf(ruleIds);
    }
  }

  /** {@code pairs: [{old: users.name, new: [users.first_name, users.last_name]}]}. */
  public record Pair(String old, List<String> replacements, int line) {
    public Pair {
      replacements = List.copyOf(replacements);
    }
  }

  /** {@code migrations: [{tool: flyway, path: db/sql}]}. */
  public record MigrationDir(String tool, String path, int line) {}

  /** {@code entryPoints: [{glob: "ops/*.py", kind: script}]}. */
  public record EntryPointGlob(String glob, String kind, int line) {}
}
