package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a file that a changelog names ({@code include}, {@code includeAll}, {@code sqlFile}, {@code
 * loadData}) lives, as report-relative paths to try in order. With {@code relativeToChangelogFile}
 * it is next to the changelog. Otherwise Liquibase looks it up on its search path: the classpath
 * root ({@code src/main/resources} in Spring Boot and Maven projects), else the working directory —
 * we try every classpath root above the changelog, then every directory above it from the top down.
 */
final class ChangelogPaths {

  private static final List<String> CLASSPATH_ROOTS =
      List.of("src/main/resources", "src/test/resources");

  private ChangelogPaths() {}

  /**
   * The report-relative paths {@code reference} may mean, most likely first.
   *
   * @param from the report-relative path of the changelog that names it
   */
  static List<String> candidates(String from, String reference, boolean relativeToChangelog) {
    String cleaned = clean(reference);
    String directory = directory(from);
    Set<String> candidates = new LinkedHashSet<>();
    if (relativeToChangelog) {
      normalize(join(directory, cleaned)).ifPresent(candidates::add);
      return List.copyOf(candidates);
    }
    String classpathRelative = cleaned.startsWith("/") ? cleaned.substring(1) : cleaned;
    List<String> ancestors = ancestors(directory);
    for (String ancestor : ancestors) {
      for (String root : CLASSPATH_ROOTS) {
        if (ancestor.equals(root) || ancestor.endsWith("/" + root)) {
          normalize(join(ancestor, classpathRelative)).ifPresent(candidates::add);
        }
      }
    }
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      normalize(join(ancestors.get(i), classpathRelative)).ifPresent(candidates::add);
    }
    return List.copyOf(candidates);
  }

  /**
   * The absolute path of a report-relative {@code path}, given a file whose absolute and
   * report-relative paths are both known.
   */
  static Path absolute(SourceFile known, String path) {
    Path root = known.absolutePath();
    for (String segment : known.path().split("/")) {
      if (!segment.isEmpty() && root.getParent() != null) {
        root = root.getParent();
      }
    }
    return root.resolve(path).normalize();
  }

  /**
   * The absolute path of {@code path} (report-relative) when it is a regular file on disk; empty
   * when it is not, or cannot be a path at all (a NUL or other character the file system rejects).
   */
  static Optional<Path> existing(SourceFile known, String path) {
    try {
      Path absolute = absolute(known, path);
      return Files.isRegularFile(absolute) ? Optional.of(absolute) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Drops the {@code classpath:} or {@code file:} prefix and uses {@code /} separators. */
  static String clean(String reference) {
    String cleaned = reference.strip().replace('\\', '/');
    String lower = cleaned.toLowerCase(Locale.ROOT);
    for (String prefix : List.of("classpath*:", "classpath:", "file:")) {
      if (lower.startsWith(prefix)) {
        cleaned = cleaned.substring(prefix.length());
        break;
      }
    }
    return cleaned;
  }

  /** The directory part of a report-relative path, "" at the top. */
  static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The directory and all directories above it, innermost first, ending with "". */
  private static List<String> ancestors(String directory) {
    List<String> ancestors = new ArrayList<>();
    String current = directory;
    while (!current.isEmpty()) {
      ancestors.add(current);
      current = directory(current);
    }
    ancestors.add("");
    return ancestors;
  }

  static String join(String directory, String relative) {
    return directory.isEmpty() ? relative : directory + "/" + relative;
  }

  /** Resolves {@code .} and {@code ..}; empty when the path climbs above the report root. */
  static Optional<String> normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }
}
