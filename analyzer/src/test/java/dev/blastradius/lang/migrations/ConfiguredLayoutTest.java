package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Directories named by {@code migrations:} in blastradius.yaml, in their tools' order. */
class ConfiguredLayoutTest {

  private static SourceFile file(String path) {
    return new SourceFile(Path.of("/repo/" + path), path, Language.SQL);
  }

  private static List<String> order(ConfiguredLayout layout, String... paths) {
    List<SourceFile> files =
        java.util.Arrays.stream(paths).map(ConfiguredLayoutTest::file).toList();
    return layout.discover(files, f -> "").scripts().stream().map(s -> s.file().path()).toList();
  }

  @Test
  void positive_plainSqlByLeadingNumberThenName() {
    assertThat(
            order(
                new ConfiguredLayout("sql", "./db/changes/"),
                "db/changes/10_c.sql",
                "db/changes/2_b.sql",
                "db/changes/setup.sql",
                "db/changes/1_a.sql",
                "db/other/0_elsewhere.sql",
                "db/changes/notes.txt"))
        .containsExactly(
            "db/changes/1_a.sql",
            "db/changes/2_b.sql",
            "db/changes/10_c.sql",
            "db/changes/setup.sql");
  }

  @Test
  void positive_flywayVersionsAndGolangUpFilesOnly() {
    assertThat(
            order(
                new ConfiguredLayout("flyway", "sql"),
                "sql/V1_10__c.sql",
                "sql/V1_9__b.sql",
                "sql/R__views.sql",
                "sql/README.sql"))
        .containsExactly("sql/V1_9__b.sql", "sql/V1_10__c.sql", "sql/R__views.sql");
    assertThat(
            order(
                new ConfiguredLayout("golang-migrate", "m"),
                "m/2_b.up.sql",
                "m/2_b.down.sql",
                "m/1_a.up.sql"))
        .containsExactly("m/1_a.up.sql", "m/2_b.up.sql");
  }

  @Test
  void positive_prismaByDirectory() {
    assertThat(
            order(
                new ConfiguredLayout("prisma", "schema/migrations"),
                "schema/migrations/20240102_b/migration.sql",
                "schema/migrations/20240101_a/migration.sql"))
        .containsExactly(
            "schema/migrations/20240101_a/migration.sql",
            "schema/migrations/20240102_b/migration.sql");
  }

  @Test
  void negative_unknownToolsAreRefused() {
    assertThatThrownBy(() -> new ConfiguredLayout("rails", "db"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
