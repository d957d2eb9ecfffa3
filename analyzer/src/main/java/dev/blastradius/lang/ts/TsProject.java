package dev.blastradius.lang.ts;

import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.ts.drizzle.DrizzleTable;
import dev.blastradius.lang.ts.prisma.PrismaSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every TypeScript/JavaScript module of the repository once all are read: resolves what a name in
 * one file is bound to in another (through imports, re-exports, barrels, default exports and
 * CommonJS), which unit a call lands in, and the value of an imported constant. Modules the
 * prefilter kept from tree-sitter are parsed when a question needs them (a barrel without database
 * words, a constants file).
 */
public final class TsProject {

  /**
   * What a name is bound to: {@code local} in the module at {@code path}; {@code local} is {@code
   * *} for a whole module (a namespace import or {@code require}).
   */
  public record Binding(String path, String local) {}

  private final Map<String, TsModule> modules;
  private final Function<String, TsModule> loader;
  private final ModuleResolver resolver;
  private final ExtractContext context;
  private final PrismaSchema prisma;

  /** False while calls are resolved: see {@link #calleeIfRead}. */
  private boolean loading = true;

  TsProject(
      Map<String, TsModule> modules,
      Function<String, TsModule> loader,
      ModuleResolver resolver,
      ExtractContext context,
      PrismaSchema prisma) {
    this.modules = modules;
    this.loader = loader;
    this.resolver = resolver;
    this.context = context;
    this.prisma = prisma;
  }

  private final Map<Object, Object> memos = new java.util.HashMap<>();

  /** Every module of the project (parsed or not), by path. */
  public List<TsModule> modules() {
    return modules.values().stream()
        .sorted(java.util.Comparator.comparing((TsModule m) -> m.path))
        .toList();
  }

