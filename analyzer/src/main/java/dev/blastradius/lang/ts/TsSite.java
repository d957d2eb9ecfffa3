package dev.blastradius.lang.ts;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.RoutineUnits;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an adapter needs while reading one file: the source, the facts under construction, the
 * module model, string folding and argument values, the unit of any node, and how to record
 * accesses and SQL at a call's host statement.
 */
public final class TsSite {

  private final TsSource source;
  private final FileFacts.Builder facts;
  private final TsModule module;
  private final TsStrings strings;
  private final ValueReader values;
  private final ExtractContext context;
  private final UnitSpans units;
  private final Set<Integer> sqlLines = new HashSet<>();

  TsSite(
      TsSource source,
      FileFacts.Builder facts,
      TsModule module,
      TsStrings strings,
      ExtractContext context,
      UnitSpans units) {
    this.source = source;
    this.facts = facts;
    this.module = module;
    this.strings = strings;
    this.values = new ValueReader(source, strings);
    this.context = context;
    this.units = units;
  }

  public TsSource source() {
    return source;
  }

  public String path() {
    return source.path();
  }

  public FileFacts.Builder facts() {
    return facts;
  }

  public TsModule module() {
    return module;
  }

  public TsStrings strings() {
    return strings;
  }

  public ExtractContext context() {
    return context;
  }

  /** The tree-free value of an expression. */
  public JsValue value(TsNode node) {
    return values.read(node);
  }

  /** The unit a node's code belongs to. */
  public String unitAt(TsNode node) {
    return units.at(node.getStartByte()).id;
  }

  /** The unit of the function (or function-wrapping binding) that starts at {@code node}. */
  public String unitOf(TsNode node) {
    UnitSpans.Span span = units.startingAt(node);
    return span == null ? null : span.id;
  }

  /** The unit bound to a module-level name ({@code GET}, {@code default}), or null. */
  public String unitNamed(String local) {
    return module.units.get(local);
  }

  /**
   * Marks the function starting at {@code node} as an entry-point handler: the code around it only
   * registers it (an Express route, a cron schedule), so it is not taken to run it.
   */
  public String handler(TsNode node) {
    UnitSpans.Span span = units.startingAt(node);
    if (span == null) {
      return null;
    }
    span.handler = true;
    return span.id;
  }

  /** Declares an entry point on a unit. */
  public void entryPoint(String unitId, EntryPoint entryPoint) {
    if (unitId != null) {
      facts.entryPoint(unitId, entryPoint);
    }
  }

  /** The import that binds {@code local}, or null. */
  public TsModule.Import importOf(String local) {
    return module.importOf(local);
  }

