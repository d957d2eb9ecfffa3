package dev.blastradius.testing;

import dev.blastradius.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process with captured output. */
public final class Cli {

  /** What a run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private Cli() {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }
}
