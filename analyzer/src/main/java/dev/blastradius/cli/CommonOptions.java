package dev.blastradius.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every analysing command (DESIGN §4). */
final class CommonOptions {

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "LIST",
      description =
          "Output formats: text, json, sarif (html, markdown, dot, codequality are planned). Default: text.")
  List<String> formats = new ArrayList<>(List.of("text"));

  @Option(
      names = "--output",
      paramLabel = "PATH",
      description =
          "'-' for stdout; a directory (existing, ending in '/', or with several non-text formats)"
              + " gets report.json, report.sarif, …; otherwise one file for the one format.")
  String output;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file. Default: blastradius.yaml at the scan root, if present.")
  Path config;

  @Option(
      names = "--dialect",
      paramLabel = "postgres|mysql",
      description = "SQL dialect. Default: postgres.")
  String dialect;

  @Option(
      names = "--pg-version",
      paramLabel = "N",
      description = "Postgres major version (14.5 → 14). Default: 14.")
  String pgVersion;

  @Option(
      names = "--mysql-version",
      paramLabel = "X.Y.Z",
      description = "MySQL version. Default: 8.0.36.")
  String mysqlVersion;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description = "Only analyse matching files (repeatable).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Skip matching files (repeatable).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files analysed at once. Default: the number of cores.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description =
          "Paths in reports are relative to it. Default: the git top level, else the scan root.")
  Path repoRoot;

  @Option(names = "--quiet", description = "Do not print the text report to stdout.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Do not show progress on stderr.")
  boolean noProgress;
}
