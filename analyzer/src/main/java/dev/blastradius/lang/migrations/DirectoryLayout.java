package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Tools whose migrations are SQL files in a known directory, applied in name order: Prisma ({@code
 * prisma/migrations/<timestamp>_<name>/migration.sql}, by directory), Supabase ({@code
 * supabase/migrations/<timestamp>_<name>.sql}), golang-migrate ({@code <version>_<name>.up.sql}, by
 * numeric version) and dbmate ({@code db/migrations/<version>_<name>.sql} with {@code --
 * migrate:up} sections).
 */
public final class DirectoryLayout implements MigrationLayout {

  private final String tool;
  private final Predicate<String> claims;
  private final Function<SourceFile, String> orderKey;
  private final ScriptFormat format;
  private final Predicate<String> contentCheck;
  private final Predicate<String> notReplayed;

  private DirectoryLayout(
      String tool,
      Predicate<String> claims,
      Function<SourceFile, String> orderKey,
      ScriptFormat format,
      Predicate<String> contentCheck,
      Predicate<String> notReplayed) {
    this.tool = tool;
    this.claims = claims;
    this.orderKey = orderKey;
    this.format = format;
    this.contentCheck = contentCheck;
    this.notReplayed = notReplayed;
  }

  /** Prisma Migrate: one directory per migration, named with a sortable timestamp. */
  public static DirectoryLayout prisma() {
    return new DirectoryLayout(
        "prisma",
        path -> path.endsWith("/migration.sql") && contains(path, "prisma/migrations/"),
        file -> parentName(file.path()),
        ScriptFormat.SQL,
        text -> true,
        path -> false);
  }

  /** Supabase CLI: timestamp-prefixed SQL files. */
  public static DirectoryLayout supabase() {
    return new DirectoryLayout(
        "supabase",
        path -> path.endsWith(".sql") && directory(path).endsWith("supabase/migrations/"),
        SourceFile::fileName,
        ScriptFormat.SQL,
        text -> true,
        path -> false);
  }

  /** golang-migrate: {@code 0001_name.up.sql}; down files are not replayed. */
  public static DirectoryLayout golangMigrate() {
    return new DirectoryLayout(
        "golang-migrate",
        path -> path.endsWith(".up.sql") && leadingNumber(fileName(path)) != null,
        file -> String.format("%020d", leadingNumber(file.fileName())) + file.fileName(),
        ScriptFormat.SQL,
        text -> true,
        path -> path.endsWith(".down.sql") && leadingNumber(fileName(path)) != null);
  }

  /** dbmate: files with {@code -- migrate:up} / {@code -- migrate:down} sections. */
  public static DirectoryLayout dbmate() {
    return new DirectoryLayout(
        "dbmate",
        path -> path.endsWith(".sql") && directory(path).endsWith("db/migrations/"),
        SourceFile::fileName,
        ScriptFormat.DBMATE,
        DbmateSections::isDbmate,
        path -> false);
  }

  @Override
  public String tool() {
    return tool;
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    List<MigrationScript> scripts = new ArrayList<>();
    List<SourceFile> skipped = new ArrayList<>();
    for (SourceFile file : files) {
      if (claims.test("/" + file.path()) && contentCheck.test(text.apply(file))) {
        scripts.add(script(file));
      } else if (notReplayed.test("/" + file.path())) {
        skipped.add(file);
      }
    }
    scripts.sort(
        Comparator.comparing((MigrationScript s) -> s.version())
            .thenComparing(s -> s.file().path()));
    return new Discovery(scripts, skipped, List.of());
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return claims.test("/" + file.path()) && contentCheck.test(text)
        ? Optional.of(script(file))
        : Optional.empty();
  }

  private MigrationScript script(SourceFile file) {
    return new MigrationScript(
        file, tool, orderKey.apply(file), List.of(), file.fileName(), format);
  }

  private static boolean contains(String path, String segment) {
    return path.contains("/" + segment);
  }

  private static String directory(String path) {
    return path.substring(0, path.lastIndexOf('/') + 1);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String parentName(String path) {
    String directory = directory(path);
    String trimmed = directory.substring(0, Math.max(0, directory.length() - 1));
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The number a file name starts with, or null. */
  static Long leadingNumber(String name) {
    int end = 0;
    while (end < name.length() && Character.isDigit(name.charAt(end))) {
      end++;
    }
    if (end == 0 || end > 18 || end >= name.length() || name.charAt(end) != '_') {
      return null;
    }
    return Long.parseLong(name.substring(0, end));
  }
}
