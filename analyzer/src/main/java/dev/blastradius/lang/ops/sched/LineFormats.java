package dev.blastradius.lang.ops.sched;

import dev.blastradius.graph.EntryPointKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The line-based scheduler formats: crontabs ({@code crontab}, {@code *.cron}, {@code cron.d/*}),
 * {@code Procfile}s and systemd service units.
 */
final class LineFormats {

  private static final Set<String> SYSTEMD_COMMANDS =
      Set.of("ExecStart", "ExecStartPre", "ExecStartPost");

  private LineFormats() {}

  /**
   * A crontab: {@code m h dom mon dow command}, or {@code @daily command}; files under {@code
   * cron.d/} have a user field before the command. Environment lines ({@code MAILTO=…}) and
   * comments are skipped. Every job is {@code cron}.
   */
  static List<ScheduledJob> crontab(String path, String text) {
    boolean userField = ("/" + path).contains("/cron.d/");
    List<ScheduledJob> jobs = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || isEnvironment(line)) {
        continue;
      }
      int fields = (line.startsWith("@") ? 1 : 5) + (userField ? 1 : 0);
      List<String> schedule = new ArrayList<>();
      String rest = line;
      for (int f = 0; f < fields && !rest.isEmpty(); f++) {
        int space = firstSpace(rest);
        schedule.add(space < 0 ? rest : rest.substring(0, space));
        rest = space < 0 ? "" : rest.substring(space).strip();
      }
      if (rest.isEmpty()) {
        continue;
      }
      String when = String.join(" ", schedule.subList(0, line.startsWith("@") ? 1 : 5));
      // An unescaped % ends the command: what follows is its standard input.
      int percent = rest.indexOf('%');
      String command = percent < 0 ? rest : rest.substring(0, percent);
      jobs.add(new ScheduledJob(EntryPointKind.CRON, "cron " + when, i + 1, command, ""));
    }
    return jobs;
  }

  /** {@code NAME=value}: a crontab environment line, not a job. */
  private static boolean isEnvironment(String line) {
    int equals = line.indexOf('=');
    int space = firstSpace(line);
    return equals > 0 && (space < 0 || equals < space) && !line.startsWith("@");
  }

  private static int firstSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A Procfile: {@code type: command}. {@code web} is {@code http}, {@code release} a {@code
   * script}, {@code clock}/{@code scheduler} {@code cron}, every other process a {@code worker}.
   */
  static List<ScheduledJob> procfile(String text) {
    List<ScheduledJob> jobs = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int colon = line.indexOf(':');
      if (line.startsWith("#") || colon <= 0) {
        continue;
      }
      String type = line.substring(0, colon).strip();
      EntryPointKind kind =
          switch (type) {
            case "web" -> EntryPointKind.HTTP;
            case "release" -> EntryPointKind.SCRIPT;
            case "clock", "scheduler", "cron" -> EntryPointKind.CRON;
            default -> EntryPointKind.WORKER;
          };
      jobs.add(
          new ScheduledJob(kind, "Procfile " + type, i + 1, line.substring(colon + 1).strip(), ""));
    }
    return jobs;
  }

  /**
   * A systemd service: its {@code ExecStart=} commands (prefixes {@code -@:+!} dropped), run in
   * {@code WorkingDirectory=}. It is {@code cron} when {@code timed} (a {@code .timer} of the same
   * name sits beside it), else a {@code worker}.
   */
  static List<ScheduledJob> systemdService(String fileName, String text, boolean timed) {
    List<ScheduledJob> jobs = new ArrayList<>();
    String directory = "";
    String[] lines = text.split("\n", -1);
    for (String line : lines) {
      if (line.strip().startsWith("WorkingDirectory=")) {
        directory = line.strip().substring("WorkingDirectory=".length());
      }
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int equals = line.indexOf('=');
      if (equals <= 0 || !SYSTEMD_COMMANDS.contains(line.substring(0, equals).strip())) {
        continue;
      }
      String command = line.substring(equals + 1).strip();
      while (!command.isEmpty() && "-@:+!".indexOf(command.charAt(0)) >= 0) {
        command = command.substring(1);
      }
      jobs.add(
          new ScheduledJob(
              timed ? EntryPointKind.CRON : EntryPointKind.WORKER,
              (timed ? "systemd timer " : "systemd service ") + fileName,
              i + 1,
              command,
              directory.startsWith("/") ? "" : directory));
    }
    return jobs;
  }
}
