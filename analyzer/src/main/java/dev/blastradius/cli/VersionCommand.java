package dev.blastradius.cli;

import dev.blastradius.report.ToolInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code blastradius version}. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(ToolInfo.NAME + " " + ToolInfo.version());
    return ExitCode.OK.code();
  }
}
