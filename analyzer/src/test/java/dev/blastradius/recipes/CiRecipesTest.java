package dev.blastradius.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.testing.BaseRolloutRepo;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.GitRepo;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipes of the README work as written: the GitHub Actions and GitLab CI jobs' blastradius
 * command runs against a pull request's history and writes the file the next step uploads, the
 * pre-commit hook turns staged files into {@code --migration} options, and the launcher finds its
 * jar and Java. The jar itself is not built during {@code mvn verify}, so the scripts run against a
 * stand-in {@code java} that prints its arguments, and those arguments are then run in-process.
 */
class CiRecipesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path REPO = TestPaths.repo();
  private static final String GITHUB_JAVA =
      "java -XX:TieredStopAtLevel=1 -jar \"$RUNNER_TEMP/blastradius.jar\"";

  @TempDir Path temp;

  @Test
  void githubWorkflowChecksThePullRequestAndUploadsItsSarif() throws IOException {
    JsonNode workflow = YAML.readTree(REPO.resolve("ci-recipes/github-actions.yml").toFile());
    assertThat(workflow.path("permissions").path("security-events").asText()).isEqualTo("write");
    List<JsonNode> steps = new ArrayList<>();
    workflow.path("jobs").path("blastradius").path("steps").forEach(steps::add);
    assertThat(steps.get(0).path("with").path("fetch-depth").asInt(-1))
        .as("--base needs the history")
        .isZero();
    String build = runOf(steps, "mvn ");
    assertThat(build)
        .contains("package -DskipTests")
        .contains("mv .blastradius/analyzer/target/blastradius.jar \"$RUNNER_TEMP/\"")
        .contains("rm -rf .blastradius");
    String check = runOf(steps, "java ");
    assertThat(check).startsWith(GITHUB_JAVA + " check ");
    JsonNode upload =
        steps.stream()
            .filter(s -> s.path("uses").asText().startsWith("github/codeql-action/upload-sarif@"))
            .findFirst()
            .orElseThrow();
    assertThat(upload.path("if").asText()).isEqualTo("always()");

    Path repo = pullRequest();
    String base = GitRepo.open(repo).git("rev-parse", "HEAD~1").strip();
    Path out = temp.resolve("blastradius-out");
    List<String> args =
        arguments(
            check.replace("${{ github.event.pull_request.base.sha }}", base),
            GITHUB_JAVA,
            Map.of("blastradius-out/", out + "/", ".", repo.toString()));
    Cli.Result run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as("%s", run).isEqualTo(4);
    String sarifFile = upload.path("with").path("sarif_file").asText();
    assertThat(sarifFile).isEqualTo("blastradius-out/report.sarif");
    JsonNode sarif = new ObjectMapper().readTree(out.resolve("report.sarif").toFile());
    assertThat(sarif.path("runs").get(0).path("results").size()).isPositive();
    assertThat(sarif.path("runs").get(0).path("automationDetails").path("id").asText())
        .startsWith("blastradius");
  }

  @Test
  void gitlabJobFeedsCodeQualityFromTheMergeRequestsBase() throws IOException {
    JsonNode job =
        YAML.readTree(REPO.resolve("ci-recipes/gitlab-ci.yml").toFile()).path("blastradius");
    assertThat(job.path("variables").path("GIT_DEPTH").asText()).isEqualTo("0");
    assertThat(job.path("rules").get(0).path("if").asText())
        .isEqualTo("$CI_PIPELINE_SOURCE == \"merge_request_event\"");
    List<String> script = new ArrayList<>();
    job.path("script").forEach(s -> script.add(s.asText()));
    String check = script.stream().filter(s -> s.startsWith("java ")).findFirst().orElseThrow();
    assertThat(script)
        .anySatisfy(s -> assertThat(s).contains("-f /tmp/blastradius/pom.xml package -DskipTests"));

    Path repo = pullRequest();
    String base = GitRepo.open(repo).git("rev-parse", "HEAD~1").strip();
    Path out = temp.resolve("blastradius-out");
    List<String> args =
        arguments(
            check.replace("$CI_MERGE_REQUEST_DIFF_BASE_SHA", base),
            "java -XX:TieredStopAtLevel=1 -jar /tmp/blastradius/analyzer/target/blastradius.jar",
            Map.of("blastradius-out/", out + "/", ".", repo.toString()));
    Cli.Result run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as("%s", run).isEqualTo(4);
    String report = job.path("artifacts").path("reports").path("codequality").asText();
    assertThat(report).isEqualTo("blastradius-out/codequality.json");
    JsonNode issues = new ObjectMapper().readTree(out.resolve("codequality.json").toFile());
    assertThat(issues.isArray()).isTrue();
    assertThat(issues.size()).isPositive();
    assertThat(out.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void readmeShowsEachRecipeAsItIs() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8);
    for (String recipe : List.of("ci-recipes/github-actions.yml", "ci-recipes/gitlab-ci.yml")) {
      String text = Files.readString(REPO.resolve(recipe), StandardCharsets.UTF_8);
      assertThat(readme).as(recipe).contains("```yaml\n" + text + "```\n");
    }
  }

  @Test
  void preCommitHookChecksEachStagedMigration() throws IOException, InterruptedException {
    JsonNode hooks = YAML.readTree(REPO.resolve(".pre-commit-hooks.yaml").toFile());
    JsonNode hook = hooks.get(0);
    assertThat(hook.path("id").asText()).isEqualTo("blastradius");
    assertThat(hook.path("language").asText()).isEqualTo("script");
    assertThat(hook.path("pass_filenames").asBoolean()).isTrue();
    Path entry = REPO.resolve(hook.path("entry").asText());
    assertThat(Files.isExecutable(entry)).as(entry.toString()).isTrue();
    Pattern files = Pattern.compile(hook.path("files").asText());
    assertThat(files.matcher("db/migrations/V1__users.sql").find()).isTrue();
    assertThat(files.matcher("src/main/resources/db/migration/V2__drop.sql").find()).isTrue();
    assertThat(files.matcher("src/main/java/com/acme/Users.java").find()).isFalse();
    assertThat(files.matcher("docs/migration-guide.md").find()).isFalse();

    String migration = "samples/split-user-name/proposed/V5__drop_users_name.sql";
    Result hookRun =
        script(entry, Map.of(), "--fail-on", "warning", "--pg-version", "16", "--", migration);
    assertThat(hookRun.exitCode()).as(hookRun.output()).isZero();
    List<String> args = printedArguments(hookRun.output());
    assertThat(args.subList(0, 3))
        .containsExactly("-XX:TieredStopAtLevel=1", "-jar", fakeJar().toString());
    assertThat(args.subList(3, args.size()))
        .containsExactly(
            "check",
            "--format",
            "text",
            "--fail-on",
            "warning",
            "--pg-version",
            "16",
            "--migration",
            migration,
            ".");

    List<String> cli = new ArrayList<>(args.subList(3, args.size() - 1));
    cli.set(cli.indexOf(migration), REPO.resolve(migration).toString());
    cli.add(REPO.resolve("samples/split-user-name").toString());
    assertThat(Cli.run(cli.toArray(String[]::new)).exitCode()).isEqualTo(4);

    Result nothingStaged = script(entry, Map.of());
    assertThat(nothingStaged.exitCode()).isZero();
    assertThat(nothingStaged.output()).isEmpty();
  }

  @Test
  void launcherPassesArgumentsAndOptionsAndExplainsAMissingJar()
      throws IOException, InterruptedException {
    Path launcher = REPO.resolve("bin/blastradius");
    Result run =
        script(launcher, Map.of("BLASTRADIUS_JAVA_OPTS", "-Xmx1g"), "who", "users.email", "a b");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(printedArguments(run.output()))
        .containsExactly("-Xmx1g", "-jar", fakeJar().toString(), "who", "users.email", "a b");
    Result defaults = script(launcher, Map.of(), "version");
    assertThat(printedArguments(defaults.output()))
        .containsExactly("-XX:TieredStopAtLevel=1", "-jar", fakeJar().toString(), "version");

    Result missing =
        script(launcher, Map.of("BLASTRADIUS_JAR", temp.resolve("nope.jar").toString()), "version");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output()).contains("BLASTRADIUS_JAR names").contains("does not exist");
  }

  /** The pull request: release 41 is the base commit, release 42 the head commit. */
  private Path pullRequest() throws IOException {
    Path repo = temp.resolve("repo");
    GitRepo git = BaseRolloutRepo.write(repo);
    git.commitAll("release 42");
    return repo;
  }

  /** The {@code run:} text of the step whose command starts with {@code prefix}. */
  private static String runOf(List<JsonNode> steps, String prefix) {
    return steps.stream()
        .map(s -> s.path("run").asText())
        .filter(r -> r.strip().startsWith(prefix) || r.contains("\n" + prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step runs " + prefix))
        .strip();
  }

  /**
   * The CLI arguments of a recipe's command line: {@code launcher} removed, the words split at
   * spaces (the recipes quote nothing after the launcher), and the paths that name the CI job's
   * working directory replaced by the test's.
   */
  private static List<String> arguments(
      String command, String launcher, Map<String, String> paths) {
    assertThat(command).startsWith(launcher + " ");
    List<String> args = new ArrayList<>();
    for (String word : command.substring(launcher.length()).strip().split(" +")) {
      assertThat(word).doesNotContain("\"").doesNotContain("'").doesNotContain("$");
      args.add(paths.getOrDefault(word, word));
    }
    return args;
  }

  private record Result(int exitCode, String output) {}

  /** Runs a script of {@code bin/} with a stand-in {@code java} that prints its arguments. */
  private Result script(Path script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path java = temp.resolve("java");
    if (!Files.exists(java)) {
      Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done\necho\n");
      Files.setPosixFilePermissions(
          java,
          Set.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));
    }
    List<String> command = new ArrayList<>(List.of("sh", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA", java.toString());
    builder.environment().put("BLASTRADIUS_JAR", fakeJar().toString());
    builder.environment().remove("BLASTRADIUS_JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output.strip());
  }

  private Path fakeJar() throws IOException {
    Path jar = temp.resolve("blastradius.jar");
    if (!Files.exists(jar)) {
      Files.writeString(jar, "");
    }
    return jar;
  }

  /** The {@code [arg]} list the stand-in java printed. */
  private static List<String> printedArguments(String output) {
    assertThat(output).startsWith("[").endsWith("]");
    return List.of(output.substring(1, output.length() - 1).split("\\]\\[", -1));
  }
}
