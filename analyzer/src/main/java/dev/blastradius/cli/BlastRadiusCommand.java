package dev.blastradius.cli;

import dev.blastradius.report.ToolInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: only dispatches to subcommands. */
@Command(
    name = "blastradius",
    mixinStandardHelpOptions = true,
    versionProvider = BlastRadiusCommand.Version.class,
    description = "Who reads and writes every column, and is this migration safe to run?",
    subcommands = {
      ScanCommand.class,
      WhoCommand.class,
      CheckCommand.class,
      RulesCommand.class,
      VersionCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 unexpected error, 2 usage error, 4 findings at or above --fail-on,",
      "5 some inputs could not be analysed (results may be incomplete)."
    })
final class BlastRadiusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code();
  }

  /** {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolInfo.NAME + " " + ToolInfo.version()};
    }
  }
}
