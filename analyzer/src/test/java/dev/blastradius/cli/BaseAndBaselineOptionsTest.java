package dev.blastradius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.testing.Cli;
import dev.blastradius.testing.GitRepo;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of {@code --base} and {@code --baseline} name the option and what is wrong. */
class BaseAndBaselineOptionsTest {

  @TempDir Path temp;

  private static final String SAMPLE = TestPaths.samples().resolve("split-user-name").toString();
  private static final String PROPOSED =
      TestPaths.samples().resolve("split-user-name/proposed").toString();

  @Test
  void baseOutsideAGitRepositoryIsAUsageError() throws IOException {
    Path plain = Files.createDirectories(temp.resolve("plain"));
    Files.writeString(plain.resolve("q.sql"), "SELECT 1;\n");
    Cli.Result run = Cli.run("check", "--base", "HEAD", plain.toString());
    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.err())
        .contains("--base: the scan root")
        .contains("is not inside a git work tree");
  }

  @Test
  void anUnknownRevisionIsAUsageError() throws IOException {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.writeString(repo.resolve("q.sql"), "SELECT 1;\n");
    GitRepo.init(repo).commitAll("one");
    Cli.Result run = Cli.run("check", "--base", "release-41", repo.toString());
    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.err()).contains("--base: 'release-41' is not a commit in the git repository");
  }

  @Test
  void baseWithNothingChangedChecksTheCodeAndSaysSo() throws IOException {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.writeString(repo.resolve("q.sql"), "SELECT 1;\n");
    GitRepo.init(repo).commitAll("one");
    Cli.Result run = Cli.run("check", "--base", "HEAD", repo.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out())
        .startsWith("No migrations to check: only the code changes since --base were compared.\n")
        .contains("compared with HEAD: 0 migrations added or changed since then");
  }

  @Test
  void migrationsInAConfiguredDirectoryAddedSinceTheBaseAreProposed() throws IOException {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.writeString(
        repo.resolve("blastradius.yaml"),
        "migrations:\n  - tool: sql\n    path: database/changes/\n");
    Path changes = Files.createDirectories(repo.resolve("database/changes"));
    Files.writeString(
        changes.resolve("001_users.sql"),
        "CREATE TABLE users (id bigint PRIMARY KEY, mail text);\n");
    GitRepo.init(repo).commitAll("one");
    Files.writeString(
        changes.resolve("002_drop_mail.sql"), "ALTER TABLE users DROP COLUMN mail;\n");
    Cli.Result run = Cli.run("check", "--base", "HEAD", repo.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out())
        .contains("Checked database/changes/002_drop_mail.sql:\n  line 1: drop column users.mail")
        .doesNotContain("Checked database/changes/001_users.sql")
        .contains("compared with HEAD: 1 migration added or changed since then");
  }

  @Test
  void aMissingOrForeignBaselineIsAUsageErrorNamingTheFile() throws IOException {
    Cli.Result missing =
        Cli.run("check", "--migration", PROPOSED, "--baseline", "no/such.sarif", SAMPLE);
    assertThat(missing.exitCode()).as("%s", missing).isEqualTo(2);
    assertThat(missing.err()).contains("--baseline: no/such.sarif cannot be read");

    Path garbage = temp.resolve("garbage.json");
    Files.writeString(garbage, "{\"findings\": [");
    Cli.Result broken =
        Cli.run("check", "--migration", PROPOSED, "--baseline", garbage.toString(), SAMPLE);
    assertThat(broken.exitCode()).as("%s", broken).isEqualTo(2);
    assertThat(broken.err()).contains("--baseline: " + garbage + " is not JSON");

    Path scan = temp.resolve("scan.json");
    assertThat(Cli.run("scan", "--format", "json", "--output", scan.toString(), SAMPLE).exitCode())
        .isZero();
    Cli.Result notACheck =
        Cli.run("check", "--migration", PROPOSED, "--baseline", scan.toString(), SAMPLE);
    assertThat(notACheck.exitCode()).as("%s", notACheck).isEqualTo(2);
    assertThat(notACheck.err()).contains("is a JSON report without findings");

    Path other = temp.resolve("other.sarif");
    Files.writeString(
        other,
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"squawk\"}},"
            + " \"results\": []}]}");
    Cli.Result foreign =
        Cli.run("check", "--migration", PROPOSED, "--baseline", other.toString(), SAMPLE);
    assertThat(foreign.exitCode()).as("%s", foreign).isEqualTo(2);
    assertThat(foreign.err()).contains("is a SARIF log of 'squawk', not of blastradius");
  }

  @Test
  void aBaselineOfTheSameRunHidesEverythingAndTheExitCodeFollows() throws IOException {
    Path out = temp.resolve("out");
    Cli.Result first =
        Cli.run(
            "check", "--migration", PROPOSED, "--format", "json", "--output", out + "/", SAMPLE);
    assertThat(first.exitCode()).as("%s", first).isEqualTo(4);
    Cli.Result again =
        Cli.run(
            "check",
            "--migration",
            PROPOSED,
            "--baseline",
            out.resolve("report.json").toString(),
            SAMPLE);
    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(again.out())
        .contains("No findings besides the 2 findings the baseline holds.")
        .contains("0 errors, 0 warnings, 0 notes, 2 hidden by the baseline, 0 problems;");
  }
}
