package dev.blastradius.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throw-away git repository for {@code check --base} tests, driven through the git command line
 * with the user's and the system's configuration switched off, so commits work on any machine.
 */
public final class GitRepo {

  private final Path directory;

  private GitRepo(Path directory) {
    this.directory = directory;
  }

  /** {@code git init} in {@code directory}. */
  public static GitRepo init(Path directory) {
    GitRepo repo = new GitRepo(directory);
    repo.git("init", "-q", "-b", "main");
    return repo;
  }

  /** An existing repository. */
  public static GitRepo open(Path directory) {
    return new GitRepo(directory);
  }

  /** Stages every file (deletions too) and commits; returns the new commit's id. */
  public String commitAll(String message) {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  /** Runs {@code git args…} in the repository; fails the test with git's output on failure. */
  public String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=blastradius-test"));
    command.addAll(
        List.of(
            "-c",
            "user.email=test@blastradius.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.autocrlf=false"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.remove("GIT_DIR");
    environment.remove("GIT_WORK_TREE");
    environment.remove("GIT_INDEX_FILE");
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "git " + String.join(" ", args) + " failed (exit " + exit + "): " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("git must be installed for --base tests", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
