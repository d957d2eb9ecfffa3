package dev.blastradius.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The command-line entry point; it only exits. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command with the process's standard streams; package private for tests. */
  static int run(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    return run(args, out, err);
  }

  /**
   * Runs a command without calling {@link System#exit}: results go to {@code out}, messages to
   * {@code err}; returns the exit code.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new BlastRadiusCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println("blastradius: " + e.getMessage());
          CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
          err.println("Try 'blastradius " + subcommandPath(spec) + "--help' for usage.");
          err.flush();
          return ExitCode.USAGE.code();
        });
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          err.println("blastradius: internal error: " + e);
          e.printStackTrace(err);
          err.flush();
          return ExitCode.ERROR.code();
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String subcommandPath(CommandLine.Model.CommandSpec spec) {
    String qualified = spec.qualifiedName(" ");
    int space = qualified.indexOf(' ');
    return space < 0 ? "" : qualified.substring(space + 1) + " ";
  }
}
