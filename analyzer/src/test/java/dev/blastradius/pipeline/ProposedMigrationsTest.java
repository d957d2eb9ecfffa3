package dev.blastradius.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --migration DIR}: which files of a directory are migrations, in which order. */
class ProposedMigrationsTest {

  @TempDir Path directory;

  @Test
  void positive_sqlFilesAndLiquibaseChangelogsFlywayNamedFirst() throws IOException {
    Files.writeString(directory.resolve("V10__later.sql"), "SELECT 1;");
    Files.writeString(directory.resolve("V9__earlier.sql"), "SELECT 1;");
    Files.writeString(
        directory.resolve("003-drop.yaml"),
        "databaseChangeLog:\n  - changeSet: {id: 3, author: a, changes: []}\n");
    Files.writeString(
        directory.resolve("002-add.xml"), "<databaseChangeLog><changeSet/></databaseChangeLog>");
    Files.writeString(
        directory.resolve("0042_rename.py"), "class Migration(migrations.Migration):\n    pass\n");
    assertThat(ProposedMigrations.expand(List.of(directory)))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "V9__earlier.sql", "V10__later.sql", "002-add.xml", "003-drop.yaml", "0042_rename.py");
  }

  @Test
  void negative_otherYamlXmlAndJsonFilesAreNotMigrations() throws IOException {
    Files.writeString(directory.resolve("application.yaml"), "spring:\n  liquibase: {}\n");
    Files.writeString(directory.resolve("pom.xml"), "<project/>");
    Files.writeString(directory.resolve("package.json"), "{}");
    Files.writeString(directory.resolve("helpers.py"), "def migrate():\n    pass\n");
    assertThatThrownBy(() -> ProposedMigrations.expand(List.of(directory)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "no migrations (.sql files, Liquibase changelogs, Django or Alembic migrations) in ");
  }

  @Test
  void positive_rollbackScriptsInADirectoryAreNotPartOfTheChange() throws IOException {
    Files.writeString(directory.resolve("000004_drop_x.up.sql"), "DROP TABLE x;");
    Files.writeString(directory.resolve("000004_drop_x.down.sql"), "CREATE TABLE x (id int);");
    Files.writeString(directory.resolve("V5__drop_y.sql"), "DROP TABLE y;");
    Files.writeString(directory.resolve("U5__drop_y.sql"), "CREATE TABLE y (id int);");
    Files.writeString(directory.resolve("Upgrade_notes.sql"), "SELECT 1;");
    assertThat(ProposedMigrations.expand(List.of(directory)))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("V5__drop_y.sql", "000004_drop_x.up.sql", "Upgrade_notes.sql");
    // Named on its own, a rollback script is checked like any file.
    Path down = directory.resolve("000004_drop_x.down.sql");
    assertThat(ProposedMigrations.expand(List.of(down))).containsExactly(down);
  }

  @Test
  void negative_aDirectoryOfRollbacksOnlyHasNoMigrations() throws IOException {
    Files.writeString(directory.resolve("000004_drop_x.down.sql"), "CREATE TABLE x (id int);");
    assertThatThrownBy(() -> ProposedMigrations.expand(List.of(directory)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no migrations");
  }
}
