package dev.blastradius.lang.ts.knex;

import dev.blastradius.lang.migrations.MigrationLayout;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.lang.migrations.ScriptFormat;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knex migrations: JavaScript or TypeScript files named {@code <digits>_<name>} in a directory
 * named {@code migrations} (at any depth), whose text mentions {@code knex} and an {@code up}
 * function. Knex applies them in file-name order, directory by directory; each is read by {@link
 * KnexMigration}. Sequelize and TypeORM migrations (no {@code knex}) are not claimed.
 */
public final class KnexLayout implements MigrationLayout {

  private static final Pattern NAME =
      Pattern.compile("(\\d+)[_-]([^/]*)\\.(?:js|ts|cjs|mjs|cts|mts)");

  private static final Pattern UP =
      Pattern.compile("\\bexports\\.up\\b|\\bfunction\\s+up\\b|\\bup\\s*[:=(]|\\bconst\\s+up\\b");

  @Override
  public String tool() {
    return "knex";
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (SourceFile file : files) {
      String path = file.path();
      int slash = path.lastIndexOf('/');
      String directory = slash < 0 ? "" : path.substring(0, slash);
      if (!(directory.equals("migrations") || directory.endsWith("/migrations"))
          || path.endsWith(".d.ts")) {
        continue;
      }
      script(file, text.apply(file)).ifPresent(scripts::add);
    }
    scripts.sort(
        Comparator.comparing((MigrationScript s) -> directory(s.file().path()))
            .thenComparing(s -> s.file().fileName()));
    return Discovery.of(scripts);
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return script(file, text);
  }

  /** Whether a file name is one Knex gives migrations ({@code 20240101_name.js}). */
  public static boolean scriptName(String fileName) {
    return NAME.matcher(fileName).matches() && !fileName.endsWith(".d.ts");
  }

  /** Whether a file is a Knex migration: by its name, and its text uses Knex in an {@code up}. */
  public static boolean isMigration(String fileName, String text) {
    return scriptName(fileName) && text.contains("knex") && UP.matcher(text).find();
  }

  private Optional<MigrationScript> script(SourceFile file, String text) {
    Matcher name = NAME.matcher(file.fileName());
    if (!isMigration(file.fileName(), text) || !name.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new MigrationScript(
            file, tool(), name.group(1), List.of(), name.group(2), ScriptFormat.KNEX));
  }

  private static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
