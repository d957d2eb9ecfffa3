package dev.blastradius.lang.python.link;

import dev.blastradius.graph.CallSite;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.Parallel;
import dev.blastradius.lang.python.Prefilter;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyParam;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.PythonFrontend;
import dev.blastradius.lang.python.dbapi.DbApiAdapter;
import dev.blastradius.lang.python.django.DefaultAdminAdapter;
import dev.blastradius.lang.python.django.DjangoAdminAdapter;
import dev.blastradius.lang.python.django.DjangoModels;
import dev.blastradius.lang.python.django.DjangoOrmAdapter;
import dev.blastradius.lang.python.django.LazyQuerysetAdapter;
import dev.blastradius.lang.python.django.ModelMetaAdapter;
import dev.blastradius.lang.python.entrypoints.CeleryBeatEntryPoints;
import dev.blastradius.lang.python.entrypoints.DjangoAdminEntryPoints;
import dev.blastradius.lang.python.entrypoints.DjangoMigrationEntryPoints;
import dev.blastradius.lang.python.entrypoints.DjangoUrlEntryPoints;
import dev.blastradius.lang.python.entrypoints.ManagementCommandEntryPoints;
import dev.blastradius.lang.python.entrypoints.ScriptEntryPoints;
import dev.blastradius.lang.python.entrypoints.SignalEntryPoints;
import dev.blastradius.lang.python.entrypoints.TaskEntryPoints;
import dev.blastradius.lang.python.entrypoints.WebRouteEntryPoints;
import dev.blastradius.lang.python.sqlalchemy.SqlAlchemyAdapter;
import dev.blastradius.lang.python.sqlalchemy.SqlAlchemyModels;
import dev.blastradius.source.AnalysisProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the Python files once all are read. First it parses the files the prefilter skipped that
 * mention a function, class or module of a parsed file (they may call into database code), until
 * nothing new is mentioned; files that resolution looks into are parsed on demand. Then, per unit
 * and statement, it resolves calls into call-graph edges, lets the access adapters read every call
 * and statement, and lets the entry-point finders read every module.
 */
public final class PythonLinker {

  /** One adapter per framework, in this explicit list. */
  private static final List<CallAdapter> CALL_ADAPTERS =
      List.of(
          new DbApiAdapter(),
          new DjangoOrmAdapter(),
          new DefaultAdminAdapter(),
          new SqlAlchemyAdapter(),
          new BoundMethodCalls());

  private static final List<StatementAdapter> STATEMENT_ADAPTERS =
      List.of(new InstanceAttributes(), new LazyQuerysetAdapter());

  private static final List<ClassAdapter> CLASS_ADAPTERS =
      List.of(new ModelMetaAdapter(), new DjangoAdminAdapter());

  /** One finder per entry-point family, in this explicit list. */
  private static final List<EntryPointFinder> ENTRY_POINTS =
      List.of(
          new ScriptEntryPoints(),
          new DjangoMigrationEntryPoints(),
          new DjangoUrlEntryPoints(),
          new ManagementCommandEntryPoints(),
          new TaskEntryPoints(),
          new CeleryBeatEntryPoints(),
          new SignalEntryPoints(),
          new WebRouteEntryPoints(),
          new DjangoAdminEntryPoints());

  private final ExtractContext context;
  private final Duration parseLimit;

  /** Problems of files parsed while linking, by path. */
  private final Map<String, List<AnalysisProblem>> lateProblems = new HashMap<>();

  public PythonLinker(ExtractContext context, Duration parseLimit) {
    this.context = context;
    this.parseLimit = parseLimit;
  }

  /** The files, finished, in the same order and without their state. */
  public List<FileFacts> link(List<FileFacts> files) {
    List<PyModule> modules = new ArrayList<>();
    for (FileFacts file : files) {
      if (file.state() instanceof PyModule module) {
        modules.add(module);
      }
    }
    modules.sort(Comparator.comparing(PyModule::path));
    ModuleIndex index = new ModuleIndex(modules, context.files(), this::parseLate);
    parseCallers(index);
    Resolver resolver = new Resolver(index);
    Project project = new Project(context, index, resolver);
    Orms orms = new Orms(List.of(new SqlAlchemyModels(project), new DjangoModels(project)));
    project.models(orms);
    resolver.hooks(orms);
    Map<String, FileFacts.Builder> builders = new LinkedHashMap<>();
    for (FileFacts file : files) {
      builders.put(file.path(), new FileFacts.Builder(file.path()).addAll(file).state(null));
    }
    CallEdges edges = new CallEdges(resolver, parsedModules(index));
    Set<String> linked = new HashSet<>();
    boolean more = true;
    while (more) {
      // Linking may parse skipped modules on demand; those are linked in the next round.
      more = false;
      for (PyModule module : index.modules()) {
        if (module.parsed() && linked.add(module.path())) {
          more = true;
          FileFacts.Builder builder =
              builders.computeIfAbsent(module.path(), FileFacts.Builder::new);
          linkModule(module, project, edges, builder);
        }
      }
    }
    for (PyModule module : index.modules()) {
      if (!module.parsed()) {
        continue;
      }
      FileFacts.Builder builder = builders.get(module.path());
      for (EntryPointFinder finder : ENTRY_POINTS) {
        finder.find(module, project, builder::entryPoint);
      }
    }
    List<FileFacts> result = new ArrayList<>();
    for (FileFacts file : files) {
      result.add(builders.get(file.path()).build());
    }
    return result;
  }