  /**
   * Whether the file imports from {@code specifier} or a subpath of it ({@code pg},
   * {@code @supabase/}).
   */
  public boolean importsFrom(String specifier) {
    for (String each : module.specifiers) {
      if (each.equals(specifier)
          || each.startsWith(specifier.endsWith("/") ? specifier : specifier + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The access site of a call: its host statement, or the call chain itself when it is nested in
   * another expression (see {@link TsSource#accessNode}).
   */
  public Location site(TsNode node) {
    return source.location(source.accessNode(node));
  }

  /** The snippet of a call's access site. */
  public String snippet(TsNode node) {
    return source.snippet(source.accessNode(node));
  }

  /** Records an access made by {@code unitId} at {@code node}'s host statement. */
  public void access(
      String unitId,
      ColumnRef column,
      AccessKind kind,
      Via via,
      Confidence confidence,
      boolean implicit,
      TsNode node) {
    module.touchesDatabase = true;
    facts.access(
        new UnitAccess(
            unitId,
            new Access(
                column, kind, via, confidence, implicit, site(node), snippet(node), List.of())));
  }

  /**
   * Records SQL sent by {@code unitId} at {@code node}'s host statement: analysed now, or when
   * every file is read if it uses another module's constants. SQL that is not fully known is no
   * surer than {@code possible}.
   */
  public void sql(String unitId, SqlText sql, Via via, Confidence cap, TsNode node) {
    module.touchesDatabase = true;
    Location span = source.location(node);
    for (int line = span.startLine(); line <= span.endLine(); line++) {
      sqlLines.add(line);
    }
    Location location = site(node);
    String snippet = snippet(node);
    if (sql.hasRefs()) {
      module.pending.add(new PendingSql(unitId, location, snippet, sql, via, cap));
      return;
    }
    record(facts, context, unitId, location, snippet, sql, via, cap);
  }

  /** Analyses SQL and records its accesses at one site. */
  static void record(
      FileFacts.Builder facts,
      ExtractContext context,
      String unitId,
      Location location,
      String snippet,
      SqlText sql,
      Via via,
      Confidence cap) {
    Confidence ceiling = sql.complete() ? cap : Confidence.POSSIBLE;
    SqlAnalysis analysis = context.sql().analyze(sql.text(), context.catalog());
    HostedSql.record(facts, analysis, unitId, via, ceiling, s -> location, s -> snippet, "extract");
  }

  /**
   * Records that {@code unitId} calls a database function (Supabase {@code rpc}): the function's
   * own accesses are reached through it.
   */
  public void routineCall(String unitId, String name) {
    module.touchesDatabase = true;
    Identifiers ids = context.sql().identifiers();
    TableRef exact = new TableRef(ids.defaultSchema(), name);
    TableRef function = context.catalog().hasFunction(exact) ? exact : ids.table(List.of(name));
    facts.call(RoutineUnits.call(unitId, function));
  }

  /** Table and column names as the code writes them, matched against the catalog. */
  public DbNames names() {
    return new DbNames(context.catalog(), context.sql().identifiers());
  }

  /**
   * The value of an expression, following an identifier to the {@code const} it is bound to in this
   * file ({@code const row = { … }; insert(row)}).
   */
  public JsValue resolvedValue(TsNode node) {
    TsNode inner = TsSource.unwrap(node);
    if (TsSource.type(inner).equals("identifier")) {
      TsNode bound = strings.boundValue(source.text(inner));
      if (bound != null) {
        return values.read(bound);
      }
    }
    return values.read(node);
  }

  /** Every call of the file by its callee's last name, for questions such as signature checks. */
  void calledAt(int offset, String name) {
    calls.add(new CalledName(offset, name));
  }

  private record CalledName(int offset, String name) {}

  /** Arguments a registration took as its handlers: not calls of the code around it. */
  private final Set<Integer> claimed = new HashSet<>();

  Set<Integer> claimed() {
    return claimed;
  }

  private final List<CalledName> calls = new ArrayList<>();

  /** Whether code inside {@code node} calls a function or method named one of {@code names}. */
  public boolean callsWithin(TsNode node, Set<String> names) {
    int start = node.getStartByte();
    int end = node.getEndByte();
    for (CalledName call : calls) {
      if (call.offset() >= start && call.offset() < end && names.contains(call.name())) {
        return true;
      }
    }
    return false;
  }

  /** Whether any code of the file calls one of {@code names}. */
  public boolean calls(Set<String> names) {
    return calls.stream().anyMatch(c -> names.contains(c.name()));
  }

  /** The node of the unit bound to a module-level name, or null. */
  public TsNode unitNode(String local) {
    String id = module.units.get(local);
    if (id == null) {
      return null;
    }
    for (UnitSpans.Span span : units.all()) {
      if (span.id.equals(id)) {
        return span.node;
      }
    }
    return null;
  }

  /** The id of the file's module-level unit. */
  public String moduleUnit() {
    return units.module().id;
  }

  /** A unit of the file: its id, binding name (null when anonymous) and node. */
  public record Unit(String id, String local, TsNode node) {}

  /** Every function unit of the file (not the module unit), in source order. */
  public List<Unit> functionUnits() {
    List<Unit> found = new ArrayList<>();
    for (UnitSpans.Span span : units.all()) {
      if (span != units.module()) {
        found.add(new Unit(span.id, span.local, span.node));
      }
    }
    return found;
  }

  /** The ids of the module unit and every named unit: what runs when the file is the entry. */
  public List<String> namedUnits() {
    List<String> ids = new ArrayList<>();
    for (UnitSpans.Span span : units.all()) {
      if (span.local != null) {
        ids.add(span.id);
      }
    }
    return ids;
  }

  /**
   * Whether the file (its leading directives) or, when {@code function} is given, that function's
   * body starts with the directive {@code 'use client'} / {@code 'use server'}.
   */
  public boolean directive(String directive, TsNode function) {
    TsNode body = function == null ? source.root() : TsSource.field(function, "body");
    if (body == null) {
      return false;
    }
    for (TsNode statement : TsSource.named(body)) {
      if (!statement.getType().equals("expression_statement")) {
        return false;
      }
      TsNode expression = TsSource.named(statement).stream().findFirst().orElse(null);
      Optional<String> value = source.stringValue(expression);
      if (value.isEmpty()) {
        return false;
      }
      if (value.get().equals(directive)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Declares an entry point whose handlers are the functions {@code handlers} name: functions
   * written in place ({@code app.get('/x', async (req, res) => …)}), names of functions here or
   * imported, or calls wrapping them ({@code asyncHandler(fn)}). A unit of its own stands for the
   * registration; it calls each handler. Returns its id.
   */
  public String registration(EntryPoint entryPoint, TsNode anchor, List<TsNode> handlers) {
    String id = registrationUnit(entryPoint, anchor);
    for (TsNode handler : handlers) {
      handlerEdges(id, handler, 0);
    }
    return id;
  }

  /**
   * Declares an entry point on what the file exports as {@code exported}, wherever it is defined.
   */
  public String exportEntry(EntryPoint entryPoint, TsNode anchor, String exported) {
    String id = registrationUnit(entryPoint, anchor);
    module.calls.add(new TsModule.Call(id, List.of(TsModule.EXPORT_TARGET, exported), null));
    return id;
  }

  /**
   * Like {@link #registration}, but the entry point is not declared yet: the unit that calls the
   * handlers becomes {@code entryPoint} only when the link phase finds it registered (a job
   * definition given to a jobs client in another file). Returns its id.
   */
  public String pendingRegistration(EntryPoint entryPoint, TsNode anchor, List<TsNode> handlers) {
    String id = handlerUnit(entryPoint, anchor);
    for (TsNode handler : handlers) {
      handlerEdges(id, handler, 0);
    }
    return id;
  }

  private String registrationUnit(EntryPoint entryPoint, TsNode anchor) {
    String id = handlerUnit(entryPoint, anchor);
    facts.entryPoint(id, entryPoint);
    return id;
  }

  private String handlerUnit(EntryPoint entryPoint, TsNode anchor) {
    var start = anchor.getStartPoint();
    String id =
        ModuleReader.unitId(
            path(), "⟨" + entryPoint.label() + "⟩", start.getRow() + 1, start.getColumn() + 1);
    facts.unit(new CodeUnit(id, source.path(), id, 0, source.location(anchor)));
    return id;
  }

  private void handlerEdges(String id, TsNode node, int depth) {
    TsNode handler = TsSource.unwrap(node);
    String type = TsSource.type(handler);
    switch (type) {
      case "arrow_function", "function_expression", "function_declaration", "method_definition" -> {
        String target = handler(handler);
        if (target != null) {
          facts.call(new CallSite(id, target, 0, null));
        }
      }
      case "identifier", "member_expression" -> {
        String dotted = new UnitNames(source).dotted(handler, 4);
        claimed.add(handler.getStartByte());
        if (dotted != null) {
          module.calls.add(new TsModule.Call(id, List.of(dotted.split("\\.")), null));
        }
      }
      case "shorthand_property_identifier" -> {
        claimed.add(handler.getStartByte());
        module.calls.add(new TsModule.Call(id, List.of(source.text(handler)), null));
      }
      case "call_expression" -> {
        TsNode arguments = TsSource.field(handler, "arguments");
        if (depth < 3 && TsSource.type(arguments).equals("arguments")) {
          for (TsNode argument : TsSource.named(arguments)) {
            handlerEdges(id, argument, depth + 1);
          }
        }
      }
      case "object" -> {
        for (TsNode entry : TsSource.named(handler)) {
          if (entry.getType().equals("method_definition")) {
            handlerEdges(id, entry, depth + 1);
          } else if (entry.getType().equals("pair") && depth < 3) {
            handlerEdges(id, TsSource.field(entry, "value"), depth + 1);
          }
        }
      }
      default -> {}
    }
  }

  /** Lines where adapters found SQL literals (the error-recovery fallback skips them). */
  Set<Integer> sqlLines() {
    return sqlLines;
  }
}
