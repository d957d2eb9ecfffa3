package dev.blastradius.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The {@code git} command line, run as a process without a shell in one directory. Variables that
 * would point git at another repository ({@code GIT_DIR} from a hook, say) are removed, so the
 * directory alone decides which repository is read. Messages are in English ({@code LC_ALL=C}).
 */
final class Git {

  /** Variables that override which repository, work tree or index git uses. */
  private static final List<String> LOCATION_VARIABLES =
      List.of(
          "GIT_DIR",
          "GIT_WORK_TREE",
          "GIT_INDEX_FILE",
          "GIT_OBJECT_DIRECTORY",
          "GIT_ALTERNATE_OBJECT_DIRECTORIES",
          "GIT_COMMON_DIR",
          "GIT_CEILING_DIRECTORIES",
          "GIT_NAMESPACE");

  private final String executable;
  private final Path directory;

  /** {@code git} found on the PATH, run in {@code directory}. */
  Git(Path directory) {
    this("git", directory);
  }

  /** Another executable (tests: one that does not exist), run in {@code directory}. */
  Git(String executable, Path directory) {
    this.executable = executable;
    this.directory = directory;
  }

  /** The same executable in another directory. */
  Git in(Path other) {
    return new Git(executable, other);
  }

  /** What one git command printed and returned. */
  record Output(int exitCode, byte[] stdout, String stderr) {

    /** Standard output as text without the trailing newline. */
    String text() {
      return new String(stdout, StandardCharsets.UTF_8).strip();
    }

    /** The first line git wrote to standard error, for messages. */
    String firstErrorLine() {
      String text = stderr.strip();
      int newline = text.indexOf('\n');
      return newline < 0 ? text : text.substring(0, newline);
    }
  }

  /** Thrown when the git binary cannot be started at all. */
  static final class Missing extends Exception {
    Missing(IOException cause) {
      super("the git command could not be run: " + cause.getMessage(), cause);
    }
  }

  /** Runs {@code git args…} to completion and captures both streams. */
  Output run(String... args) throws Missing {
    Process process = start(args);
    try {
      process.getOutputStream().close();
      Future<String> stderr = drain(process.getErrorStream());
      byte[] stdout = process.getInputStream().readAllBytes();
      int exit = process.waitFor();
      return new Output(exit, stdout, stderr.get());
    } catch (IOException e) {
      throw new UncheckedIOException("reading from git " + String.join(" ", args), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading git's standard error", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for git", e);
    } finally {
      process.destroy();
    }
  }

  /**
   * Starts {@code git args…}; the caller talks to its streams. Standard error must be drained by
   * the caller (see {@link #drain}).
   */
  Process start(String... args) throws Missing {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> environment = builder.environment();
    LOCATION_VARIABLES.forEach(environment::remove);
    environment.put("LC_ALL", "C");
    environment.put("GIT_TERMINAL_PROMPT", "0");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new Missing(e);
    }
  }

  /** Reads a stream to its end in the background, so a chatty git never blocks on a full pipe. */
  static Future<String> drain(InputStream stream) {
    FutureTask<String> task =
        new FutureTask<>(
            () -> {
              ByteArrayOutputStream buffer = new ByteArrayOutputStream();
              try (stream) {
                stream.transferTo(buffer);
              } catch (IOException e) {
                return "(standard error unreadable: " + e.getMessage() + ")";
              }
              return buffer.toString(StandardCharsets.UTF_8);
            });
    Thread thread = new Thread(task, "git-stderr");
    thread.setDaemon(true);
    thread.start();
    return task;
  }
}
