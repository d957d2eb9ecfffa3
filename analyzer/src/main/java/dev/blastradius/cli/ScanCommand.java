package dev.blastradius.cli;

import dev.blastradius.pipeline.AnalysisOptions;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.pipeline.Analyzer;
import dev.blastradius.report.ReportModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code blastradius scan [ROOT]}: the inventory of every reader and writer of every column. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "List every read, write and DDL of every column, with entry points.")
final class ScanCommand extends AnalysisCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ROOT",
      description = "Directory to scan. Default: .")
  Path root = Path.of(".");

  @Override
  Path scanRootArgument() {
    return root;
  }

  @Override
  public Integer call() {
    ReportOutput output = ReportOutput.from(common, spec.commandLine());
    AnalysisOptions options = options(List.of());
    AnalysisResult result = Analyzer.standard().run(options, false);
    output.write(
        new ReportModel(
            result, "scan", Optional.empty(), Optional.empty(), Optional.of(options.reportRoot())),
        spec.commandLine().getOut(),
        spec.commandLine());
    return (result.problems().isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS).code();
  }
}
