package dev.blastradius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.JsonSchemas;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of DESIGN §4: commands, options, --output naming, exit codes. */
class CliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String sample(String name) {
    return TestPaths.samples().resolve(name).toString();
  }

  private static String proposed(String name) {
    return TestPaths.samples().resolve(name).resolve("proposed").toString();
  }

  @Test
  void versionPrintsTheVersion() {
    Cli.Result result = Cli.run("version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("blastradius \\d+\\.\\d+\\.\\d+\\S*\\n");
    assertThat(Cli.run("--version").out()).isEqualTo(result.out());
  }

  @Test
  void versionParsersLoadsEveryNativeGrammar() {
    Cli.Result result = Cli.run("version", "--parsers");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "tree-sitter typescript: ABI ",
            "tree-sitter tsx: ABI ",
            "tree-sitter javascript: ABI ",
            "tree-sitter python: ABI ",
            "tree-sitter bash: ABI ");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result result = Cli.run();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Usage: blastradius");
  }

  @Test
  void unsafeSampleExitsFourAndSafeTwinZero() {
    assertThat(
            Cli.run(
                    "check",
                    "--migration",
                    proposed("split-user-name"),
                    "--quiet",
                    sample("split-user-name"))
                .exitCode())
        .isEqualTo(4);
    assertThat(
            Cli.run(
                    "check",
                    "--migration",
                    proposed("split-user-name-safe"),
                    "--quiet",
                    sample("split-user-name-safe"))
                .exitCode())
        .isZero();
  }

  @Test
  void failOnDecidesWhatFails() {
    String[] base = {
      "check", "--migration", proposed("split-user-name"), "--quiet", sample("split-user-name")
    };
    assertThat(Cli.run(append(base, "--fail-on", "none")).exitCode()).isZero();
    assertThat(Cli.run(append(base, "--fail-on", "note")).exitCode()).isEqualTo(4);
    Cli.Result bad = Cli.run(append(base, "--fail-on", "critical"));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--fail-on").contains("critical");
  }

  @Test
  void usageErrorsNameTheBadOptionOrFile() {
    assertUsage(
        Cli.run("scan", "--format", "yaml", sample("split-user-name")),
        "--format: unknown format 'yaml'");
    assertUsage(
        Cli.run("check", "--migration", "no/such/V9__x.sql", sample("split-user-name")),
        "--migration: no such file: no/such/V9__x.sql");
    assertUsage(Cli.run("check", sample("split-user-name")), "needs --migration");
    assertUsage(Cli.run("scan", "does/not/exist"), "scan root 'does/not/exist' is not a directory");
    assertUsage(
        Cli.run("scan", "--dialect", "oracle", sample("split-user-name")),
        "--dialect: unknown dialect 'oracle'");
    assertUsage(
        Cli.run("scan", "--threads", "0", sample("split-user-name")),
        "--threads must be at least 1");
    assertUsage(
        Cli.run("scan", "--pg-version", "fourteen", sample("split-user-name")), "--pg-version");
    assertUsage(
        Cli.run("scan", "--config", "missing.yaml", sample("split-user-name")),
        "--config: no such file");
    assertUsage(
        Cli.run("scan", "--format", "text,json", sample("split-user-name")),
        "--output is required");
    assertUsage(
        Cli.run("scan", "--format", "json,sarif", sample("split-user-name")),
        "--output DIR is required");
    assertUsage(Cli.run("who", "users", sample("split-user-name")), "TABLE.COLUMN");
    assertUsage(
        Cli.run(
            "check",
            "--migration",
            proposed("split-user-name"),
            "--packs",
            "nope",
            sample("split-user-name")),
        "--packs: unknown pack 'nope'");
    assertUsage(Cli.run("rules", "explain", "no-such-rule"), "unknown rule 'no-such-rule'");
  }

  private static void assertUsage(Cli.Result result, String message) {
    assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
    assertThat(result.err()).as("%s", result).contains(message);
  }

  @Test
  void outputToADirectoryUsesFixedNames() throws IOException {
    Path out = tmp.resolve("reports");
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            proposed("split-user-name"),
            "--format",
            "text,json,sarif",
            "--output",
            out + "/",
            sample("split-user-name"));
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.out()).contains("error[drop-column-still-read]");
    assertThat(out.resolve("report.json")).exists();
    assertThat(out.resolve("report.sarif")).exists();
    assertThat(out.resolve("report.txt")).doesNotExist();
  }

  @Test
  void outputToAnExistingDirectoryWithOneFormat() throws IOException {
    Cli.Result result =
        Cli.run("scan", "--format", "sarif", "--output", tmp.toString(), sample("split-user-name"));
    assertThat(result.exitCode()).isZero();
    assertThat(tmp.resolve("report.sarif")).exists();
  }

  @Test
  void outputToAFileAndToStdout() throws IOException {
    Path file = tmp.resolve("inventory.json");
    assertThat(
            Cli.run(
                    "scan",
                    "--format",
                    "json",
                    "--output",
                    file.toString(),
                    sample("split-user-name"))
                .exitCode())
        .isZero();
    String written = Files.readString(file, StandardCharsets.UTF_8);
    JsonSchemas.assertValid(written, JsonSchemas.REPORT);
    Cli.Result stdout =
        Cli.run("scan", "--format", "json", "--output", "-", sample("split-user-name"));
    assertThat(stdout.out()).isEqualTo(written);
    assertThat(Cli.run("scan", "--format", "json", sample("split-user-name")).out())
        .isEqualTo(written);
  }

  @Test
  void scanJsonListsEveryAccessOfTheColumnWithEntryPoints() throws IOException {
    Cli.Result result =
        Cli.run(
            "scan",
            "--format",
            "json",
            "--repo-root",
            sample("split-user-name"),
            sample("split-user-name"));
    JsonNode root = JSON.readTree(result.out());
    assertThat(root.has("findings")).as("scan has no findings key").isFalse();
    JsonNode name = null;
    for (JsonNode column : root.path("columns")) {
      if (column.path("table").asText().equals("users")
          && column.path("column").asText().equals("name")) {
        name = column;
      }
    }
    assertThat(name).isNotNull();
    assertThat(name.path("blastRadius").path("entryPoints").asInt()).isEqualTo(3);
    assertThat(name.path("accesses").findValuesAsText("path"))
        .contains(
            "src/main/java/com/acme/users/UserDao.java",
            "src/main/java/com/acme/jobs/WeeklyDigestJob.java");
  }

  @Test
  void whoGroupsByEntryPoint() {
    Cli.Result result =
        Cli.run(
            "who",
            "users.name",
            "--repo-root",
            sample("split-user-name"),
            sample("split-user-name"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("users.name: 5 accesses, blast radius 3 entry points in 2 files\n")
        .contains(
            "  admin PUT /admin/users/{id}/name\n    write src/main/java/com/acme/users/UserDao.java:26")
        .contains("  http GET /users/{id}\n    read  src/main/java/com/acme/users/UserDao.java:20");
    assertThat(Cli.run("who", "users.nobody", sample("split-user-name")).out())
        .contains("users.nobody: no reads or writes found");
  }

  @Test
  void rulesListsEquivalentsAndExplains() throws IOException {
    Cli.Result json = Cli.run("rules", "--format", "json");
    assertThat(json.exitCode()).isZero();
    JsonNode rules = JSON.readTree(json.out()).path("rules");
    assertThat(rules.findValuesAsText("id"))
        .contains(
            "drop-column-still-read",
            "drop-column-still-written",
            "rename-column-still-referenced");
    JsonNode dropRead = null;
    for (JsonNode rule : rules) {
      if (rule.path("id").asText().equals("drop-column-still-read")) {
        dropRead = rule;
      }
    }
    assertThat(dropRead).isNotNull();
    assertThat(dropRead.path("equivalents").path("squawk").get(0).asText())
        .isEqualTo("ban-drop-column");
    assertThat(Cli.run("rules").out())
        .contains("drop-column-still-read")
        .contains("squawk: ban-drop-column");
    assertThat(Cli.run("rules", "explain", "drop-column-still-read").out())
        .startsWith("# drop-column-still-read");
  }

  @Test
  void configuredMigrationDirectoriesAreReplayedInTheirToolsOrder() throws IOException {
    Path root = tmp.resolve("configured");
    Path changes = root.resolve("database/changes");
    Files.createDirectories(changes);
    Files.createDirectories(root.resolve("src/app"));
    Files.createDirectories(root.resolve("proposed"));
    Files.writeString(
        changes.resolve("1_users.sql"), "CREATE TABLE users (id bigint, name text);\n");
    // 10 runs after 2: numbers compare as numbers.
    Files.writeString(changes.resolve("2_email.sql"), "ALTER TABLE users ADD COLUMN email text;\n");
    Files.writeString(
        changes.resolve("10_rename.sql"), "ALTER TABLE users RENAME COLUMN email TO mail;\n");
    Files.writeString(
        root.resolve("src/app/Export.java"),
        """
        package app;

        class Export {
          void run(java.sql.Connection c) throws Exception {
            c.createStatement().executeQuery("SELECT * FROM users");
          }
        }
        """);
    Files.writeString(
        root.resolve("proposed/11_drop.sql"), "ALTER TABLE users DROP COLUMN mail;\n");
    String[] check = {
      "check",
      "--migration",
      root.resolve("proposed/11_drop.sql").toString(),
      "--format",
      "json",
      root.toString()
    };
    // Without the configuration nothing says database/changes holds migrations: * cannot expand.
    Files.writeString(root.resolve("blastradius.yaml"), "exclude: [proposed/**]\n");
    JsonNode unconfigured = JSON.readTree(Cli.run(check).out());
    assertThat(unconfigured.path("findings").findValuesAsText("ruleId"))
        .doesNotContain("drop-column-still-read");
    Files.writeString(
        root.resolve("blastradius.yaml"),
        "exclude: [proposed/**]\nmigrations:\n  - tool: sql\n    path: database/changes/\n");
    Cli.Result configured = Cli.run(check);
    assertThat(configured.exitCode()).isEqualTo(4);
    JsonNode report = JSON.readTree(configured.out());
    assertThat(report.path("findings").findValuesAsText("message"))
        .anyMatch(m -> m.startsWith("Dropping users.mail breaks 1 code site still reading it"));
  }

  @Test
  void configErrorsNameFileAndLine() throws IOException {
    Path root = tmp.resolve("repo");
    Files.createDirectories(root);
    Files.writeString(root.resolve("blastradius.yaml"), "dialect: postgres\nexclud:\n  - x/**\n");
    Cli.Result unknown = Cli.run("scan", root.toString());
    assertUsage(unknown, "blastradius.yaml:2: unknown key 'exclud'");
    Files.writeString(
        root.resolve("blastradius.yaml"), "migrations:\n  - {tool: rails, path: db}\n");
    assertUsage(
        Cli.run("scan", root.toString()),
        "blastradius.yaml:2: migrations: unknown tool 'rails' (known: flyway, golang-migrate,");
    Files.writeString(
        root.resolve("blastradius.yaml"), "migrations:\n  - {tool: sql, path: nowhere}\n");
    assertUsage(
        Cli.run("scan", root.toString()),
        "blastradius.yaml:2: migrations: path 'nowhere' is not a directory under the scan root");
    Files.writeString(root.resolve("blastradius.yaml"), "include: [src/**, lib\n");
    assertUsage(Cli.run("scan", root.toString()), "not valid YAML");
  }

  private static String[] append(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
