package dev.blastradius.cli;

import dev.blastradius.pipeline.NativeParsers;
import dev.blastradius.report.ToolInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blastradius version [--parsers]}. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--parsers",
      description =
          "Also load every native tree-sitter grammar and print its ABI version; exit 1 when one"
              + " cannot be loaded on this platform.")
  boolean parsers;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(ToolInfo.NAME + " " + ToolInfo.version());
    if (!parsers) {
      return ExitCode.OK.code();
    }
    boolean allLoaded = true;
    for (NativeParsers.Status status : NativeParsers.check()) {
      if (status.loaded()) {
        out.println(status.name() + ": " + status.detail());
      } else {
        allLoaded = false;
        spec.commandLine().getErr().println(status.name() + ": " + status.detail());
      }
    }
    out.flush();
    return allLoaded ? ExitCode.OK.code() : ExitCode.ERROR.code();
  }
}
