package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * The changelogs a Liquibase {@code includeAll} lists: every file with a changelog extension under
 * the directory, subdirectories included, in alphabetical order of their paths, narrowed by {@code
 * minDepth}, {@code maxDepth} and {@code endsWithFilter}. A {@code resourceFilter} is a Java class
 * we cannot run: everything is included and a problem says so.
 */
final class IncludeAll {

  /**
   * The files listed and, when something is off, why.
   *
   * @param problem a user-facing reason the listing may be wrong or empty
   */
  record Listing(List<SourceFile> files, Optional<String> problem) {}

  private IncludeAll() {}

  /** The scanned files {@code entry} (an {@code includeAll} in {@code from}) includes. */
  static Listing files(SourceFile from, ChangelogElement entry, List<SourceFile> files) {
    String path = entry.stripped("path");
    if (path == null) {
      return new Listing(List.of(), Optional.of("includeAll without a path: nothing included"));
    }
    int minDepth = number(entry.stripped("minDepth"), 1);
    int maxDepth = number(entry.stripped("maxDepth"), Integer.MAX_VALUE);
    String endsWith = entry.stripped("endsWithFilter");
    for (String directory :
        ChangelogPaths.candidates(from.path(), path, entry.flag("relativeToChangelogFile"))) {
      String prefix = directory + "/";
      List<SourceFile> under = files.stream().filter(f -> f.path().startsWith(prefix)).toList();
      if (under.isEmpty()) {
        continue;
      }
      List<SourceFile> listed =
          under.stream()
              .filter(f -> !f.equals(from))
              .filter(f -> LiquibaseChangelog.hasChangelogExtension(f.fileName()))
              .filter(f -> endsWith == null || f.path().endsWith(endsWith))
              .filter(
                  f -> {
                    int depth = f.path().substring(prefix.length()).split("/").length;
                    return depth >= minDepth && depth <= maxDepth;
                  })
              .sorted()
              .toList();
      String filter = entry.stripped("resourceFilter");
      Optional<String> problem =
          filter == null
              ? Optional.empty()
              : Optional.of(
                  "includeAll resourceFilter "
                      + filter
                      + " is not applied: every changelog under "
                      + directory
                      + " is replayed");
      return new Listing(listed, problem);
    }
    return new Listing(
        List.of(),
        entry.isFalse("errorIfMissingOrEmpty")
            ? Optional.empty()
            : Optional.of("includeAll '" + path + "': no such directory among the scanned files"));
  }

  private static int number(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
