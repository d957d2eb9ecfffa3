package dev.blastradius.lang.python.django;

import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Django migration file: its app (the directory above {@code migrations/}), its name (the file
 * stem), the migrations it depends on, runs before or replaces, and its operations.
 *
 * @param module the parsed file, for constants its operations refer to
 */
public record DjangoMigration(
    SourceFile file,
    String app,
    String name,
    List<Key> dependencies,
    List<Key> runBefore,
    List<Key> replaces,
    List<PyExpr.Call> operations,
    PyModule module) {

  /** A migration's identity: {@code (app, name)}. */
  public record Key(String app, String name) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byApp = app.compareTo(other.app);
      return byApp != 0 ? byApp : name.compareTo(other.name);
    }

    @Override
    public String toString() {
      return app + "." + name;
    }
  }

  public Key key() {
    return new Key(app, name);
  }

  /** Whether a path looks like a Django migration: {@code <app>/migrations/<name>.py}. */
  public static boolean candidate(String path) {
    String[] parts = path.split("/");
    return parts.length >= 3
        && parts[parts.length - 2].equals("migrations")
        && parts[parts.length - 1].endsWith(".py")
        && !parts[parts.length - 1].equals("__init__.py");
  }

  /** The migration a parsed file declares, if it has a {@code class Migration(…Migration)}. */
  public static Optional<DjangoMigration> of(PyModule module) {
    PyClass cls = module.classes().get("Migration");
    if (cls == null
        || cls.bases().stream()
            .map(PyExpr::dotted)
            .flatMap(Optional::stream)
            .noneMatch(b -> b.equals("Migration") || b.endsWith(".Migration"))) {
      return Optional.empty();
    }
    String[] parts = module.path().split("/");
    String file = parts[parts.length - 1];
    String name = file.endsWith(".py") ? file.substring(0, file.length() - 3) : file;
    List<Key> dependencies = keys(cls, "dependencies");
    String app =
        candidate(module.path()) ? parts[parts.length - 3] : appOfDependencies(dependencies);
    if (app == null) {
      return Optional.empty();
    }
    List<PyExpr.Call> operations = new ArrayList<>();
    cls.value("operations")
        .ifPresent(
            o -> {
              if (o instanceof PyExpr.Seq seq) {
                seq.items().stream()
                    .filter(PyExpr.Call.class::isInstance)
                    .map(PyExpr.Call.class::cast)
                    .forEach(operations::add);
              }
            });
    return Optional.of(
        new DjangoMigration(
            module.file(),
            app,
            name,
            dependencies,
            keys(cls, "run_before"),
            keys(cls, "replaces"),
            operations,
            module));
  }

  /** Django's own apps, which a project's migration depends on without belonging to them. */
  private static final java.util.Set<String> CONTRIB_APPS =
      java.util.Set.of(
          "admin",
          "auth",
          "contenttypes",
          "sessions",
          "sites",
          "messages",
          "flatpages",
          "redirects");

  /**
   * The app of a migration kept outside its app's {@code migrations/} directory (a proposed one
   * under review): the one project app its dependencies name, else the first dependency's; null
   * without dependencies.
   */
  private static String appOfDependencies(List<Key> dependencies) {
    List<String> apps =
        dependencies.stream()
            .map(Key::app)
            .filter(a -> !CONTRIB_APPS.contains(a))
            .distinct()
            .toList();
    if (apps.size() == 1) {
      return apps.get(0);
    }
    return dependencies.isEmpty() ? null : dependencies.get(0).app();
  }

  /** {@code [("app", "0001_initial"), …]}; swappable dependencies are left out. */
  private static List<Key> keys(PyClass cls, String attribute) {
    List<Key> keys = new ArrayList<>();
    Optional<PyExpr> value = cls.value(attribute);
    if (value.isEmpty() || !(value.get() instanceof PyExpr.Seq seq)) {
      return keys;
    }
    for (PyExpr item : seq.items()) {
      if (item instanceof PyExpr.Seq pair && pair.items().size() == 2) {
        Optional<String> app = PyExpr.string(pair.items().get(0));
        Optional<String> name = PyExpr.string(pair.items().get(1));
        if (app.isPresent() && name.isPresent()) {
          keys.add(new Key(app.get(), name.get()));
        }
      }
    }
    return keys;
  }
}
