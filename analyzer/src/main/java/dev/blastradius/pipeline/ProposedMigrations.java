package dev.blastradius.pipeline;

import dev.blastradius.lang.migrations.FlywayLayout;
import dev.blastradius.lang.migrations.LiquibaseLayout;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.lang.ts.knex.KnexLayout;
import dev.blastradius.lang.ts.typeorm.TypeOrmLayout;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns {@code --migration} arguments (files or directories) into the ordered files to check. */
public final class ProposedMigrations {

  private ProposedMigrations() {}

  /**
   * Each argument as an absolute file; a directory contributes its {@code .sql} files, Liquibase
   * changelogs ({@code .xml}, {@code .yaml}, {@code .yml}, {@code .json} with a {@code
   * databaseChangeLog}), Django migrations ({@code .py} declaring {@code class Migration}) and
   * Alembic revisions ({@code .py} declaring {@code down_revision}), Flyway-named ones in Flyway
   * order first, then the rest by name; rollback scripts are left out ({@link #isMigration}).
   * Throws {@link IllegalArgumentException} with a user-facing message for a missing path or an
   * empty directory.
   */
  public static List<Path> expand(List<Path> arguments) {
    List<Path> files = new ArrayList<>();
    for (Path given : arguments) {
      Path path = given.toAbsolutePath().normalize();
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        List<Path> inDirectory = sqlFiles(path, given);
        if (inDirectory.isEmpty()) {
          throw new IllegalArgumentException(
              "no migrations (.sql files, Liquibase changelogs, Django or Alembic migrations) in "
                  + given);
        }
        files.addAll(inDirectory);
      } else {
        throw new IllegalArgumentException("no such file: " + given);
      }
    }
    return files;
  }

  private static List<Path> sqlFiles(Path directory, Path given) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> Files.isRegularFile(p) && isMigration(p))
          .map(
              p ->
                  new Candidate(
                      p,
                      FlywayLayout.parseName(
                          new SourceFile(p, p.getFileName().toString(), Language.SQL))))
          .sorted(Candidate.ORDER)
          .map(Candidate::path)
          .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + given + ": " + e.getMessage());
    }
  }

  /**
   * A {@code .sql} file, a structured Liquibase changelog, or a Knex migration. Rollback scripts
   * next to the change are not part of it: golang-migrate's (and sqitch-style) {@code *.down.sql}
   * and Flyway's undo migrations {@code U<version>__*.sql}. Named explicitly, a file is always
   * checked.
   */
  private static boolean isMigration(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".sql")) {
      return !isRollback(name);
    }
    if (KnexLayout.scriptName(name)) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return KnexLayout.isMigration(name, text) || TypeOrmLayout.isMigration(name, text);
      } catch (IOException | UncheckedIOException e) {
        return false;
      }
    }
    if (name.endsWith(".py")) {
      // A Django migration or an Alembic revision; the layouts read it.
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.contains("class Migration") || text.contains("down_revision");
      } catch (IOException | UncheckedIOException e) {
        return false;
      }
    }
    if (!(name.endsWith(".xml")
        || name.endsWith(".yaml")
        || name.endsWith(".yml")
        || name.endsWith(".json"))) {
      return false;
    }
    try {
      return LiquibaseLayout.isChangelog(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  static boolean isRollback(String name) {
    return name.endsWith(".down.sql") || FlywayLayout.isUndo(name);
  }

  /** A file of a directory: Flyway-named files in Flyway order, then the rest by name. */
  private record Candidate(Path path, Optional<MigrationScript> script) {
    static final Comparator<Candidate> ORDER =
        (a, b) -> {
          if (a.script.isPresent() && b.script.isPresent()) {
            return FlywayLayout.ORDER.compare(a.script.get(), b.script.get());
          }
          if (a.script.isPresent() != b.script.isPresent()) {
            return a.script.isPresent() ? -1 : 1;
          }
          return a.path.getFileName().toString().compareTo(b.path.getFileName().toString());
        };
  }
}
