package dev.blastradius.lang.ts;

import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.treesitter.Grammar;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.lang.ts.drizzle.DrizzleAdapter;
import dev.blastradius.lang.ts.entrypoints.BrowserEntryPoints;
import dev.blastradius.lang.ts.entrypoints.EdgeFunctionEntryPoints;
import dev.blastradius.lang.ts.entrypoints.JobDefinitions;
import dev.blastradius.lang.ts.entrypoints.JobEntryPoints;
import dev.blastradius.lang.ts.entrypoints.NestEntryPoints;
import dev.blastradius.lang.ts.entrypoints.NextEntryPoints;
import dev.blastradius.lang.ts.entrypoints.ScriptEntryPoints;
import dev.blastradius.lang.ts.entrypoints.ServerRoutes;
import dev.blastradius.lang.ts.entrypoints.TrpcProcedures;
import dev.blastradius.lang.ts.knex.KnexAdapter;
import dev.blastradius.lang.ts.prisma.PrismaAdapter;
import dev.blastradius.lang.ts.sql.RawSqlAdapter;
import dev.blastradius.lang.ts.supabase.SupabaseAdapter;
import dev.blastradius.lang.ts.typeorm.TypeOrmAdapter;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one parsed TypeScript/JavaScript file, copied out of tree-sitter ({@link TsNode}): one walk
 * finds the nodes that matter (functions, classes, calls, imports, exports, declarations); units
 * are byte spans, and every other node belongs to the innermost unit that holds it. The module's
 * bindings and calls go into its {@link TsModule}; each call and then the file go through every
 * adapter.
 */
final class ModuleReader {

  /** How many syntax errors a problem lists. */
  private static final int ERRORS_SHOWN = 3;

  /** One adapter per framework, in this explicit list. */
  private static final List<TsAdapter> ADAPTERS =
      List.of(
          new RawSqlAdapter(),
          new SupabaseAdapter(),
          new PrismaAdapter(),
          new DrizzleAdapter(),
          new KnexAdapter(),
          new TypeOrmAdapter(),
          new NextEntryPoints(),
          new ServerRoutes(),
          new NestEntryPoints(),
          new JobEntryPoints(),
          new JobDefinitions(),
          new TrpcProcedures(),
          new EdgeFunctionEntryPoints(),
          new ScriptEntryPoints(),
          new BrowserEntryPoints());

  /**
   * The node types captured, whatever the grammar (what a tree-sitter query would select; a walk of
   * the copied tree is cheaper than a query run through the binding).
   */
  private static final Map<String, Kind> CAPTURED =
      Map.ofEntries(
          Map.entry("function_declaration", Kind.FUNCTION),
          Map.entry("generator_function_declaration", Kind.FUNCTION),
          Map.entry("function_expression", Kind.FUNCTION),
          Map.entry("generator_function", Kind.FUNCTION),
          Map.entry("arrow_function", Kind.FUNCTION),
          Map.entry("method_definition", Kind.FUNCTION),
          Map.entry("class_declaration", Kind.CLASS),
          Map.entry("class", Kind.CLASS),
          Map.entry("call_expression", Kind.CALL),
          Map.entry("new_expression", Kind.CALL),
          Map.entry("import_statement", Kind.IMPORT),
          Map.entry("export_statement", Kind.EXPORT),
          Map.entry("variable_declarator", Kind.DECLARATOR),
          Map.entry("assignment_expression", Kind.ASSIGNMENT));

  /** Node types captured in TypeScript and TSX only. */
  private static final Map<String, Kind> TYPESCRIPT =
      Map.of("abstract_class_declaration", Kind.CLASS, "public_field_definition", Kind.FIELD);

  /** Node types captured in JavaScript only. */
  private static final Map<String, Kind> JAVASCRIPT = Map.of("field_definition", Kind.FIELD);

  /** Children of a JSX expression that reference a function (TSX and JavaScript). */
  private static final Set<String> JSX_REFERENCES = Set.of("identifier", "member_expression");

  /** Capture kinds in the order nodes that start at the same byte are handled. */
  private enum Kind {
    CLASS,
    FUNCTION,
    DECLARATOR,
    ASSIGNMENT,
    EXPORT,
    IMPORT,
    FIELD,
    CALL,
    REFERENCE
  }

  private record Capture(Kind kind, TsNode node) {
    int start() {
      return node.getStartByte();
    }

    int end() {
      return node.getEndByte();
    }
  }

  private final TsSource source;
  private final String path;
  private final ExtractContext context;
  private final FileFacts.Builder facts;
  private final TsModule module;
  private final TsStrings strings;
  private final UnitNames names;
  private final UnitSpans units = new UnitSpans();
  private final List<Capture> captures = new ArrayList<>();
  private final List<ModuleBindings.ClassSpan> classes = new ArrayList<>();

  private ModuleReader(SyntaxTree tree, ExtractContext context) {
    this.source = new TsSource(tree);
    this.path = tree.path();
    this.context = context;
    this.facts = new FileFacts.Builder(path);
    this.module = new TsModule(path, true);
    this.strings = new TsStrings(source);
    this.names = new UnitNames(source);
  }

