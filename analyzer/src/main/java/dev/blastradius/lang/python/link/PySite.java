package dev.blastradius.lang.python.link;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * What an adapter sees at one statement of one unit: the names in scope, the project's models, and
 * where to put accesses and problems. Accesses are reported at the statement.
 */
public final class PySite {

  private final Project project;
  private final FileFacts.Builder facts;
  private final AccessSink sink;
  private final PyModule module;
  private final PyUnit unit;
  private final Scope scope;
  private final PyStatement statement;

  /**
   * Where accesses go: the caller's unit, statement and text; the same as the code read, unless
   * replayed.
   */
  private final String ownerId;

  private final Location at;
  private final String snippet;

  /** The surest confidence an access may have here; CERTAIN unless replayed. */
  private final Confidence cap;

  /** The methods being replayed for the caller, innermost last. */
  private final List<PyUnit> replaying;

  /** The tables a replay reports; null outside replays (everything is reported). */
  private final java.util.Set<TableRef> tables;

  PySite(
      Project project,
      FileFacts.Builder facts,
      AccessSink sink,
      PyModule module,
      PyUnit unit,
      Scope scope,
      PyStatement statement) {
    this.project = project;
    this.facts = facts;
    this.sink = sink;
    this.module = module;
    this.unit = unit;
    this.scope = scope;
    this.statement = statement;
    this.ownerId = unit.id();
    this.at = statement.location();
    this.snippet = null;
    this.cap = Confidence.CERTAIN;
    this.replaying = List.of();
    this.tables = null;
  }

  private PySite(
      PySite caller,
      PyModule module,
      PyUnit unit,
      Scope scope,
      PyStatement statement,
      java.util.Set<TableRef> tables) {
    this.project = caller.project;
    this.facts = caller.facts;
    this.sink = caller.sink;
    this.module = module;
    this.unit = unit;
    this.scope = scope;
    this.statement = statement;
    this.ownerId = caller.ownerId;
    this.at = caller.at;
    this.snippet = caller.snippet();
    this.cap = Confidence.LIKELY;
    List<PyUnit> chain = new java.util.ArrayList<>(caller.replaying);
    chain.add(unit);
    this.replaying = List.copyOf(chain);
    this.tables = java.util.Set.copyOf(tables);
  }

  /**
   * A statement of a method called from here, read as if it were here: its accesses are reported at
   * this site, for this site's unit, no surer than LIKELY (the method's code names no column of the
   * caller's model; {@link BoundMethodCalls}). Only accesses of {@code tables} (those of the models
   * the call bound) are kept: the method's other accesses are reported in the method.
   */
  PySite replay(
      PyModule calleeModule,
      PyUnit callee,
      Scope calleeScope,
      PyStatement calleeStatement,
      java.util.Set<TableRef> tables) {
    return new PySite(this, calleeModule, callee, calleeScope, calleeStatement, tables);
  }

  /** The methods replayed to get here, outermost first; empty at the caller's own code. */
  List<PyUnit> replaying() {
    return replaying;
  }

  private String snippet() {
    return snippet != null ? snippet : statement.snippet();
  }

  /** Everything known about the project. */
  public Project project() {
    return project;
  }

  public PyModule module() {
    return module;
  }

  public PyUnit unit() {
    return unit;
  }

  public Scope scope() {
    return scope;
  }

  public PyStatement statement() {
    return statement;
  }

  /** Where accesses found here are reported: the statement, or the call a replay started at. */
  public Location location() {
    return at;
  }

  /** What an expression evaluates to here. */
  public PyValue value(PyExpr expr) {
    return project.resolver().value(expr, scope);
  }

  /** The bindings behind a name or attribute here. */
  public List<Binding> definitions(PyExpr expr) {
    return project.resolver().definitions(expr, scope);
  }

  /** A string expression folded, if it is one. */
  public Optional<SqlText> string(PyExpr expr) {
    return project.strings().fold(expr, scope);
  }

  /** Records an access at this statement. */
  public void access(
      ColumnRef column, AccessKind kind, Via via, Confidence confidence, boolean implicit) {
    if (!reports(column)) {
      return;
    }
    sink.add(
        ownerId,
        new Access(
            column, kind, via, capped(confidence), implicit, location(), snippet(), List.of()));
  }

  /** Records a write here that supplies {@code column} of rows the statement creates. */
  public void insert(ColumnRef column, Via via, Confidence confidence, boolean implicit) {
    if (!reports(column)) {
      return;
    }
    sink.add(
        ownerId,
        new Access(
                column,
                AccessKind.WRITE,
                via,
                capped(confidence),
                implicit,
                location(),
                snippet(),
                List.of())
            .inserting());
  }

  private boolean reports(ColumnRef column) {
    return tables == null || tables.contains(column.tableRef());
  }

  private Confidence capped(Confidence confidence) {
    return cap == Confidence.CERTAIN || confidence == Confidence.POSSIBLE ? confidence : cap;
  }

  /**
   * Analyses SQL issued here; DB-API placeholders are rewritten first, and SQL with dynamic parts
   * is no surer than POSSIBLE.
   */
  public void sql(SqlText sql, Via via, Confidence cap) {
    if (tables != null) {
      // SQL text names its own tables, so it is reported where it is written.
      return;
    }
    ExtractContext context = project.context();
    String text = Paramstyle.normalize(sql.text());
    SqlAnalysis analysis = context.sql().analyze(text, context.catalog());
    Confidence ceiling = sql.complete() ? capped(cap) : Confidence.POSSIBLE;
    Location site = location();
    String shown = snippet();
    HostedSql.record(facts, analysis, ownerId, via, ceiling, s -> site, s -> shown, "extract");
  }

  /** Records something at this statement that could not be analysed. */
  public void problem(String cause) {
    facts.problem(new AnalysisProblem(at.path(), "extract", cause, at.startLine()));
  }

  /** Records an assumption worth telling the user. */
  public void note(String note) {
    facts.note(note);
  }
}
