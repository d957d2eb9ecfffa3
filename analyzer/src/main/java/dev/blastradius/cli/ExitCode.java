package dev.blastradius.cli;

/** The exit codes of DESIGN §4 (PMD's). */
public enum ExitCode {
  /** Ran; nothing at or above {@code --fail-on}. */
  OK(0),
  /** Unexpected error. */
  ERROR(1),
  /** Usage or configuration error; the message names the bad option or file. */
  USAGE(2),
  /** Findings at or above {@code --fail-on}. */
  FINDINGS(4),
  /** Completed, but some inputs could not be analysed (problems), and no failing findings. */
  PROBLEMS(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }
}
