package dev.blastradius.cli;

import dev.blastradius.config.ProjectConfig;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.pipeline.CheckPolicy;
import dev.blastradius.pipeline.MigrationDirectory;
import dev.blastradius.rules.ColumnPair;
import dev.blastradius.rules.Level;
import dev.blastradius.rules.RuleCatalog;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.Suppression;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * Turns the judging part of {@code blastradius.yaml} into a {@link CheckPolicy}, checking every
 * name against what blastradius knows: rule ids and packs against the catalogue, entry-point kinds
 * against ours, columns against the dialect's identifier rules. A bad name is a usage error (exit
 * 2) that names the file and line.
 */
final class ConfiguredPolicy {

  private ConfiguredPolicy() {}

  /** The configured packs, checked against the catalogue; empty means all. */
  static Set<String> packs(ProjectConfig config, String file, CommandLine cl) {
    List<String> known = RuleCatalog.bundled().packs();
    Set<String> packs = new TreeSet<>();
    for (ProjectConfig.Named pack : config.packs()) {
      if (!known.contains(pack.name())) {
        throw bad(
            cl,
            file,
            pack.line(),
            "unknown pack '" + pack.name() + "' (known: " + String.join(", ", known) + ")");
      }
      packs.add(pack.name());
    }
    return packs;
  }

  /**
   * The migration directories of {@code migrations:}, as layouts over report-relative paths; an
   * unknown tool or a path that is not a directory under the scan root is a usage error.
   */
  static List<MigrationDirectory> migrationDirectories(
      ProjectConfig config, String file, Path scanRoot, Path reportRoot, CommandLine cl) {
    String prefix = SourceTree.relativize(reportRoot, scanRoot);
    prefix = prefix.isEmpty() || prefix.equals(".") ? "" : prefix + "/";
    List<MigrationDirectory> layouts = new ArrayList<>();
    for (ProjectConfig.MigrationDir dir : config.migrations()) {
      if (!MigrationDirectory.TOOLS.contains(dir.tool())) {
        throw bad(
            cl,
            file,
            dir.line(),
            "migrations: unknown tool '"
                + dir.tool()
                + "' (known: "
                + String.join(", ", MigrationDirectory.TOOLS)
                + ")");
      }
      Path directory = scanRoot.resolve(dir.path()).normalize();
      if (!directory.startsWith(scanRoot.normalize())
          || !java.nio.file.Files.isDirectory(directory)) {
        throw bad(
            cl,
            file,
            dir.line(),
            "migrations: path '" + dir.path() + "' is not a directory under the scan root");
      }
      String relative = SourceTree.relativize(scanRoot.normalize(), directory);
      layouts.add(
          new MigrationDirectory(dir.tool(), prefix + (relative.equals(".") ? "" : relative)));
    }
    return layouts;
  }

  static CheckPolicy of(
      ProjectConfig config,
      String file,
      SqlDialect dialect,
      Path scanRoot,
      Path reportRoot,
      CommandLine cl) {
    RuleCatalog catalog = RuleCatalog.bundled();
    Map<String, Optional<Level>> levels = new HashMap<>();
    for (ProjectConfig.Severity severity : config.severity()) {
      requireRule(catalog, severity.ruleId(), file, severity.line(), "severity", cl);
      levels.put(
          severity.ruleId(),
          severity.level().equals("off")
              ? Optional.empty()
              : Optional.of(Level.fromName(severity.level())));
    }
    // ignore paths are relative to the scan root, like include/exclude; findings use report paths.
    String prefix = SourceTree.relativize(reportRoot, scanRoot);
    prefix = prefix.isEmpty() || prefix.equals(".") ? "" : prefix + "/";
    List<Suppression> ignores = new ArrayList<>();
    for (ProjectConfig.Ignore ignore : config.ignore()) {
      for (String id : ignore.ruleIds()) {
        requireRule(catalog, id, file, ignore.line(), "ignore", cl);
      }
      ignores.add(
          new Suppression(
              ignore.ruleIds(),
              ignore.reason(),
              Location.ofLine(
                  SourceTree.relativize(reportRoot, Path.of(file).toAbsolutePath()), ignore.line()),
              0,
              Suppression.Scope.CONFIG,
              prefix + ignore.path()));
    }
    Identifiers identifiers = new Identifiers(dialect);
    List<ColumnPair> pairs = new ArrayList<>();
    for (ProjectConfig.Pair pair : config.pairs()) {
      ColumnRef old = column(identifiers, pair.old(), file, pair.line(), cl);
      List<ColumnRef> replacements = new ArrayList<>();
      for (String replacement : pair.replacements()) {
        replacements.add(column(identifiers, replacement, file, pair.line(), cl));
      }
      pairs.add(
          new ColumnPair(
              old,
              replacements,
              Location.ofLine(
                  SourceTree.relativize(reportRoot, Path.of(file).toAbsolutePath()), pair.line())));
    }
    List<CheckPolicy.GlobEntryPoint> entryPoints = new ArrayList<>();
    for (ProjectConfig.EntryPointGlob entry : config.entryPoints()) {
      EntryPointKind kind =
          EntryPointKind.fromJsonName(entry.kind())
              .orElseThrow(
                  () ->
                      bad(
                          cl,
                          file,
                          entry.line(),
                          "entryPoints: unknown kind '"
                              + entry.kind()
                              + "' (known: "
                              + String.join(
                                  ", ",
                                  Arrays.stream(EntryPointKind.values())
                                      .map(EntryPointKind::jsonName)
                                      .toList())
                              + ")"));
      entryPoints.add(new CheckPolicy.GlobEntryPoint(prefix + entry.glob(), kind));
    }
    return new CheckPolicy(ignores, levels, pairs, entryPoints);
  }

  private static void requireRule(
      RuleCatalog catalog, String id, String file, int line, String key, CommandLine cl) {
    if (catalog.rule(id).isEmpty()) {
      List<String> close =
          catalog.rules().stream()
              .map(RuleMetadata::id)
              .filter(known -> known.contains(id) || id.contains(known))
              .toList();
      throw bad(
          cl,
          file,
          line,
          key
              + ": unknown rule '"
              + id
              + "'"
              + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)")
              + "; `blastradius rules` lists them");
    }
  }

  private static ColumnRef column(
      Identifiers identifiers, String text, String file, int line, CommandLine cl) {
    try {
      return identifiers.parseColumn(text);
    } catch (IllegalArgumentException e) {
      throw bad(cl, file, line, "pairs: " + e.getMessage());
    }
  }

  private static CommandLine.ParameterException bad(
      CommandLine cl, String file, int line, String message) {
    return new CommandLine.ParameterException(cl, file + ":" + line + ": " + message);
  }
}
