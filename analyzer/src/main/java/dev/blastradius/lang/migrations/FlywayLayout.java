package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Flyway's layout: SQL files named {@code V<version>__<description>.sql} (and repeatable {@code
 * R__<description>.sql}) in a {@code db/migration} directory, applied in numeric version order
 * ({@code 1.2.10} after {@code 1.2.9}; {@code _} separates version parts like {@code .}), then
 * repeatables by description.
 */
public final class FlywayLayout {

  /** The tool name used in reports. */
  public static final String TOOL = "flyway";

  private static final String DIRECTORY = "db/migration/";

  /** Versioned migrations first, numerically; repeatables last, by description. */
  public static final Comparator<MigrationScript> ORDER =
      Comparator.comparing((MigrationScript m) -> m.version().isEmpty())
          .thenComparing(MigrationScript::versionKey, FlywayLayout::compareKeys)
          .thenComparing(MigrationScript::description)
          .thenComparing(m -> m.file().path());

  private FlywayLayout() {}

  /** The migration {@code file} is, if it follows Flyway's layout. */
  public static Optional<MigrationScript> recognise(SourceFile file) {
    String path = "/" + file.path();
    if (!path.contains("/" + DIRECTORY)) {
      return Optional.empty();
    }
    return parseName(file);
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

  /** Numeric parts of a version; empty when a part is not a number. */
  static List<Long> versionKey(String version) {
    List<Long> parts = new ArrayList<>();
    for (String part : version.split("[._]", -1)) {
      if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
        return List.of();
      }
      BigInteger value = new BigInteger(part);
      parts.add(value.bitLength() < 63 ? value.longValue() : Long.MAX_VALUE);
    }
    return parts;
  }

  private static int compareKeys(List<Long> a, List<Long> b) {
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
