package dev.blastradius.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.JsonSchemas;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** blastradius.yaml: every key, its errors with file and line, and the committed schema. */
class ProjectConfigTest {

  private static final String FULL =
      """
      dialect: postgres
      pgVersion: 15
      include: [src/**, db/**]
      exclude: [proposed/**]
      packs: [expand-contract, postgres-locking]
      severity:
        missing-statement-timeout: off
        prefer-text-over-varchar: warning
      ignore:
        - rule: drop-column-still-read
          path: legacy/**
          reason: the legacy admin is read-only and retired next sprint
        - rule: [drop-column-still-read, drop-column-still-written]
          path: tools/export/*.sql
      pairs:
        - old: users.name
          new: [users.first_name, users.last_name]
        - old: orders.total
          new: orders.gross_total
      entryPoints:
        - glob: ops/**
          kind: script
      """;

  @TempDir Path tmp;

  @Test
  void positive_everyKeyIsRead() throws ConfigException {
    ProjectConfig config = ConfigLoader.parse("blastradius.yaml", FULL);
    assertThat(config.packs())
        .extracting(ProjectConfig.Named::name)
        .containsExactly("expand-contract", "postgres-locking");
    assertThat(config.severity())
        .containsExactly(
            new ProjectConfig.Severity("missing-statement-timeout", "off", 7),
            new ProjectConfig.Severity("prefer-text-over-varchar", "warning", 8));
    assertThat(config.ignore())
        .containsExactly(
            new ProjectConfig.Ignore(
                List.of("drop-column-still-read"),
                "legacy/**",
                "the legacy admin is read-only and retired next sprint",
                10),
            new ProjectConfig.Ignore(
                List.of("drop-column-still-read", "drop-column-still-written"),
                "tools/export/*.sql",
                "",
                13));
    assertThat(config.pairs())
        .containsExactly(
            new ProjectConfig.Pair(
                "users.name", List.of("users.first_name", "users.last_name"), 16),
            new ProjectConfig.Pair("orders.total", List.of("orders.gross_total"), 18));
    assertThat(config.entryPoints())
        .containsExactly(new ProjectConfig.EntryPointGlob("ops/**", "script", 21));
  }

  @Test
  void negative_malformedEntriesNameFileAndLine() {
    assertError("ignore:\n  - rule: x\n    pth: a/**\n", "c.yaml:3: unknown field 'pth' in ignore");
    assertError("ignore:\n  - rule: x\n", "c.yaml:2: ignore entry needs 'path'");
    assertError(
        "pairs:\n  - old: [a.b, c.d]\n    new: e.f\n",
        "c.yaml:2: pairs entry's 'old' must be a single value");
    assertError(
        "severity:\n  some-rule: fatal\n",
        "c.yaml:2: severity of 'some-rule' must be error, warning, note or off");
    assertError("packs: expand-contract\n", "c.yaml:1: 'packs' must be a list of names");
    assertError("include: [a]\ninclude: [b]\n", "c.yaml:2: 'include' is given twice");
  }

  private static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void negative_namesOnlyTheCatalogueKnowsAreUsageErrorsWithTheLine() throws IOException {
    Files.writeString(
        tmp.resolve("blastradius.yaml"), "severity:\n  drop-column-still-reads: off\n");
    Cli.Result typo = Cli.run("scan", tmp.toString());
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err())
        .contains("blastradius.yaml:2: severity: unknown rule 'drop-column-still-reads'")
        .contains("did you mean drop-column-still-read?");
    Files.writeString(tmp.resolve("blastradius.yaml"), "packs: [locking]\n");
    assertThat(Cli.run("scan", tmp.toString()).err())
        .contains("blastradius.yaml:1: unknown pack 'locking'");
    Files.writeString(
        tmp.resolve("blastradius.yaml"), "entryPoints:\n  - glob: a/**\n    kind: job\n");
    assertThat(Cli.run("scan", tmp.toString()).err())
        .contains("blastradius.yaml:2: entryPoints: unknown kind 'job' (known: http,");
    Files.writeString(
        tmp.resolve("blastradius.yaml"), "pairs:\n  - old: name\n    new: users.first_name\n");
    assertThat(Cli.run("scan", tmp.toString()).err())
        .contains("blastradius.yaml:2: pairs: 'name' is not TABLE.COLUMN");
  }

  @Test
  void positive_theCommittedSchemaAcceptsTheFullExampleAndRejectsUnknownKeys() throws IOException {
    assertThat(JsonSchemas.errors(json(FULL), JsonSchemas.CONFIG)).isEmpty();
    assertThat(JsonSchemas.errors(json("exclud: [a]\n"), JsonSchemas.CONFIG)).isNotEmpty();
    assertThat(JsonSchemas.errors(json("severity: {a-rule: fatal}\n"), JsonSchemas.CONFIG))
        .isNotEmpty();
  }

  private static String json(String yaml) throws IOException {
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    return new ObjectMapper().writeValueAsString(tree);
  }

  @Test
  void positive_everySampleConfigIsValidAgainstTheSchema() throws IOException {
    try (var samples = Files.list(TestPaths.repo().resolve("samples"))) {
      for (Path sample : samples.sorted().toList()) {
        Path config = sample.resolve("blastradius.yaml");
        if (Files.exists(config)) {
          assertThat(JsonSchemas.errors(json(Files.readString(config)), JsonSchemas.CONFIG))
              .as(config.toString())
              .isEmpty();
        }
      }
    }
  }
}
