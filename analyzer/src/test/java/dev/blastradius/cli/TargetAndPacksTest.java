package dev.blastradius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target versions from {@code blastradius.yaml} and the command line, and {@code --packs}
 * choosing which rule packs run.
 */
class TargetAndPacksTest {

  @TempDir Path tmp;

  private Path root;
  private Path migration;

  @BeforeEach
  void repository() throws IOException {
    root = tmp.resolve("repo");
    Path history = root.resolve("src/main/resources/db/migration");
    Files.createDirectories(history);
    Files.writeString(
        history.resolve("V1__orders.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n"
            + "CREATE INDEX orders_note_idx ON orders (note);\n");
    migration = root.resolve("proposed/reindex.sql");
    Files.createDirectories(migration.getParent());
    Files.writeString(
        migration,
        "SET lock_timeout = '2s';\nREINDEX INDEX CONCURRENTLY orders_note_idx;\n"
            + "CREATE INDEX orders_id_idx ON orders (id);\nALTER TABLE orders DROP COLUMN note;\n");
    Path query = root.resolve("queries/notes.sql");
    Files.createDirectories(query.getParent());
    Files.writeString(query, "SELECT note FROM orders;\n");
  }

  private Cli.Result check(String... extra) {
    String[] base = {"check", "--migration", migration.toString(), "--format", "json", "--quiet"};
    String[] args = new String[base.length + extra.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    args[args.length - 1] = root.toString();
    return Cli.run(args);
  }

  private String json(String... extra) throws IOException {
    Path out = tmp.resolve("report-" + extra.length + ".json");
    String[] args = new String[extra.length + 2];
    System.arraycopy(extra, 0, args, 0, extra.length);
    args[extra.length] = "--output";
    args[extra.length + 1] = out.toString();
    Cli.Result result = check(args);
    assertThat(result.exitCode()).as("%s", result).isIn(0, 4);
    return Files.readString(out);
  }

  @Test
  void pgVersionComesFromTheConfigUnlessTheCommandLineSaysOtherwise() throws IOException {
    Files.writeString(root.resolve("blastradius.yaml"), "pgVersion: 11\nexclude: [proposed/**]\n");
    assertThat(json()).contains("\"ruleId\": \"concurrently-unsupported-version\"");
    assertThat(json("--pg-version", "12")).doesNotContain("concurrently-unsupported-version");
  }

  @Test
  void badVersionsInTheConfigNameFileAndLine() throws IOException {
    Files.writeString(root.resolve("blastradius.yaml"), "dialect: mysql\nmysqlVersion: 8.0\n");
    Cli.Result result = check();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("blastradius.yaml:2: 'mysqlVersion' must be X.Y.Z such as 8.0.36");
    Files.writeString(root.resolve("blastradius.yaml"), "pgVersion: [14]\n");
    assertThat(check().err())
        .contains("blastradius.yaml:1: 'pgVersion' must be a Postgres version");
  }

  @Test
  void packsChooseTheRulesThatRunAndThatTheReportLists() throws IOException {
    String locking = json("--packs", "postgres-locking");
    assertThat(locking)
        .contains("\"ruleId\": \"create-index-non-concurrently\"")
        .doesNotContain("drop-column-still-read");
    String expandContract = json("--packs", "expand-contract");
    assertThat(expandContract)
        .contains("\"ruleId\": \"drop-column-still-read\"")
        .doesNotContain("create-index-non-concurrently");
    Cli.Result unknown = check("--packs", "postgres-locking,nope");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains(
            "--packs: unknown pack 'nope' (known: expand-contract, mysql-locking,"
                + " postgres-locking)");
  }
}
