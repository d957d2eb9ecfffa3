package dev.blastradius.lang.sql;

import dev.blastradius.change.SchemaChange;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL frontend used by every host language: splits a text into statements, parses each one with
 * JSqlParser under a time limit, and returns its schema changes and column uses. Thread-safe; one
 * instance serves every thread.
 */
public final class SqlFrontend {

  private final SqlDialect dialect;
  private final Identifiers ids;
  private final StatementParser parser;
  private final SchemaChangeReader changes;

  public SqlFrontend(SqlDialect dialect, Duration timeLimit) {
    this.dialect = dialect;
    this.ids = new Identifiers(dialect);
    this.parser = new StatementParser(dialect, timeLimit);
    this.changes = new SchemaChangeReader(ids);
  }

  /** The identifier rules of this frontend's dialect. */
  public Identifiers identifiers() {
    return ids;
  }

  /**
   * Analyses every statement of {@code sql}. Schema changes are replayed as they come, so later
   * statements see the tables earlier ones created.
   */
  public SqlAnalysis analyze(String sql, Catalog catalog) {
    Catalog.Builder builder = null;
    Catalog current = catalog;
    List<AnalyzedStatement> statements = new ArrayList<>();
    for (SqlStatementText text : SqlSplitter.split(sql, dialect)) {
      AnalyzedStatement analyzed = analyzeOne(text, current);
      statements.add(analyzed);
      if (!analyzed.changes().isEmpty()) {
        builder = builder == null ? current.toBuilder() : builder;
        for (SchemaChange change : analyzed.changes()) {
          change.applyTo(builder);
        }
        current = builder.build();
      }
    }
    return new SqlAnalysis(statements, current);
  }

  private AnalyzedStatement analyzeOne(SqlStatementText text, Catalog catalog) {
    if (text.lexProblem().isPresent()) {
      return unanalysed(text, text.lexProblem().get());
    }
    StatementParser.Outcome outcome = parser.parse(text.text());
    if (outcome.statement() != null) {
      List<SchemaChange> statementChanges = changes.read(outcome.statement());
      List<ColumnUse> uses = ColumnWalker.walk(outcome.statement(), statementChanges, catalog, ids);
      return result(text, ParseStatus.PARSED, statementChanges, uses, null);
    }
    if (!outcome.timedOut() && TokenClassifier.accessesNothing(text.tokens())) {
      return result(text, ParseStatus.FALLBACK, List.of(), List.of(), null);
    }
    return unanalysed(text, "cannot parse SQL statement: " + outcome.failure());
  }

  private static AnalyzedStatement unanalysed(SqlStatementText text, String problem) {
    return result(text, ParseStatus.UNANALYSED, List.of(), List.of(), problem);
  }

  private static AnalyzedStatement result(
      SqlStatementText text,
      ParseStatus status,
      List<SchemaChange> statementChanges,
      List<ColumnUse> uses,
      String problem) {
    return new AnalyzedStatement(
        text.text(),
        text.startLine(),
        text.startColumn(),
        text.endLine(),
        text.endColumn(),
        status,
        statementChanges,
        uses,
        Optional.ofNullable(problem));
  }
}
