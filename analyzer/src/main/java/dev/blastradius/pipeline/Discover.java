package dev.blastradius.pipeline;

import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.IgnoreRules;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The discover pass: walks the scan root and picks the files a frontend can read, respecting {@code
 * .gitignore} files, {@code --include}/{@code --exclude} globs, and skipping vendored and generated
 * directories. Files named by {@code --migration} are left out: they are the change under review,
 * not part of the code or the applied history. Reports an earlier run wrote ({@link OwnReports})
 * are listed as skipped, not read.
 */
final class Discover {

  /** Directories that hold dependencies, build output or tool state, never application code. */
  static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "node_modules",
          "bower_components",
          "target",
          "build",
          "dist",
          ".venv",
          "venv",
          "__pycache__",
          ".gradle",
          ".idea",
          ".next",
          ".nuxt",
          ".mvn",
          "vendor",
          ".terraform",
          ".tox",
          ".cache");

  /** Larger files are generated or data, not code. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private Discover() {}

  static SourceTree run(AnalysisOptions options) {
    Path root = options.scanRoot().toAbsolutePath().normalize();
    Set<Path> proposed = new HashSet<>();
    options.proposedMigrations().forEach(p -> proposed.add(p.toAbsolutePath().normalize()));
    List<PathMatcher> includes = matchers(options.include());
    List<PathMatcher> excludes = matchers(options.exclude());
    List<SourceFile> files = new ArrayList<>();
    List<SourceTree.SkippedFile> skipped = new ArrayList<>();
    List<AnalysisProblem> problems = new ArrayList<>();
    Deque<IgnoreFrame> ignores = new ArrayDeque<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root)) {
                Path relative = root.relativize(dir);
                if (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                    || ignored(ignores, dir, true)
                    || matchesAny(excludes, relative)) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
              }
              ignores.push(new IgnoreFrame(dir, readIgnore(dir, root, options, problems)));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              ignores.pop();
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              Path relative = root.relativize(file);
              Optional<Language> language =
                  Language.ofPath(relative.toString().replace(java.io.File.separatorChar, '/'));
              if (language.isEmpty()
                  || !attrs.isRegularFile()
                  || proposed.contains(file.normalize())
                  || ignored(ignores, file, false)
                  || matchesAny(excludes, relative)
                  || (!includes.isEmpty() && !matchesAny(includes, relative))) {
                return FileVisitResult.CONTINUE;
              }
              String path = SourceTree.relativize(options.reportRoot(), file);
              if (attrs.size() > MAX_FILE_BYTES) {
                skipped.add(
                    new SourceTree.SkippedFile(
                        path, "larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB, not analysed"));
                return FileVisitResult.CONTINUE;
              }
              if (OwnReports.isReport(file, language.get())) {
                skipped.add(new SourceTree.SkippedFile(path, OwnReports.REASON));
                return FileVisitResult.CONTINUE;
              }
              files.add(new SourceFile(file, path, language.get()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(
                  new AnalysisProblem(
                      SourceTree.relativize(options.reportRoot(), file),
                      "discover",
                      "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage(),
                      0));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(new AnalysisProblem(".", "discover", "cannot walk the scan root: " + e, 0));
    }
    files.sort(null);
    return new SourceTree(root, options.reportRoot(), files, skipped, problems);
  }

  /** One directory's {@code .gitignore} rules. */
  private record IgnoreFrame(Path directory, IgnoreRules rules) {}

  private static IgnoreRules readIgnore(
      Path dir, Path root, AnalysisOptions options, List<AnalysisProblem> problems) {
    Path file = dir.resolve(".gitignore");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return IgnoreRules.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      problems.add(
          new AnalysisProblem(
              SourceTree.relativize(options.reportRoot(), file),
              "discover",
              "cannot read .gitignore, its patterns were not applied: " + e.getMessage(),
              0));
      return null;
    }
  }

  /** The innermost .gitignore that decides wins. */
  private static boolean ignored(Deque<IgnoreFrame> frames, Path path, boolean isDirectory) {
    for (IgnoreFrame frame : frames) {
      if (frame.rules() == null) {
        continue;
      }
      String relative = frame.directory().relativize(path).toString().replace('\\', '/');
      Boolean decision = frame.rules().decide(relative, isDirectory);
      if (decision != null) {
        return decision;
      }
    }
    return false;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  /** A glob matches the path itself or any of its parent directories. */
  private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
    for (Path current = relative; current != null; current = current.getParent()) {
      for (PathMatcher matcher : matchers) {
        if (matcher.matches(current)) {
          return true;
        }
      }
    }
    return false;
  }
}
