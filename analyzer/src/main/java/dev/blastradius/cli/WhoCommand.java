package dev.blastradius.cli;

import dev.blastradius.pipeline.AnalysisOptions;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.pipeline.Analyzer;
import dev.blastradius.report.ReportModel;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code blastradius who TABLE.COLUMN [ROOT]}: one column's readers and writers by entry point. */
@Command(
    name = "who",
    mixinStandardHelpOptions = true,
    description = "Show who reads and writes one column, grouped by entry point.")
final class WhoCommand extends AnalysisCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "TABLE.COLUMN",
      description = "The column, e.g. users.email.")
  String column;

  @Parameters(
      index = "1",
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
    ColumnRef target;
    try {
      target = new Identifiers(options.dialect()).parseColumn(column);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "TABLE.COLUMN: " + e.getMessage());
    }
    AnalysisResult result = Analyzer.standard().run(options, false);
    output.write(
        new ReportModel(
            result,
            "who",
            Optional.of(target),
            Optional.empty(),
            Optional.of(options.reportRoot())),
        spec.commandLine().getOut(),
        spec.commandLine());
    return (result.problems().isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS).code();
  }
}