  /**
   * The facts of a parsed file, with its {@link TsModule} as link state. Syntax errors are a
   * problem; SQL in the regions tree-sitter recovered from is read by the {@link IslandLexer}.
   */
  static FileFacts read(SyntaxTree tree, String text, ExtractContext context) {
    ModuleReader reader = new ModuleReader(tree, context);
    TsSite site = reader.run(tree);
    if (tree.hasErrors()) {
      reader.syntaxErrors(tree, text, site);
    }
    return reader.facts.state(reader.module).build();
  }

  private void syntaxErrors(SyntaxTree tree, String text, TsSite site) {
    List<Location> errors = tree.errors(Integer.MAX_VALUE);
    Optional<List<String>> gaps = GrammarGaps.explain(source, errors);
    if (gaps.isPresent()) {
      facts.note(
          "line "
              + errors.get(0).startLine()
              + ": read around valid code the bundled TypeScript grammar does not parse but that"
              + " holds no code ("
              + String.join(", ", gaps.get())
              + "); nothing in it was lost");
      return;
    }
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < Math.min(ERRORS_SHOWN, errors.size()); i++) {
      where.append(i == 0 ? "" : ", ");
      where.append(errors.get(i).startLine()).append(':').append(errors.get(i).startColumn());
    }
    facts.problem(
        new AnalysisProblem(
            path,
            "extract",
            "syntax error at "
                + where
                + (errors.size() > ERRORS_SHOWN
                    ? " and " + (errors.size() - ERRORS_SHOWN) + " more"
                    : "")
                + "; the rest of the file was read, SQL in the broken parts as possible accesses",
            errors.isEmpty() ? 0 : errors.get(0).startLine()));
    int found =
        IslandFallback.record(
            facts,
            context,
            units.module().id,
            text,
            line ->
                !site.sqlLines().contains(line)
                    && errors.stream().anyMatch(e -> line >= e.startLine() && line <= e.endLine()));
    module.touchesDatabase |= found > 0;
  }

  /** The id of a unit: the file, its binding name (or λ) and where it starts. */
  static String unitId(String path, String local, int line, int column) {
    return "ts:" + path + "#" + (local == null ? "λ" : local) + "@" + line + ":" + column;
  }

  private TsSite run(SyntaxTree tree) {
    Map<String, Kind> extra = tree.grammar() == Grammar.JAVASCRIPT ? JAVASCRIPT : TYPESCRIPT;
    boolean jsx = tree.grammar() != Grammar.TYPESCRIPT;
    Deque<TsNode> work = new ArrayDeque<>();
    work.push(source.root());
    while (!work.isEmpty()) {
      TsNode node = work.pop();
      String type = node.getType();
      Kind kind = CAPTURED.getOrDefault(type, extra.get(type));
      if (kind != null) {
        captures.add(new Capture(kind, node));
      }
      List<TsNode> children = node.children();
      boolean references = jsx && type.equals("jsx_expression");
      for (int i = children.size() - 1; i >= 0; i--) {
        TsNode child = children.get(i);
        if (references && child.isNamed() && JSX_REFERENCES.contains(child.getType())) {
          captures.add(new Capture(Kind.REFERENCE, child));
        }
        work.push(child);
      }
    }
    captures.sort(
        Comparator.comparingInt(Capture::start)
            .thenComparing(Comparator.comparingInt(Capture::end).reversed())
            .thenComparing(Capture::kind));
    spans();
    ModuleBindings bindings = new ModuleBindings(source, module, strings, names, units, classes);
    for (Capture capture : captures) {
      switch (capture.kind()) {
        case IMPORT -> bindings.importStatement(capture.node());
        case EXPORT -> bindings.exportStatement(capture.node());
        case DECLARATOR -> bindings.declarator(capture.node(), moduleLevel(capture.start()));
        case ASSIGNMENT -> bindings.assignment(capture.node(), moduleLevel(capture.start()));
        case FIELD -> bindings.field(capture.node());
        case FUNCTION -> bindings.function(capture.node());
        default -> {}
      }
    }
    TsSite site = new TsSite(source, facts, module, strings, context, units);
    calls(site, bindings);
    for (TsAdapter adapter : ADAPTERS) {
      adapter.module(site);
    }
    bindings.exportedConstants();
    units();
    return site;
  }

  /** Builds the unit spans: the module, every function, and function-wrapping bindings. */
  private void spans() {
    TsNode root = source.root();
    units.module(
        new UnitSpans.Span(
            unitId(path, TsModule.MODULE_UNIT, 1, 1),
            TsModule.MODULE_UNIT,
            0,
            Integer.MAX_VALUE,
            root,
            root));
    List<Capture> functions = new ArrayList<>();
    for (Capture capture : captures) {
      if (capture.kind() == Kind.CLASS) {
        String name = names.className(capture.node());
        if (name != null) {
          classes.add(new ModuleBindings.ClassSpan(name, capture.start(), capture.end()));
        }
      } else if (capture.kind() == Kind.FUNCTION) {
        functions.add(capture);
        String local = names.name(capture.node());
        units.add(span(local, capture.node()));
      }
    }
    for (Capture capture : captures) {
      TsNode value = bindingValue(capture);
      if (value != null && !insideAny(functions, capture.start())) {
        String local = bindingName(capture);
        if (local != null) {
          units.add(span(local, value));
        }
      }
    }
    units.link();
    // Module-level names win over names of nested functions.
    module.units.put(TsModule.MODULE_UNIT, units.module().id);
    units.all().stream()
        .filter(s -> s.local != null && s.parent == units.module())
        .forEach(s -> module.units.putIfAbsent(s.local, s.id));
    units.all().stream()
        .filter(s -> s.local != null)
        .forEach(s -> module.units.putIfAbsent(s.local, s.id));
  }

  private UnitSpans.Span span(String local, TsNode node) {
    var start = node.getStartPoint();
    String id = unitId(path, local, start.getRow() + 1, start.getColumn() + 1);
    return new UnitSpans.Span(id, local, node.getStartByte(), node.getEndByte(), node, node);
  }

  /**
   * The value of a module-level binding that wraps functions or references them ({@code const GET =
   * withAuth(handler)}, {@code export default task({ run: … })}), or null. Such a value is a unit
   * of its own, named by the binding, so the entry point on the name reaches into it.
   */
  private TsNode bindingValue(Capture capture) {
    TsNode value =
        switch (capture.kind()) {
          case DECLARATOR -> TsSource.field(capture.node(), "value");
          case ASSIGNMENT -> TsSource.field(capture.node(), "right");
          case EXPORT -> TsSource.field(capture.node(), "value");
          default -> null;
        };
    TsNode inner = TsSource.unwrap(value);
    String type = TsSource.type(inner);
    if (!(type.equals("call_expression") || type.equals("new_expression"))) {
      return null;
    }
    TsNode function = TsSource.field(inner, "function");
    if (function != null
        && (source.text(function).equals("require") || function.getType().equals("import"))) {
      return null;
    }
    return value;
  }

  private String bindingName(Capture capture) {
    return switch (capture.kind()) {
      case DECLARATOR -> {
        TsNode name = TsSource.field(capture.node(), "name");
        yield TsSource.type(name).equals("identifier") ? source.text(name) : null;
      }
      case ASSIGNMENT -> names.assigned(TsSource.field(capture.node(), "left"));
      case EXPORT -> "default";
      default -> null;
    };
  }

  private static boolean insideAny(List<Capture> functions, int offset) {
    for (Capture function : functions) {
      if (function.start() > offset) {
        return false;
      }
      if (offset < function.end()) {
        return true;
      }
    }
    return false;
  }

  private boolean moduleLevel(int offset) {
    return units.at(offset) == units.module();
  }

  /** Records calls and callback references by name, and hands each call to the adapters. */
  private void calls(TsSite site, ModuleBindings bindings) {
    int previousCallStart = -1;
    List<TsCall> calls = new ArrayList<>();
    for (Capture capture : captures) {
      if (capture.kind() != Kind.CALL && capture.kind() != Kind.REFERENCE) {
        continue;
      }
      UnitSpans.Span owner = units.at(capture.start());
      String ownerClass = bindings.classAt(capture.start());
      if (capture.kind() == Kind.REFERENCE) {
        bindings.reference(capture.node(), owner.id, ownerClass);
        continue;
      }
      String callee = bindings.calleeName(capture.node());
      if (callee != null) {
        site.calledAt(capture.start(), callee);
      }
      boolean head = capture.start() != previousCallStart;
      previousCallStart = capture.start();
      calls.add(new TsCall(capture.node(), owner.id, head, source));
    }
    // Adapters run once every call's name is known (a route asks whether its handler checks a
    // signature); the registrations they find claim their handler arguments before the calls of
    // the surrounding code are recorded.
    for (TsCall call : calls) {
      for (TsAdapter adapter : ADAPTERS) {
        adapter.call(call, site);
      }
    }
    for (TsCall call : calls) {
      int start = call.node().getStartByte();
      bindings.call(call.node(), call.unitId(), bindings.classAt(start), site.claimed());
    }
  }

  /**
   * Emits the units, the edges from each unit to the functions nested in it (a callback defined
   * inside a function runs when it does; a named top-level function only when called), and test
   * entry points.
   */
  private void units() {
    boolean test = TestFiles.isTest(path);
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    for (UnitSpans.Span span : units.all()) {
      facts.unit(new CodeUnit(span.id, fileName, span.id, 0, source.location(span.nameNode)));
      boolean named = span.local != null;
      if (span.parent != null && !span.handler && !(span.parent == units.module() && named)) {
        facts.call(new CallSite(span.parent.id, span.id, 0, null));
      }
      if (test && (named || span == units.module())) {
        facts.entryPoint(
            span.id,
            new EntryPoint(
                EntryPointKind.TEST,
                span == units.module() ? path : path + " " + span.local,
                source.location(span.nameNode)));
      }
    }
  }
}
