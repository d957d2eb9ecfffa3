package dev.blastradius.lang.python.django;

import dev.blastradius.lang.migrations.MigrationLayout;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.migrations.ScriptFormat;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PythonFrontend;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Django's migrations ({@code <app>/migrations/*.py} declaring {@code class Migration}), in the
 * order of their dependency graph ({@code dependencies}, {@code run_before}; a squashed migration
 * stands in for those it {@code replaces}; independent ones by app and name), each prepared with
 * the model state the migrations before it built. Dependencies on apps outside the repository
 * (Django's own, third-party ones) are satisfied silently.
 */
public final class DjangoMigrations {

  /** The tool name used in reports. */
  public static final String TOOL = "django";

  private DjangoMigrations() {}

  /** Every migration among {@code files}, ordered and prepared. */
  public static MigrationLayout.Discovery discover(
      List<SourceFile> files, Function<SourceFile, String> text) {
    List<AnalysisProblem> problems = new ArrayList<>();
    List<DjangoMigration> found = new ArrayList<>();
    for (SourceFile file : files) {
      if (file.language() == Language.PYTHON && DjangoMigration.candidate(file.path())) {
        read(file, text.apply(file), problems, true).ifPresent(found::add);
      }
    }
    if (found.isEmpty()) {
      return MigrationLayout.Discovery.of(List.of());
    }
    List<MigrationLayout.Note> notes = new ArrayList<>();
    List<DjangoMigration> ordered = order(found, problems);
    DjangoState state = new DjangoState();
    List<MigrationScript> scripts = new ArrayList<>();
    for (DjangoMigration migration : ordered) {
      scripts.add(script(migration, state.copy()));
      advance(migration, state);
    }
    return new MigrationLayout.Discovery(scripts, List.of(), problems, notes);
  }

  /**
   * A migration named with {@code --migration}: prepared with the state its own app's earlier
   * migrations (its dependencies, read from its directory) build.
   */
  public static Optional<MigrationScript> proposed(SourceFile file, String text) {
    if (!file.path().endsWith(".py")) {
      return Optional.empty();
    }
    boolean inApp = DjangoMigration.candidate(file.path().replace('\\', '/'));
    List<AnalysisProblem> ignored = new ArrayList<>();
    Optional<DjangoMigration> proposed = read(file, text, ignored, false);
    if (proposed.isEmpty()) {
      return Optional.empty();
    }
    Map<DjangoMigration.Key, DjangoMigration> siblings = new HashMap<>();
    Path directory =
        inApp ? file.absolutePath().getParent() : appMigrations(file, proposed.get().app());
    try (Stream<Path> entries = directory == null ? Stream.empty() : Files.list(directory)) {
      for (Path sibling : entries.sorted().toList()) {
        String name = sibling.getFileName().toString();
        if (!name.endsWith(".py")
            || name.equals("__init__.py")
            || sibling.equals(file.absolutePath())) {
          continue;
        }
        String path =
            inApp
                ? parent(file.path()) + name
                : root(file).relativize(sibling).toString().replace('\\', '/');
        SourceFile source = new SourceFile(sibling, path, Language.PYTHON);
        read(source, SourceText.read(source).text(), ignored, false)
            .ifPresent(m -> siblings.put(m.key(), m));
      }
    } catch (IOException e) {
      // Without its siblings the migration is read against an empty state: default table names.
    }
    List<DjangoMigration> before = new ArrayList<>();
    collectDependencies(proposed.get(), siblings, new HashSet<>(), before);
    DjangoState state = new DjangoState();
    for (DjangoMigration migration : order(before, ignored)) {
      advance(migration, state);
    }
    return Optional.of(script(proposed.get(), state));
  }

  /** Directories a search for an app's migrations skips. */
  private static final Set<String> SKIPPED =
      Set.of("node_modules", "venv", "site-packages", "__pycache__", "build", "dist");

  /**
   * The {@code <app>/migrations/} directory of a proposed migration kept elsewhere (a review
   * directory): the first, by path, under the repository root, at most eight levels down; null when
   * there is none, and the migration is read against an empty state.
   */
  private static Path appMigrations(SourceFile file, String app) {
    Path root = root(file);
    Path own = file.absolutePath().getParent();
    java.util.TreeSet<Path> found = new java.util.TreeSet<>();
    try {
      Files.walkFileTree(
          root,
          Set.of(),
          8,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path dir, java.nio.file.attribute.BasicFileAttributes attributes) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name))) {
                return java.nio.file.FileVisitResult.SKIP_SUBTREE;
              }
              if (!dir.equals(own)
                  && isAppMigrations(root.relativize(dir).toString().replace('\\', '/'), app)) {
                found.add(dir);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path path, IOException e) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
    return found.isEmpty() ? null : found.first();
  }

  private static boolean isAppMigrations(String relative, String app) {
    List<String> parts = List.of(relative.split("/"));
    return parts.size() >= 2
        && parts.get(parts.size() - 1).equals("migrations")
        && parts.get(parts.size() - 2).equals(app);
  }

  /** The repository root: the file's absolute path without its relative one. */
  private static Path root(SourceFile file) {
    Path root = file.absolutePath();
    int depth = file.path().split("/").length;
    for (int i = 0; i < depth && root.getParent() != null; i++) {
      root = root.getParent();
    }
    return root;
  }

  private static void collectDependencies(
      DjangoMigration migration,
      Map<DjangoMigration.Key, DjangoMigration> known,
      Set<DjangoMigration.Key> seen,
      List<DjangoMigration> out) {
    for (DjangoMigration.Key dependency : migration.dependencies()) {
      DjangoMigration found = known.get(dependency);
      if (found != null && seen.add(dependency)) {
        collectDependencies(found, known, seen, out);
        out.add(found);
      }
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /**
   * Reads a migration; {@code ahead}: the file is one of the tree's, which extraction reads too
   * ({@link PythonFrontend#readAhead}).
   */
  private static Optional<DjangoMigration> read(
      SourceFile file, String text, List<AnalysisProblem> problems, boolean ahead) {
    if (!text.contains("Migration")) {
      return Optional.empty();
    }
    List<AnalysisProblem> parsing = new ArrayList<>();
    PyModule module =
        ahead
            ? PythonFrontend.readAhead(file, text, parsing)
            : PythonFrontend.read(file, text, PythonFrontend.PARSE_LIMIT, parsing);
    Optional<DjangoMigration> migration = DjangoMigration.of(module);
    if (migration.isPresent()) {
      parsing.stream()
          .map(p -> new AnalysisProblem(p.path(), "replay", p.cause(), p.line()))
          .forEach(problems::add);
    }
    return migration;
  }

  private static MigrationScript script(DjangoMigration migration, DjangoState before) {
    return new MigrationScript(
        migration.file(),
        TOOL,
        migration.name(),
        List.of(),
        migration.key().toString(),
        ScriptFormat.DJANGO,
        ids -> {
          List<MigrationStep> steps = new ArrayList<>();
          DjangoOperations operations =
              new DjangoOperations(migration.app(), ids, migration.module(), steps);
          DjangoState state = before.copy();
          for (PyExpr.Call operation : migration.operations()) {
            operations.apply(operation, state);
          }
          return steps;
        });
  }

  /** Applies a migration to the state without producing steps. */
  private static void advance(DjangoMigration migration, DjangoState state) {
    DjangoOperations operations =
        new DjangoOperations(
            migration.app(), new Identifiers(SqlDialect.POSTGRES), migration.module(), null);
    for (PyExpr.Call operation : migration.operations()) {
      operations.apply(operation, state);
    }
  }

  /**
   * The migrations in dependency order, ties broken by app and name; a cycle is a problem, and its
   * migrations follow in app and name order.
   */
  static List<DjangoMigration> order(
      List<DjangoMigration> migrations, List<AnalysisProblem> problems) {
    Map<DjangoMigration.Key, DjangoMigration> byKey = new LinkedHashMap<>();
    migrations.forEach(m -> byKey.put(m.key(), m));
    Map<DjangoMigration.Key, DjangoMigration.Key> replacedBy = new HashMap<>();
    for (DjangoMigration migration : migrations) {
      for (DjangoMigration.Key replaced : migration.replaces()) {
        if (byKey.containsKey(replaced)) {
          replacedBy.put(replaced, migration.key());
        }
      }
    }
    replacedBy.keySet().forEach(byKey::remove);
    Map<DjangoMigration.Key, Set<DjangoMigration.Key>> after = new HashMap<>();
    Map<DjangoMigration.Key, Integer> pending = new HashMap<>();
    byKey.keySet().forEach(k -> pending.put(k, 0));
    for (DjangoMigration migration : byKey.values()) {
      for (DjangoMigration.Key dependency : migration.dependencies()) {
        edge(resolve(dependency, byKey, replacedBy), migration.key(), after, pending);
      }
      for (DjangoMigration.Key later : migration.runBefore()) {
        edge(migration.key(), resolve(later, byKey, replacedBy), after, pending);
      }
    }
    PriorityQueue<DjangoMigration.Key> ready = new PriorityQueue<>();
    pending.forEach(
        (k, n) -> {
          if (n == 0) {
            ready.add(k);
          }
        });
    List<DjangoMigration> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      DjangoMigration.Key next = ready.poll();
      ordered.add(byKey.get(next));
      for (DjangoMigration.Key successor : after.getOrDefault(next, Set.of())) {
        if (pending.merge(successor, -1, Integer::sum) == 0) {
          ready.add(successor);
        }
      }
    }
    if (ordered.size() < byKey.size()) {
      List<DjangoMigration.Key> stuck =
          byKey.keySet().stream().filter(k -> pending.get(k) > 0).sorted().toList();
      DjangoMigration first = byKey.get(stuck.get(0));
      problems.add(
          new AnalysisProblem(
              first.file().path(),
              "replay",
              "Django migrations depend on each other in a cycle ("
                  + stuck.stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("")
                  + "); replayed in app and name order",
              0));
      stuck.forEach(k -> ordered.add(byKey.get(k)));
    }
    return ordered;
  }

  /** A dependency as it is in the graph: squashed, or {@code __first__}/{@code __latest__}. */
  private static DjangoMigration.Key resolve(
      DjangoMigration.Key key,
      Map<DjangoMigration.Key, DjangoMigration> byKey,
      Map<DjangoMigration.Key, DjangoMigration.Key> replacedBy) {
    if (replacedBy.containsKey(key)) {
      return replacedBy.get(key);
    }
    if (key.name().equals("__first__") || key.name().equals("__latest__")) {
      List<DjangoMigration.Key> app =
          byKey.keySet().stream().filter(k -> k.app().equals(key.app())).sorted().toList();
      if (!app.isEmpty()) {
        return key.name().equals("__first__") ? app.get(0) : app.get(app.size() - 1);
      }
    }
    return key;
  }

  private static void edge(
      DjangoMigration.Key from,
      DjangoMigration.Key to,
      Map<DjangoMigration.Key, Set<DjangoMigration.Key>> after,
      Map<DjangoMigration.Key, Integer> pending) {
    if (!pending.containsKey(from) || !pending.containsKey(to) || from.equals(to)) {
      return;
    }
    if (after.computeIfAbsent(from, k -> new HashSet<>()).add(to)) {
      pending.merge(to, 1, Integer::sum);
    }
  }
}
