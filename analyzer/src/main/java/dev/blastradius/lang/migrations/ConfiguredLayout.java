package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A migration directory named in {@code blastradius.yaml} ({@code migrations: [{tool, path}]}) for
 * a layout discovery cannot find on its own. Every migration file under {@code directory} belongs
 * to {@code tool} and is ordered the way that tool orders it: Flyway by version, golang-migrate and
 * plain SQL by leading number then name, dbmate, Supabase by file name, Prisma by directory name.
 * {@code sqlite} is plain SQL (number then name) run by SQLite or libSQL: read as {@link
 * ScriptFormat#SQLITE}.
 */
public final class ConfiguredLayout implements MigrationLayout {

  /** The tools a configured directory may name. */
  public static final List<String> TOOLS =
      List.of("flyway", "golang-migrate", "dbmate", "supabase", "prisma", "sql", "sqlite");

  private final String tool;
  private final String directory;

  /**
   * @param tool one of {@link #TOOLS}
   * @param directory relative to the scan root, with {@code /} separators
   */
  public ConfiguredLayout(String tool, String directory) {
    if (!TOOLS.contains(tool)) {
      throw new IllegalArgumentException("unknown migration tool " + tool);
    }
    this.tool = tool;
    String trimmed = directory.replace('\\', '/');
    while (trimmed.startsWith("./")) {
      trimmed = trimmed.substring(2);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    this.directory = trimmed.isEmpty() || trimmed.equals(".") ? "" : trimmed + "/";
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
      if (!file.path().startsWith(directory) || !file.path().endsWith(".sql")) {
        continue;
      }
      Optional<MigrationScript> script = script(file, text);
      if (script.isPresent()) {
        scripts.add(script.get());
      } else {
        skipped.add(file);
      }
    }
    scripts.sort(
        tool.equals("flyway")
            ? FlywayLayout.ORDER
            : Comparator.comparing(ConfiguredLayout::orderKey).thenComparing(s -> s.file().path()));
    return new Discovery(scripts, skipped, List.of());
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return file.path().startsWith(directory) ? script(file, f -> text) : Optional.empty();
  }

  private Optional<MigrationScript> script(SourceFile file, Function<SourceFile, String> text) {
    String name = file.fileName();
    return switch (tool) {
      case "flyway" -> FlywayLayout.parseName(file);
      case "golang-migrate" ->
          name.endsWith(".up.sql") ? Optional.of(plain(file, ScriptFormat.SQL)) : Optional.empty();
      case "dbmate" -> Optional.of(plain(file, ScriptFormat.DBMATE));
      case "prisma" ->
          name.equals("migration.sql")
              ? Optional.of(plain(file, ScriptFormat.SQL))
              : Optional.empty();
      case "sqlite" -> Optional.of(plain(file, ScriptFormat.SQLITE));
      default -> Optional.of(plain(file, ScriptFormat.SQL));
    };
  }

  private MigrationScript plain(SourceFile file, ScriptFormat format) {
    String key = tool.equals("prisma") ? parentName(file.path()) : file.fileName();
    return new MigrationScript(file, tool, key, List.of(), file.fileName(), format);
  }

  /** Leading numbers compare as numbers ({@code 10_x} after {@code 9_x}), the rest by name. */
  private static String orderKey(MigrationScript script) {
    String version = script.version();
    int end = 0;
    while (end < version.length() && end < 18 && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0
        ? "~" + version
        : String.format("%020d", Long.parseLong(version.substring(0, end)))
            + version.substring(end);
  }

  private static String parentName(String path) {
    String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
    return parent.substring(parent.lastIndexOf('/') + 1);
  }
}
