package dev.blastradius.cli;

import dev.blastradius.pipeline.AnalysisOptions;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.pipeline.Analyzer;
import dev.blastradius.pipeline.BaseCheckout;
import dev.blastradius.pipeline.ProposedMigrations;
import dev.blastradius.report.ReportModel;
import dev.blastradius.rules.Baseline;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Level;
import dev.blastradius.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code blastradius check --migration FILE [ROOT]} or {@code check --base REV [ROOT]}: judges the
 * proposed migrations against the rules, using the graph of the code as it is and, with {@code
 * --base}, the graph of the code at REV.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Check proposed migrations against the rule packs, using who reads and writes what.")
final class CheckCommand extends AnalysisCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ROOT",
      description = "Directory to scan. Default: .")
  Path root = Path.of(".");

  @Option(
      names = "--migration",
      paramLabel = "FILE",
      description =
          "A proposed migration file, or a directory of them (repeatable; relative to the current"
              + " directory). It is left out of the replayed history.")
  List<Path> migrations = new ArrayList<>();

  @Option(
      names = "--base",
      paramLabel = "REV",
      description =
          "Compare with git revision REV: migrations added or changed since REV are proposed, and"
              + " the code at REV is the release being replaced.")
  String base;

  @Option(
      names = "--packs",
      split = ",",
      paramLabel = "LIST",
      description = "Rule packs to run. Default: all.")
  List<String> packs = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Hide findings already in this earlier JSON or SARIF report of check.")
  Path baseline;

  @Option(
      names = "--sarif-category",
      paramLabel = "NAME",
      description = "SARIF automationDetails.id category.")
  String sarifCategory;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "error, warning, note or none: exit 4 when a finding is at or above it. Default: error.")
  String failOn = "error";

  @Option(
      names = "--assume-in-transaction",
      negatable = true,
      description = "Assume each migration runs in a transaction. Default: per migration tool.")
  Boolean assumeInTransaction;

  @Override
  Path scanRootArgument() {
    return root;
  }

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    ReportOutput output = ReportOutput.from(common, cl);
    Optional<Level> threshold = failOn(cl);
    if (migrations.isEmpty() && base == null) {
      throw new CommandLine.ParameterException(
          cl,
          "check needs --migration FILE (the migration under review) or --base REV (the"
              + " migrations added since REV)");
    }
    Optional<Baseline> hidden = baseline(cl);
    Set<String> selectedPacks = selectedPacks(cl);
    AnalysisOptions options = options(proposedFiles(cl), Optional.ofNullable(assumeInTransaction));
    if (!selectedPacks.isEmpty()) {
      // --packs wins over blastradius.yaml's packs.
      options = options.withPacks(selectedPacks);
    }
    AnalysisResult result = analyse(options, cl);
    if (hidden.isPresent()) {
      result = result.hiding(hidden.get());
    }
    output.write(
        new ReportModel(
            result,
            "check",
            Optional.empty(),
            Optional.ofNullable(sarifCategory),
            Optional.of(options.reportRoot())),
        cl.getOut(),
        cl);
    boolean failing =
        threshold.isPresent()
            && result.findings().stream()
                .map(Finding::level)
                .anyMatch(l -> l.atLeast(threshold.get()));
    if (failing) {
      return ExitCode.FINDINGS.code();
    }
    return (result.problems().isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS).code();
  }

  /** The analysis, with the code at {@code --base} checked out for its duration. */
  private AnalysisResult analyse(AnalysisOptions options, CommandLine cl) {
    if (base == null) {
      return Analyzer.standard().run(options, true);
    }
    BaseCheckout checkout;
    try {
      checkout = BaseCheckout.open(options.scanRoot(), options.reportRoot(), base);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--base: " + e.getMessage());
    }
    try (checkout) {
      return Analyzer.standard().run(options, true, Optional.of(checkout));
    }
  }

  /** The {@code --baseline} report, read before the analysis so a bad file fails fast. */
  private Optional<Baseline> baseline(CommandLine cl) {
    if (baseline == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Baseline.read(baseline));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          cl, "--baseline: " + baseline + " " + e.getMessage());
    }
  }

  private Optional<Level> failOn(CommandLine cl) {
    if (failOn.equals("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Level.fromName(failOn));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--fail-on: " + e.getMessage() + " or none");
    }
  }

  /** The {@code --packs} selection, checked against the packs in the catalogue; empty = all. */
  private Set<String> selectedPacks(CommandLine cl) {
    List<String> knownPacks = RuleCatalog.bundled().packs();
    Set<String> selected = new TreeSet<>();
    for (String pack : packs) {
      String name = pack.strip();
      if (!knownPacks.contains(name)) {
        throw new CommandLine.ParameterException(
            cl,
            "--packs: unknown pack '" + pack + "' (known: " + String.join(", ", knownPacks) + ")");
      }
      selected.add(name);
    }
    return selected;
  }

  /** Expands {@code --migration} directories into their SQL files, in migration order. */
  private List<Path> proposedFiles(CommandLine cl) {
    try {
      return ProposedMigrations.expand(migrations);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--migration: " + e.getMessage());
    }
  }
}
