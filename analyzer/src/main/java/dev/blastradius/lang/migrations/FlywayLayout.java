package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Flyway: SQL files named {@code V<version>__<description>.sql} (and repeatable {@code
 * R__<description>.sql}) in a migration location — {@code db/migration} unless Spring's {@code
 * spring.flyway.locations} (or Flyway's {@code flyway.locations}) says otherwise — applied in
 * numeric version order ({@code 1.2.10} after {@code 1.2.9}; {@code _} separates parts like {@code
 * .}), then repeatables by description. Undo migrations ({@link #isUndo}) are not replayed.
 */
public final class FlywayLayout implements MigrationLayout {

  /** The tool name used in reports. */
  public static final String TOOL = "flyway";

  private static final String DEFAULT_LOCATION = "db/migration";

  /** Versioned migrations first, numerically; repeatables last, by description. */
  public static final Comparator<MigrationScript> ORDER =
      Comparator.comparing((MigrationScript m) -> m.version().isEmpty())
          .thenComparing(MigrationScript::versionKey, FlywayLayout::compareKeys)
          .thenComparing(MigrationScript::description)
          .thenComparing(m -> m.file().path());

  @Override
  public String tool() {
    return TOOL;
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    List<String> locations = SpringFlywayLocations.find(files, text);
    List<MigrationScript> scripts = new ArrayList<>();
    List<SourceFile> undo = new ArrayList<>();
    for (SourceFile file : files) {
      if (inLocation(file, locations.isEmpty() ? List.of(DEFAULT_LOCATION) : locations)) {
        parseName(file)
            .ifPresentOrElse(
                scripts::add,
                () -> {
                  if (isUndo(file.fileName())) {
                    undo.add(file);
                  }
                });
      }
    }
    scripts.sort(ORDER);
    return new Discovery(scripts, undo, List.of());
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return parseName(file);
  }

  /** The migration {@code file} is when it lies in {@code db/migration}, for tests. */
  public static Optional<MigrationScript> recognise(SourceFile file) {
    return inLocation(file, List.of(DEFAULT_LOCATION)) ? parseName(file) : Optional.empty();
  }

  /** True when the file's directory ends with one of the locations. */
  private static boolean inLocation(SourceFile file, List<String> locations) {
    String path = "/" + file.path();
    String directory = path.substring(0, path.lastIndexOf('/') + 1);
    for (String location : locations) {
      String suffix = "/" + trimSlashes(location) + "/";
      if (directory.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static String trimSlashes(String location) {
    String trimmed = location.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  /**
   * Parses a Flyway file name regardless of its directory, for {@code --migration} files the user
   * names explicitly.
   */
  public static Optional<MigrationScript> parseName(SourceFile file) {
    String name = file.fileName();
    if (!name.endsWith(".sql") || name.length() < 6) {
      return Optional.empty();
    }
    String stem = name.substring(0, name.length() - 4);
    int separator = stem.indexOf("__");
    if (separator < 1) {
      return Optional.empty();
    }
    String prefix = stem.substring(0, separator);
    String description = stem.substring(separator + 2).replace('_', ' ');
    if (prefix.equals("R")) {
      return Optional.of(new MigrationScript(file, TOOL, "", List.of(), description));
    }
    if (prefix.charAt(0) != 'V' || prefix.length() < 2) {
      return Optional.empty();
    }
    String version = prefix.substring(1);
    List<Long> key = versionKey(version);
    return key.isEmpty()
        ? Optional.empty()
        : Optional.of(new MigrationScript(file, TOOL, version.replace('_', '.'), key, description));
  }

  /**
   * True for a Flyway undo migration, {@code U<version>__<description>.sql} with a numeric version
   * ({@code U2__x.sql}, {@code U1.2_3__x.sql}). The one rule for replay, which skips them, and for
   * {@code check --migration DIR}, which leaves them out of the proposed change.
   */
  public static boolean isUndo(String fileName) {
    if (!fileName.endsWith(".sql") || fileName.isEmpty() || fileName.charAt(0) != 'U') {
      return false;
    }
    int separator = fileName.indexOf("__");
    return separator > 1 && !versionKey(fileName.substring(1, separator)).isEmpty();
  }

  /**
   * Numeric parts of a version split at {@code .} and {@code _}; empty when a part is not a number.
   */
  static List<Long> versionKey(String version) {
    List<Long> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i <= version.length(); i++) {
      char c = i < version.length() ? version.charAt(i) : '.';
      if (c == '.' || c == '_') {
        if (part.length() == 0) {
          return List.of();
        }
        BigInteger value = new BigInteger(part.toString());
        parts.add(value.bitLength() < 63 ? value.longValue() : Long.MAX_VALUE);
        part.setLength(0);
      } else if (Character.isDigit(c)) {
        part.append(c);
      } else {
        return List.of();
      }
    }
    return parts;
  }

  /** Compares version keys part by part; missing parts count as zero. */
  static int compareKeys(List<Long> a, List<Long> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      long x = i < a.size() ? a.get(i) : 0;
      long y = i < b.size() ? b.get(i) : 0;
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    return 0;
  }
}
