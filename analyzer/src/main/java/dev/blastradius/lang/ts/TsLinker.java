package dev.blastradius.lang.ts;

import dev.blastradius.graph.CallSite;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.Parallel;
import dev.blastradius.lang.ts.prisma.PrismaSchema;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Links the TypeScript/JavaScript files once all are read. First the files the prefilter kept from
 * tree-sitter are parsed where they matter: a file that imports (directly or through other files) a
 * module touching the database can lead an entry point to it. Then each call by name is resolved to
 * the unit it lands in, and each pending data use is finished.
 */
final class TsLinker {

  private final ExtractContext context;
  private final Function<SourceFile, FileFacts> parser;

  /**
   * @param parser parses one file fully (the prefilter bypassed), for files found to matter
   */
  TsLinker(ExtractContext context, Function<SourceFile, FileFacts> parser) {
    this.context = context;
    this.parser = parser;
  }

  List<FileFacts> link(List<FileFacts> files) {
    Map<String, FileFacts> facts = new LinkedHashMap<>();
    Map<String, TsModule> modules = new HashMap<>();
    List<PrismaSchema> schemas = new ArrayList<>();
    for (FileFacts file : files) {
      facts.put(file.path(), file);
      if (file.state() instanceof TsModule module) {
        modules.put(file.path(), module);
      } else if (file.state() instanceof PrismaSchema schema) {
        schemas.add(schema);
      }
    }
    Map<String, SourceFile> sources = new HashMap<>();
    for (SourceFile file : context.files()) {
      if (facts.containsKey(file.path())) {
        sources.put(file.path(), file);
      }
    }
    ModuleResolver resolver = new ModuleResolver(sources.keySet(), context.files());
    Function<String, TsModule> loader =
        path -> {
          TsModule known = modules.get(path);
          if (known == null || known.parsed || !sources.containsKey(path)) {
            return known;
          }
          return loaded(path, parser.apply(sources.get(path)), facts, modules);
        };
    TsProject project =
        new TsProject(modules, loader, resolver, context, PrismaSchema.merge(schemas));
    List<String> skipped =
        importers(facts, modules, project).stream()
            .filter(p -> !modules.get(p).parsed && sources.containsKey(p))
            .sorted()
            .toList();
    List<FileFacts> parsed = parseAll(skipped.stream().map(sources::get).toList());
    for (int i = 0; i < skipped.size(); i++) {
      loaded(skipped.get(i), parsed.get(i), facts, modules);
    }

    List<FileFacts> linked = new ArrayList<>();
    for (FileFacts file : files) {
      FileFacts current = facts.get(file.path());
      FileFacts.Builder builder = new FileFacts.Builder(file.path()).addAll(current).state(null);
      TsModule module = modules.get(file.path());
      if (module != null && module.parsed) {
        calls(module, project, builder);
        module.pending.forEach(p -> p.resolve(project, builder));
      }
      linked.add(builder.build());
    }
    return linked;
  }

  /** Records the facts of a file the link phase parsed, and its module. */
  private static TsModule loaded(
      String path, FileFacts parsed, Map<String, FileFacts> facts, Map<String, TsModule> modules) {
    facts.put(path, parsed);
    TsModule module = parsed.state() instanceof TsModule m ? m : new TsModule(path, true);
    modules.put(path, module);
    return module;
  }

  /**
   * Every module that touches the database and every module that imports one, directly or through
   * other files: only a skipped file among them can lead an entry point to an access, so only those
   * are parsed. Found from the import specifiers every file already has, without parsing.
   */
  private static Set<String> importers(
      Map<String, FileFacts> facts, Map<String, TsModule> modules, TsProject project) {
    Map<String, Set<String>> importers = new HashMap<>();
    for (TsModule module : List.copyOf(modules.values())) {
      for (String specifier : module.specifiers) {
        project
            .resolve(module.path, specifier)
            .ifPresent(t -> importers.computeIfAbsent(t, k -> new HashSet<>()).add(module.path));
      }
    }
    Deque<String> work = new ArrayDeque<>();
    for (Map.Entry<String, TsModule> entry : modules.entrySet()) {
      TsModule module = entry.getValue();
      if (module.touchesDatabase
          || !module.pending.isEmpty()
          || !facts.get(entry.getKey()).accesses().isEmpty()) {
        work.add(entry.getKey());
      }
    }
    Set<String> relevant = new HashSet<>();
    while (!work.isEmpty()) {
      String path = work.pop();
      if (relevant.add(path)) {
        work.addAll(importers.getOrDefault(path, Set.of()));
      }
    }
    relevant.retainAll(modules.keySet());
    return relevant;
  }

  /**
   * Parses files the prefilter skipped, on {@code --threads} threads; the result is in the order of
   * {@code files}. A file whose parse throws gets a problem, as in the extract pass.
   */
  private List<FileFacts> parseAll(List<SourceFile> files) {
    return Parallel.map(
        files,
        context.threads(),
        parser,
        (file, e) ->
            FileFacts.failed(file.path(), AnalysisProblem.crash(file.path(), "extract", e)));
  }

  /**
   * Each call by name that lands in one of our units becomes a call-graph edge, except a call from
   * browser code into a server action: that is an HTTP request, with its own entry point.
   */
  private static void calls(TsModule module, TsProject project, FileFacts.Builder builder) {
    Set<String> seen = new HashSet<>();
    for (TsModule.Call call : module.calls) {
      Optional<String> target = project.calleeIfRead(module, call);
      if (target.isEmpty() || (module.browser && serverAction(target.get(), project))) {
        continue;
      }
      if (seen.add(call.callerId() + "\n" + target.get())) {
        builder.call(new CallSite(call.callerId(), target.get(), 0, null));
      }
    }
  }

  private static boolean serverAction(String unitId, TsProject project) {
    String path = unitId.substring("ts:".length(), unitId.indexOf('#'));
    return project
        .module(path)
        .map(m -> m.serverActionFile || m.serverActions.contains(unitId))
        .orElse(false);
  }
}
