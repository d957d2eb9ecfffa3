package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.lang.migrations.MigrationLayout;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.migrations.ScriptFormat;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.PythonFrontend;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Alembic's migrations: Python files in a {@code versions/} directory that use Alembic and declare
 * {@code revision} and {@code down_revision}, in the order of their revision chain (a tuple {@code
 * down_revision} merges branches; revisions whose parents are all applied go by path). A parent
 * that is not among the files, or a cycle, is a problem and the revisions involved go last, by
 * path. Only {@code upgrade()} is read, by {@link AlembicOperations}.
 */
public final class AlembicMigrations {

  /** The tool name used in reports. */
  public static final String TOOL = "alembic";

  private AlembicMigrations() {}

  /** One revision file. */
  private record Revision(SourceFile file, String id, List<String> parents, PyModule module) {}

  /** Whether a file looks like an Alembic revision, before parsing it. */
  public static boolean candidate(SourceFile file, String text) {
    return inVersions(file)
        && text.contains("alembic")
        && text.contains("down_revision")
        && text.contains("def upgrade");
  }

  /** Whether a file is a Python file in a {@code versions/} directory (its text is not read). */
  private static boolean inVersions(SourceFile file) {
    String path = file.path();
    return file.language() == Language.PYTHON
        && (path.startsWith("versions/") || path.contains("/versions/"));
  }

  /** Every revision among {@code files}, in chain order. */
  public static MigrationLayout.Discovery discover(
      List<SourceFile> files, Function<SourceFile, String> text) {
    List<AnalysisProblem> problems = new ArrayList<>();
    List<Revision> found = new ArrayList<>();
    for (SourceFile file : files) {
      if (!inVersions(file)) {
        continue;
      }
      String content = text.apply(file);
      if (candidate(file, content)) {
        read(file, content, problems).ifPresent(found::add);
      }
    }
    if (found.isEmpty()) {
      return MigrationLayout.Discovery.of(List.of());
    }
    List<MigrationScript> scripts = new ArrayList<>();
    for (Revision revision : order(found, problems)) {
      scripts.add(script(revision));
    }
    return new MigrationLayout.Discovery(scripts, List.of(), problems);
  }

  /** A revision named with {@code --migration}. */
  public static Optional<MigrationScript> proposed(SourceFile file, String text) {
    if (!file.path().endsWith(".py")
        || !text.contains("down_revision")
        || !text.contains("def upgrade")) {
      return Optional.empty();
    }
    return read(file, text, new ArrayList<>()).map(AlembicMigrations::script);
  }

  private static Optional<Revision> read(
      SourceFile file, String text, List<AnalysisProblem> problems) {
    PyModule module = PythonFrontend.read(file, text, PythonFrontend.PARSE_LIMIT, problems);
    Optional<String> id = module.variable("revision").flatMap(AlembicMigrations::string);
    if (id.isEmpty() || !module.variables().containsKey("down_revision")) {
      return Optional.empty();
    }
    List<String> parents = new ArrayList<>();
    PyExpr down = module.variable("down_revision").orElse(null);
    if (down instanceof PyExpr.Seq seq) {
      seq.items().forEach(i -> string(i).ifPresent(parents::add));
    } else if (down != null) {
      string(down).ifPresent(parents::add);
    }
    return Optional.of(new Revision(file, id.get(), parents, module));
  }

  /** A string, also when annotated ({@code revision: str = "ab12"}). */
  private static Optional<String> string(PyExpr expr) {
    return expr instanceof PyExpr.Str s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The revisions parents first; ties by path. */
  private static List<Revision> order(List<Revision> revisions, List<AnalysisProblem> problems) {
    Map<String, Revision> byId = new LinkedHashMap<>();
    for (Revision revision : revisions) {
      Revision clash = byId.putIfAbsent(revision.id(), revision);
      if (clash != null) {
        problems.add(
            new AnalysisProblem(
                revision.file().path(),
                "replay",
                "Alembic revision "
                    + revision.id()
                    + " is also declared in "
                    + clash.file().path()
                    + "; this file is not replayed",
                0));
      }
    }
    List<Revision> ordered = new ArrayList<>();
    Set<String> applied = new HashSet<>();
    List<Revision> pending = new ArrayList<>(byId.values());
    pending.sort(Comparator.comparing(r -> r.file().path()));
    Map<String, Boolean> missingReported = new HashMap<>();
    for (Revision revision : pending) {
      for (String parent : revision.parents()) {
        if (!byId.containsKey(parent) && missingReported.put(revision.id(), true) == null) {
          problems.add(
              new AnalysisProblem(
                  revision.file().path(),
                  "replay",
                  "Alembic revision "
                      + revision.id()
                      + " follows "
                      + parent
                      + ", which is not among the migrations; it is replayed after the others",
                  0));
        }
      }
    }
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Revision revision : pending) {
        if (!applied.contains(revision.id()) && applied.containsAll(revision.parents())) {
          applied.add(revision.id());
          ordered.add(revision);
          progress = true;
          break;
        }
      }
    }
    for (Revision revision : pending) {
      if (!applied.contains(revision.id())) {
        if (!missingReported.containsKey(revision.id())) {
          problems.add(
              new AnalysisProblem(
                  revision.file().path(),
                  "replay",
                  "Alembic revision "
                      + revision.id()
                      + " is part of a cycle of down_revision links; it is replayed after the"
                      + " others",
                  0));
        }
        ordered.add(revision);
      }
    }
    return ordered;
  }

  private static MigrationScript script(Revision revision) {
    PyUnit upgrade = revision.module().functions().get("upgrade");
    String name = revision.file().fileName();
    MigrationScript.Prepared prepared =
        ids -> upgrade == null ? List.<MigrationStep>of() : AlembicOperations.read(upgrade, ids);
    return new MigrationScript(
        revision.file(),
        TOOL,
        revision.id(),
        List.of(),
        name.substring(0, name.length() - 3),
        ScriptFormat.ALEMBIC,
        prepared);
  }
}
