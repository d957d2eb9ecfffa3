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

  public Location location() {
    return statement.location();
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
    sink.add(
        unit.id(),
        new Access(
            column, kind, via, confidence, implicit, location(), statement.snippet(), List.of()));
  }

  /** Records a write here that supplies {@code column} of rows the statement creates. */
  public void insert(ColumnRef column, Via via, Confidence confidence, boolean implicit) {
    sink.add(
        unit.id(),
        new Access(
                column,
                AccessKind.WRITE,
                via,
                confidence,
                implicit,
                location(),
                statement.snippet(),
                List.of())
            .inserting());
  }

  /**
   * Analyses SQL issued here; DB-API placeholders are rewritten first, and SQL with dynamic parts
   * is no surer than POSSIBLE.
   */
  public void sql(SqlText sql, Via via, Confidence cap) {
    ExtractContext context = project.context();
    String text = Paramstyle.normalize(sql.text());
    SqlAnalysis analysis = context.sql().analyze(text, context.catalog());
    Confidence ceiling = sql.complete() ? cap : Confidence.POSSIBLE;
    Location site = location();
    HostedSql.record(
        facts, analysis, unit.id(), via, ceiling, s -> site, s -> statement.snippet(), "extract");
  }

  /** Records something at this statement that could not be analysed. */
  public void problem(String cause) {
    facts.problem(new AnalysisProblem(module.path(), "extract", cause, statement.line()));
  }

  /** Records an assumption worth telling the user. */
  public void note(String note) {
    facts.note(note);
  }
}
