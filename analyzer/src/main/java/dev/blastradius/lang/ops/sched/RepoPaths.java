package dev.blastradius.lang.ops.sched;

import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the repository file a command names. Paths inside a container image or on a server are not
 * repository paths ({@code /scripts/report.sql} for {@code ops/scripts/report.sql}), so a path is
 * looked up first as written, relative to the job's directory and to the repository root; then by
 * its longest suffix that some files end with ({@code scripts/report.sql}, then {@code
 * report.sql}). A bare file name counts only when exactly one file has it.
 */
final class RepoPaths {

  private final Map<String, SourceFile> byPath = new LinkedHashMap<>();

  RepoPaths(List<SourceFile> files) {
    files.forEach(f -> byPath.put(f.path(), f));
  }

  /** Whether the repository has a file at exactly {@code path}. */
  boolean has(String path) {
    return byPath.containsKey(path);
  }

  /** The repository files {@code target} names, run from {@code directory}; empty when none. */
  List<SourceFile> resolve(String target, String directory) {
    if (target.isEmpty() || target.contains("$") || target.contains("{{")) {
      return List.of();
    }
    if (!target.startsWith("/")) {
      for (String candidate :
          List.of(normalise(directory.isEmpty() ? target : directory + "/" + target), target)) {
        SourceFile file = byPath.get(normalise(candidate));
        if (file != null) {
          return List.of(file);
        }
      }
    }
    String[] segments = normalise(target).split("/");
    for (int from = 0; from < segments.length; from++) {
      String suffix = String.join("/", List.of(segments).subList(from, segments.length));
      if (suffix.isEmpty()) {
        continue;
      }
      List<SourceFile> found = new ArrayList<>();
      for (SourceFile file : byPath.values()) {
        if (file.path().equals(suffix) || file.path().endsWith("/" + suffix)) {
          found.add(file);
        }
      }
      boolean fileNameOnly = from == segments.length - 1;
      if (!found.isEmpty() && (!fileNameOnly || found.size() == 1)) {
        return found;
      }
    }
    return List.of();
  }

  /** {@code /a/./b/../c} → {@code a/c}; {@code ..} above the start is dropped. */
  static String normalise(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
