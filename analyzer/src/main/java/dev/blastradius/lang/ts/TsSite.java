package dev.blastradius.lang.ts;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

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
  public JsValue value(TSNode node) {
    return values.read(node);
  }

  /** The unit a node's code belongs to. */
  public String unitAt(TSNode node) {
    return units.at(node.getStartByte()).id;
  }

  /** The unit of the function (or function-wrapping binding) that starts at {@code node}. */
  public String unitOf(TSNode node) {
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
  public String handler(TSNode node) {
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

  /** The location of a node's host statement: the access site. */
  public Location site(TSNode node) {
    return source.location(source.hostStatement(node));
  }

  /** The snippet of a node's host statement. */
  public String snippet(TSNode node) {
    return source.snippet(source.hostStatement(node));
  }

  /** Records an access made by {@code unitId} at {@code node}'s host statement. */
  public void access(
      String unitId,
      ColumnRef column,
      AccessKind kind,
      Via via,
      Confidence confidence,
      boolean implicit,
      TSNode node) {
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
  public void sql(String unitId, SqlText sql, Via via, Confidence cap, TSNode node) {
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

  /** Lines where adapters found SQL literals (the error-recovery fallback skips them). */
  Set<Integer> sqlLines() {
    return sqlLines;
  }
}
