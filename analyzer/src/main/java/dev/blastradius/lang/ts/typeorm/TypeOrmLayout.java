package dev.blastradius.lang.ts.typeorm;

import dev.blastradius.lang.migrations.MigrationLayout;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.lang.migrations.ScriptFormat;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * TypeORM migrations: TypeScript or JavaScript files named {@code <timestamp>-<Name>} in a
 * directory named {@code migrations} or {@code migration} (at any depth) whose class implements
 * {@code MigrationInterface}. TypeORM applies them by the timestamp; each is read by {@link
 * TypeOrmMigration}.
 */
public final class TypeOrmLayout implements MigrationLayout {

  @Override
  public String tool() {
    return "typeorm";
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (SourceFile file : files) {
      String path = file.path();
      int slash = path.lastIndexOf('/');
      String directory = slash < 0 ? "" : path.substring(0, slash);
      String last = directory.substring(directory.lastIndexOf('/') + 1);
      if (last.equals("migrations") || last.equals("migration")) {
        script(file, text.apply(file)).ifPresent(scripts::add);
      }
    }
    scripts.sort(
        Comparator.comparing((MigrationScript s) -> s.versionKey().get(0))
            .thenComparing(s -> s.file().path()));
    return Discovery.of(scripts);
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return script(file, text);
  }

  /** Whether a file is a TypeORM migration: {@code 1700000000000-AddEmail.ts} implementing it. */
  public static boolean isMigration(String fileName, String text) {
    return timestamp(fileName) >= 0 && text.contains("MigrationInterface");
  }

  /** The leading timestamp of a migration file name, or -1. */
  private static long timestamp(String fileName) {
    int digits = 0;
    while (digits < fileName.length() && Character.isDigit(fileName.charAt(digits))) {
      digits++;
    }
    boolean script =
        digits > 0
            && digits <= 18
            && digits < fileName.length()
            && fileName.charAt(digits) == '-'
            && !fileName.endsWith(".d.ts")
            && fileName.matches(".*\\.(ts|js|mts|cts|mjs|cjs)");
    return script ? Long.parseLong(fileName.substring(0, digits)) : -1;
  }

  private Optional<MigrationScript> script(SourceFile file, String text) {
    String name = file.fileName();
    if (!isMigration(name, text)) {
      return Optional.empty();
    }
    long stamp = timestamp(name);
    String description = name.substring(name.indexOf('-') + 1, name.lastIndexOf('.'));
    return Optional.of(
        new MigrationScript(
            file,
            tool(),
            Long.toString(stamp),
            List.of(stamp),
            description,
            ScriptFormat.TYPEORM,
            null));
  }
}