  /** A project-wide index built once, on first use, by {@code compute}. */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
    Object known = memos.get(key);
    if (known == null) {
      known = compute.get();
      memos.put(key, known);
    }
    return (T) known;
  }

  public ExtractContext context() {
    return context;
  }

  /** Every Prisma model of the repository (empty without a schema). */
  public PrismaSchema prisma() {
    return prisma;
  }

  /** A Drizzle table and where it is declared. */
  public record DeclaredTable(String path, String local, DrizzleTable table) {}

  /**
   * The Drizzle table a name ({@code users}) or namespace member ({@code schema.users}) used in the
   * module at {@code path} refers to.
   */
  public Optional<DeclaredTable> drizzleTable(String path, String dotted) {
    String[] parts = dotted.split("\\.");
    if (parts.length > 2) {
      return Optional.empty();
    }
    Optional<Binding> binding = binding(path, parts[0]);
    if (binding.isPresent() && binding.get().local().equals("*") && parts.length == 2) {
      binding = export(binding.get().path(), parts[1]);
    } else if (parts.length == 2) {
      return Optional.empty();
    }
    return binding.flatMap(
        b ->
            module(b.path())
                .map(m -> m.drizzleTables.get(b.local()))
                .map(t -> new DeclaredTable(b.path(), b.local(), t)));
  }

  /** A Drizzle table by the name it has in the schema object ({@code db.query.users}). */
  public Optional<DeclaredTable> drizzleTableNamed(String key) {
    for (TsModule module : modules.values()) {
      DrizzleTable table = module.drizzleTables.get(key);
      if (table != null) {
        return Optional.of(new DeclaredTable(module.path, key, table));
      }
    }
    return Optional.empty();
  }

  /** The target of relation {@code name} of a Drizzle table, from its {@code relations(…)}. */
  public Optional<DeclaredTable> drizzleRelation(DeclaredTable table, String name) {
    for (TsModule module : modules.values()) {
      for (Map.Entry<String, Map<String, String>> entry : module.drizzleRelations.entrySet()) {
        String target = entry.getValue().get(name);
        if (target == null) {
          continue;
        }
        Optional<DeclaredTable> owner = drizzleTable(module.path, entry.getKey());
        if (owner.isPresent()
            && owner.get().path().equals(table.path())
            && owner.get().local().equals(table.local())) {
          return drizzleTable(module.path, target);
        }
      }
    }
    return Optional.empty();
  }

  /** A TypeORM entity class and where it is declared. */
  public record DeclaredEntity(String path, dev.blastradius.lang.ts.typeorm.TypeOrmEntity entity) {}

  /** The TypeORM entity (or mapped base) class a name used in the module at {@code path} names. */
  public Optional<DeclaredEntity> typeormEntity(String path, String local) {
    return binding(path, local)
        .filter(b -> !b.local().equals("*"))
        .flatMap(
            b ->
                module(b.path())
                    .map(m -> m.typeormEntities.get(b.local()))
                    .map(e -> new DeclaredEntity(b.path(), e)));
  }

  /** Whether some file configures TypeORM's data source with {@code SnakeNamingStrategy}. */
  public boolean typeormSnakeNaming() {
    return modules.values().stream().anyMatch(m -> m.typeormSnakeNaming);
  }

  /** Table and column names matched against the catalog. */
  public DbNames names() {
    return new DbNames(context.catalog(), context.sql().identifiers());
  }

  /** The module at {@code path}, parsed now if the prefilter had skipped it. */
  public Optional<TsModule> module(String path) {
    TsModule module = modules.get(path);
    if (module != null && !module.parsed && loading) {
      module = loader.apply(path);
    }
    return Optional.ofNullable(module);
  }

  /** The repository file a specifier names from {@code importer}. */
  public Optional<String> resolve(String importer, String specifier) {
    return resolver.resolve(importer, specifier);
  }

  /** What {@code local} is bound to in the module at {@code path}: itself, or what it imports. */
  public Optional<Binding> binding(String path, String local) {
    return module(path).flatMap(m -> binding(m, local, new HashSet<>()));
  }

  private Optional<Binding> binding(TsModule module, String local, Set<String> seen) {
    TsModule.Import imported = module.importOf(local);
    if (imported == null) {
      return Optional.of(new Binding(module.path, local));
    }
    Optional<String> target = resolver.resolve(module.path, imported.specifier());
    if (target.isEmpty()) {
      return Optional.empty();
    }
    return export(target.get(), imported.imported(), seen);
  }

  /** What module {@code path} exports as {@code name} ({@code default}, {@code *} or a name). */
  public Optional<Binding> export(String path, String name) {
    return export(path, name, new HashSet<>());
  }

  private Optional<Binding> export(String path, String name, Set<String> seen) {
    if (!seen.add(path + "\n" + name)) {
      return Optional.empty();
    }
    if (name.equals("*")) {
      return Optional.of(new Binding(path, "*"));
    }
    Optional<TsModule> found = module(path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TsModule module = found.get();
    String local = module.exports.get(name);
    if (local != null) {
      return binding(module, local, seen);
    }
    for (TsModule.ReExport reExport : module.reExports) {
      boolean named = name.equals(reExport.exported());
      boolean star = reExport.exported() == null && !name.equals("default");
      if (!named && !star) {
        continue;
      }
      Optional<String> target = resolver.resolve(path, reExport.specifier());
      if (target.isEmpty()) {
        continue;
      }
      Optional<Binding> result =
          named
              ? export(target.get(), reExport.imported(), seen)
              : export(target.get(), name, seen);
      if (result.isPresent()) {
        return result;
      }
    }
    return Optional.empty();
  }

  /** The unit {@code member} of a binding names ({@code find} of {@code users}), if any. */
  public Optional<String> unit(Binding binding, List<String> members) {
    Binding current = binding;
    List<String> rest = members;
    if (current.local().equals("*")) {
      // A whole module: its default export when called, else the export the member names.
      String exported = rest.isEmpty() ? "default" : rest.get(0);
      rest = rest.isEmpty() ? rest : rest.subList(1, rest.size());
      Optional<Binding> inner = export(current.path(), exported);
      if (inner.isEmpty() || inner.get().local().equals("*")) {
        return Optional.empty();
      }
      current = inner.get();
    }
    String name = rest.isEmpty() ? current.local() : current.local() + "." + String.join(".", rest);
    Binding at = current;
    return module(at.path()).map(m -> m.units.get(name));
  }

  /** The value of an imported constant that {@code ref} names in the module at {@code path}. */
  public Optional<SqlText> constant(String path, SqlText.Ref ref) {
    Optional<Binding> binding = binding(path, ref.local());
    if (binding.isEmpty()) {
      return Optional.empty();
    }
    Binding found = binding.get();
    if (found.local().equals("*")) {
      if (ref.member() == null) {
        return Optional.empty();
      }
      return export(found.path(), ref.member())
          .flatMap(b -> module(b.path()).map(m -> m.constants.get(b.local())));
    }
    String key = ref.member() == null ? found.local() : found.local() + "." + ref.member();
    return module(found.path()).map(m -> m.constants.get(key));
  }

  /**
   * {@link #callee}, reading no module the prefilter skipped that is not read yet. The linker has
   * by then read every module that touches the database and every module importing one, directly or
   * not; a call into any other module cannot lead to an access, so parsing it (often a UI component
   * or a helper a route calls) would add only a call-graph edge that reaches nothing.
   */
  public Optional<String> calleeIfRead(TsModule module, TsModule.Call call) {
    loading = false;
    try {
      return callee(module, call);
    } finally {
      loading = true;
    }
  }

  /** The unit a call of {@code module} lands in, if it is one of ours. */
  public Optional<String> callee(TsModule module, TsModule.Call call) {
    List<String> target = call.target();
    String first = target.get(0);
    if (first.equals(TsModule.EXPORT_TARGET)) {
      return export(module.path, target.get(1)).flatMap(b -> unit(b, List.of()));
    }
    if (first.equals("new")) {
      return binding(module.path, target.get(1)).flatMap(b -> unit(b, List.of("constructor")));
    }
    if (first.equals("this")) {
      if (call.owner() == null || target.size() < 2) {
        return Optional.empty();
      }
      if (target.size() == 2) {
        return Optional.ofNullable(module.units.get(call.owner() + "." + target.get(1)));
      }
      return typed(
          module,
          module.types.get(call.owner() + "." + target.get(1)),
          target.subList(2, target.size()));
    }
    if (target.size() > 1) {
      String local = module.units.get(String.join(".", target));
      if (local != null) {
        return Optional.of(local);
      }
      String type = module.types.get(first);
      if (type != null) {
        Optional<String> typedUnit = typed(module, type, target.subList(1, target.size()));
        if (typedUnit.isPresent()) {
          return typedUnit;
        }
      }
    }
    return binding(module.path, first).flatMap(b -> unit(b, target.subList(1, target.size())));
  }

  /** A method of a declared type: {@code UsersService} → its class, wherever it is declared. */
  private Optional<String> typed(TsModule module, String type, List<String> members) {
    if (type == null || members.isEmpty()) {
      return Optional.empty();
    }
    int generic = type.indexOf('<');
    String name = (generic < 0 ? type : type.substring(0, generic)).strip();
    return binding(module.path, name).flatMap(b -> unit(b, members));
  }
}