  private static List<PyModule> parsedModules(ModuleIndex index) {
    return index.modules().stream().filter(PyModule::parsed).toList();
  }

  /**
   * Parses skipped files that mention a name defined in a parsed one, repeatedly, so that every
   * caller of database code is in the call graph.
   */
  private void parseCallers(ModuleIndex index) {
    Set<String> names = new HashSet<>();
    List<PyModule> fresh = parsedModules(index);
    while (!fresh.isEmpty()) {
      fresh.forEach(m -> names.addAll(definedNames(m)));
      fresh = new ArrayList<>();
      Prefilter.Words words = new Prefilter.Words(names);
      List<PyModule> callers = new ArrayList<>();
      for (PyModule module : index.modules()) {
        if (!module.parsed() && words.anyIn(module.skippedText())) {
          callers.add(module);
        }
      }
      // Parsing one caller changes nothing the others are chosen by: parse them all at once.
      List<Late> parsed = Parallel.map(callers, context.threads(), this::readLate);
      for (Late late : parsed) {
        lateProblems.put(late.module().path(), late.problems());
        fresh.add(index.replace(late.module()));
      }
    }
  }

  /** A skipped module parsed late, and the problems of its parse. */
  private record Late(PyModule module, List<AnalysisProblem> problems) {}

  private Late readLate(PyModule skipped) {
    List<AnalysisProblem> problems = new ArrayList<>();
    PyModule module =
        PythonFrontend.read(skipped.file(), skipped.skippedText(), parseLimit, problems);
    return new Late(module, problems);
  }

  /** The names other files use to reach a module's code: its functions, classes, methods, stem. */
  private static Set<String> definedNames(PyModule module) {
    Set<String> names = new HashSet<>();
    for (PyUnit unit : module.units()) {
      if (unit.kind() == PyUnit.Kind.FUNCTION && !CallEdges.COMMON.contains(unit.name())) {
        names.add(unit.name());
      }
    }
    for (PyClass cls : module.allClasses()) {
      names.add(cls.name());
    }
    String file = module.file().fileName();
    if (module.isPackage()) {
      String path = module.path();
      int end = path.lastIndexOf('/');
      int start = path.lastIndexOf('/', end - 1);
      if (end > 0) {
        names.add(path.substring(start + 1, end));
      }
    } else {
      names.add(file.substring(0, file.length() - 3));
    }
    names.removeIf(n -> n.startsWith("__"));
    return names;
  }

  /** Parses a skipped module; its units and problems are added when its facts are built. */
  private PyModule parseLate(PyModule skipped) {
    Late late = readLate(skipped);
    lateProblems.put(late.module().path(), late.problems());
    return late.module();
  }

  private void linkModule(
      PyModule module, Project project, CallEdges edges, FileFacts.Builder builder) {
    List<AnalysisProblem> problems = lateProblems.remove(module.path());
    if (problems != null) {
      problems.forEach(builder::problem);
      PythonFrontend.units(module).forEach(builder::unit);
    }
    Resolver resolver = project.resolver();
    types(module, resolver, builder);
    AccessSink sink = new AccessSink();
    for (PyUnit unit : module.units()) {
      Scope scope = resolver.scope(module, unit);
      Set<CallSite> calls = new java.util.LinkedHashSet<>();
      Scope outer = scope.parent() == null ? scope : scope.parent();
      for (PyParam param : unit.params()) {
        edges.references(param.defaultValue(), outer, unit.id(), calls::add);
      }
      for (PyStatement statement : unit.statements()) {
        edges.references(statement.value(), scope, unit.id(), calls::add);
        PySite site = new PySite(project, builder, sink, module, unit, scope, statement);
        ExprWalk.calls(
            statement.value(),
            (call, chained) -> {
              edges.edges(call, scope, unit.id(), calls::add);
              for (CallAdapter adapter : CALL_ADAPTERS) {
                adapter.visit(call, chained, site);
              }
            });
        for (StatementAdapter adapter : STATEMENT_ADAPTERS) {
          adapter.visit(site);
        }
      }
      calls.forEach(builder::call);
    }
    for (PyClass cls : module.allClasses()) {
      PyValue.ClassRef ref = new PyValue.ClassRef(module, cls);
      ClassSite site = new ClassSite(project, builder, sink, ref);
      for (ClassAdapter adapter : CLASS_ADAPTERS) {
        adapter.visit(ref, site);
      }
    }
    sink.drainTo(builder);
  }

  /** Lets every adapter read the statement of a replayed site ({@link BoundMethodCalls}). */
  static void read(PySite site) {
    ExprWalk.calls(
        site.statement().value(),
        (call, chained) -> {
          for (CallAdapter adapter : CALL_ADAPTERS) {
            adapter.visit(call, chained, site);
          }
        });
    for (StatementAdapter adapter : STATEMENT_ADAPTERS) {
      adapter.visit(site);
    }
  }

  /** The call-graph types of a module: the module, its classes with their project bases. */
  private static void types(PyModule module, Resolver resolver, FileFacts.Builder builder) {
    builder.type(module.moduleUnit().ownerType(), Set.of());
    for (PyClass cls : module.allClasses()) {
      builder.type(cls.type(), CallEdges.supertypes(resolver, new PyValue.ClassRef(module, cls)));
    }
    for (PyUnit unit : module.units()) {
      if (unit.kind() == PyUnit.Kind.FUNCTION && !unit.localFunctions().isEmpty()) {
        builder.type(unit.id(), Set.of());
      }
    }
  }
}
