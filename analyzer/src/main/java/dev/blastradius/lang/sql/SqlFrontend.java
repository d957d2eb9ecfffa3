package dev.blastradius.lang.sql;

import dev.blastradius.change.CreateView;
import dev.blastradius.change.RowUpdate;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The SQL frontend used by every host language: splits a text into statements and analyses each
 * one. Schema changes come from our {@link DdlReader}; column uses from JSqlParser's tree (parsed
 * with the dialect, under a time limit), retried with keyword-like identifiers quoted when
 * JSqlParser rejects them; statements it cannot parse fall back to our token readers (DDL, COPY,
 * session statements). Anything left is unanalysed, with a problem. Thread-safe.
 */
public final class SqlFrontend {

  private final SqlDialect dialect;
  private final Identifiers ids;
  private final StatementParser parser;
  private final boolean plainWithoutParser;

  public SqlFrontend(SqlDialect dialect, Duration timeLimit) {
    this(dialect, timeLimit, true);
  }

  /**
   * {@code plainWithoutParser} false runs JSqlParser on every statement, even those {@link
   * PlainStatements} reads alone; the tests compare the two.
   */
  SqlFrontend(SqlDialect dialect, Duration timeLimit, boolean plainWithoutParser) {
    this.dialect = dialect;
    this.ids = new Identifiers(dialect);
    this.parser = new StatementParser(dialect, timeLimit);
    this.plainWithoutParser = plainWithoutParser;
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
    return analyze(sql, catalog, false, false);
  }

  /**
   * Analyses SQL known to run on SQLite or libSQL (a Drizzle journal says so): {@link SqliteSyntax}
   * is read as well, where it would otherwise be a problem.
   */
  public SqlAnalysis analyzeSqlite(String sql, Catalog catalog) {
    return analyze(sql, catalog, false, true);
  }

  /**
   * Analyses SQL from a routine body: names the catalog does not prove to be columns are taken for
   * the routine's variables and parameters, and NEW/OLD rows are left to the caller.
   */
  public SqlAnalysis analyzeRoutineSql(String sql, Catalog catalog) {
    return analyze(sql, catalog, true, false);
  }

  private SqlAnalysis analyze(String sql, Catalog catalog, boolean strict, boolean sqlite) {
    Catalog.Builder builder = null;
    Catalog current = catalog;
    List<AnalyzedStatement> statements = new ArrayList<>();
    for (SqlStatementText text : SqlSplitter.split(sql, dialect)) {
      if (text.tokens().isEmpty() && text.lexProblem().isEmpty()) {
        continue; // a stray semicolon
      }
      AnalyzedStatement analyzed = analyzeOne(text, current, strict, sqlite);
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

  private AnalyzedStatement analyzeOne(
      SqlStatementText text, Catalog catalog, boolean strict, boolean sqlite) {
    if (text.lexProblem().isPresent()) {
      return unanalysed(text, text.lexProblem().get());
    }
    if (sqlite) {
      Optional<AnalyzedStatement> read = sqliteStatement(text, catalog, strict);
      if (read.isPresent()) {
        return read.get();
      }
    }
    if (text.meta()) {
      Optional<SqlStatementText> copy = psqlCopy(text);
      if (copy.isPresent()) {
        AnalyzedStatement inner = analyzeOne(copy.get(), catalog, strict, sqlite);
        // The result is the meta-command's, with its own text: the backslash stays in reports.
        return inner.status() == ParseStatus.UNANALYSED
            ? unanalysed(text, inner.problem().orElse(null))
            : result(text, ParseStatus.FALLBACK, List.of(), inner.uses(), null);
      }
      return result(text, ParseStatus.FALLBACK, List.of(), List.of(), null);
    }
    DdlContext context = new DdlContext(ids, catalog, query -> queryShape(query, catalog), sqlite);
    DdlReader.Result ddl = new DdlReader(context).read(text.tokens());
    if (ddl.problem() != null) {
      return unanalysed(text, ddl.problem());
    }
    if (plainWithoutParser && PlainStatements.accepts(text.tokens(), dialect)) {
      return parsed(
          text,
          ParseStatus.PARSED,
          ddl.changes(),
          ColumnWalker.walkAll(null, ddl.changes(), catalog, ids, strict),
          Optional.empty());
    }
    if (plainWithoutParser
        && !ddl.recognised()
        && ddl.changes().isEmpty()
        && PlainStatements.rejectedByParser(text.tokens())) {
      return result(text, ParseStatus.FALLBACK, List.of(), List.of(), null);
    }
    Statement plainData =
        plainWithoutParser ? PlainDataStatements.read(text.tokens(), dialect) : null;
    if (plainData != null) {
      return parsed(
          text,
          ParseStatus.PARSED,
          ddl.changes(),
          ColumnWalker.walkAll(plainData, ddl.changes(), catalog, ids, strict),
          UpdateShapes.of(plainData, ids));
    }
    String parseable = parserInput(text);
    StatementParser.Outcome outcome = parser.parse(parseable);
    Statement statement = usable(outcome.statement());
    ParseStatus status = ParseStatus.PARSED;
    if (statement == null && !outcome.timedOut()) {
      if (KeywordRetry.worthTrying(text.tokens(), ddl.recognised())) {
        Optional<KeywordRetry.Success> retried =
            KeywordRetry.retry(parseable, text.tokens(), outcome, parser);
        statement = retried.map(r -> usable(r.outcome().statement())).orElse(null);
      }
      status = ParseStatus.FALLBACK;
    }
    if (statement != null) {
      return parsed(
          text,
          status,
          ddl.changes(),
          ColumnWalker.walkAll(statement, ddl.changes(), catalog, ids, strict),
          UpdateShapes.of(statement, ids));
    }
    if (outcome.timedOut()) {
      return unanalysed(text, outcome.failure());
    }
    if (ddl.recognised()) {
      return result(
          text, ParseStatus.FALLBACK, ddl.changes(), fallbackUses(ddl.changes(), catalog), null);
    }
    Optional<List<ColumnUse>> copy =
        CopyReader.read(text.tokens(), context, query -> queryUses(query, catalog));
    if (copy.isPresent()) {
      return result(text, ParseStatus.FALLBACK, List.of(), copy.get(), null);
    }
    if (TokenClassifier.accessesNothing(text.tokens())) {
      return result(text, ParseStatus.FALLBACK, List.of(), List.of(), null);
    }
    return unanalysed(
        text,
        "cannot parse SQL statement: "
            + Objects.requireNonNullElse(outcome.failure(), "the SQL parser found no table in it"));
  }

  /**
   * A SQLite-only statement ({@link SqliteSyntax}), or empty for the others. {@code INSERT OR
   * REPLACE} also deletes the rows its new ones conflict with: besides the plain INSERT's uses it
   * writes the target table as a whole ({@code t.*}), like a {@code DELETE FROM t}.
   */
  private Optional<AnalyzedStatement> sqliteStatement(
      SqlStatementText text, Catalog catalog, boolean strict) {
    switch (SqliteSyntax.pragma(text.tokens())) {
      case HARMLESS:
        return Optional.of(result(text, ParseStatus.FALLBACK, List.of(), List.of(), null));
      case UNKNOWN:
        return Optional.of(
            unanalysed(
                text,
                "SQLite PRAGMA "
                    + SqliteSyntax.pragmaName(text.tokens())
                    + " is not known to leave the schema and its rows alone"));
      default:
        break;
    }
    Optional<SqliteSyntax.ConflictInsert> insert = SqliteSyntax.conflictInsert(text);
    if (insert.isEmpty()) {
      return Optional.empty();
    }
    AnalyzedStatement plain = analyzeOne(insert.get().plain(), catalog, strict, false);
    List<ColumnUse> uses = new ArrayList<>(plain.uses());
    if (insert.get().resolution().equals("REPLACE") && plain.status() != ParseStatus.UNANALYSED) {
      TokenCursor cursor = new TokenCursor(text.tokens().subList(4, text.tokens().size()));
      uses.add(
          new ColumnUse(
              ids.table(cursor.qualifiedName()).column(ColumnRef.TABLE_LEVEL),
              AccessKind.WRITE,
              Confidence.CERTAIN,
              false));
    }
    // Reported with the statement as written, conflict clause included.
    return Optional.of(
        new AnalyzedStatement(
            text.text(),
            plain.startLine(),
            plain.startColumn(),
            plain.endLine(),
            plain.endColumn(),
            plain.status(),
            plain.changes(),
            uses,
            plain.calls(),
            plain.scheduled(),
            plain.kind(),
            plain.transactionCommand(),
            plain.setting(),
            plain.problem(),
            plain.rowUpdate()));
  }

  private static AnalyzedStatement parsed(
      SqlStatementText text,
      ParseStatus status,
      List<SchemaChange> changes,
      ColumnWalker.Walked walked,
      Optional<RowUpdate> rowUpdate) {
    return statement(
        text,
        status,
        changes,
        walked.uses(),
        walked.calls(),
        walked.scheduled(),
        Optional.empty(),
        rowUpdate);
  }

  /** One analysed statement, classified by its tokens. */
  private static AnalyzedStatement statement(
      SqlStatementText text,
      ParseStatus status,
      List<SchemaChange> changes,
      List<ColumnUse> uses,
      List<TableRef> calls,
      List<ScheduledSql> scheduled,
      Optional<String> problem,
      Optional<RowUpdate> rowUpdate) {
    TokenClassifier.Classification classification = TokenClassifier.classify(text.tokens());
    return new AnalyzedStatement(
        text.text(),
        text.startLine(),
        text.startColumn(),
        text.endLine(),
        text.endColumn(),
        status,
        changes,
        uses,
        calls,
        scheduled,
        classification.kind(),
        classification.transactionCommand(),
        classification.setting(),
        problem,
        rowUpdate);
  }

  /**
   * psql's {@code \\copy …} is the client-side twin of {@code COPY} (the usual way scripts export a
   * query to CSV): the same statement without the backslash, whose query and columns are read like
   * COPY's. Empty for every other meta-command.
   */
  private static Optional<SqlStatementText> psqlCopy(SqlStatementText text) {
    List<SqlToken> tokens = text.tokens();
    if (tokens.size() < 3 || !tokens.get(1).isWord("COPY") || text.text().length() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        new SqlStatementText(
            // A space for the backslash keeps every token's offset into the text.
            " " + text.text().substring(1),
            text.startLine(),
            text.startColumn(),
            text.endLine(),
            text.endColumn(),
            tokens.subList(1, tokens.size()),
            false,
            Optional.empty()));
  }

  /**
   * The statement as JSqlParser is given it, the same length and lines as the original so that
   * positions still match.
   *
   * <ul>
   *   <li>JSqlParser splits a quoted column name at its dots ({@code "a.b"} becomes column {@code
   *       b} of table {@code a}). Inside quoted identifiers, dots are swapped for a private-use
   *       character of the same length; {@link Identifiers#normalize} swaps them back.
   *   <li>Its lexer does not know backslash escapes in Postgres' {@code E'…'} strings nor in MySQL
   *       strings: {@code E'it\'s'} ends its string early and fails the statement. Such a string
   *       (our lexer found where it really ends) is handed over as a plain {@code 'xxxx'} literal:
   *       string values name no column.
   * </ul>
   */
  private String parserInput(SqlStatementText text) {
    String sql = text.text();
    char[] chars = null;
    for (SqlToken token : text.tokens()) {
      boolean escapes =
          token.type() == SqlLexer.E_STRING
              || (token.type() == SqlLexer.STRING && dialect == SqlDialect.MYSQL);
      if (escapes && token.text().indexOf('\\') >= 0 && token.offset() >= 0) {
        chars = chars == null ? sql.toCharArray() : chars;
        int open = token.text().indexOf('\'');
        if (token.type() == SqlLexer.E_STRING) {
          chars[token.offset()] = ' ';
        }
        for (int i = open + 1; i < token.text().length() - 1; i++) {
          char c = token.text().charAt(i);
          if (c != '\n' && c != '\r') {
            chars[token.offset() + i] = 'x';
          }
        }
      }
      if (token.type() == SqlLexer.QUOTED_IDENT
          && token.text().indexOf('.') >= 0
          && token.offset() >= 0) {
        chars = chars == null ? sql.toCharArray() : chars;
        for (int i = 0; i < token.text().length(); i++) {
          if (token.text().charAt(i) == '.') {
            chars[token.offset() + i] = Identifiers.DOT_IN_QUOTED_NAME;
          }
        }
      }
    }
    return chars == null ? sql : new String(chars);
  }

  /**
   * JSqlParser's catch-all for statements it only skimmed is not a parse, nor is a DELETE in which
   * it found no table (MySQL's grammar accepts a bare {@code DELETE}).
   */
  private static Statement usable(Statement statement) {
    if (statement instanceof Delete delete
        && delete.getTable() == null
        && (delete.getTables() == null || delete.getTables().isEmpty())) {
      return null;
    }
    return statement instanceof UnsupportedStatement ? null : statement;
  }

  /**
   * DDL uses of changes read without a tree, plus the table-level writes of TRUNCATE and the reads
   * of a view's query (which JSqlParser may parse on its own when it rejects the statement around
   * it, as with MySQL's {@code CREATE ALGORITHM=MERGE VIEW}).
   */
  private List<ColumnUse> fallbackUses(List<SchemaChange> changes, Catalog catalog) {
    ColumnUses uses = new ColumnUses();
    for (SchemaChange change : changes) {
      change.columns().forEach(c -> uses.add(c, AccessKind.DDL, Confidence.CERTAIN, false));
      if (change instanceof CreateView view && view.query() != null) {
        queryUses(view.query(), catalog).ifPresent(reads -> reads.forEach(uses::add));
      }
      if (change instanceof TableOperation operation
          && operation.kind() == TableOperation.Kind.TRUNCATE) {
        uses.add(
            operation.table().column(ColumnRef.TABLE_LEVEL),
            AccessKind.WRITE,
            Confidence.CERTAIN,
            false);
      }
    }
    return uses.toList();
  }

  /** The shape of a query, for views and CREATE TABLE AS. */
  private Optional<QueryShape> queryShape(String query, Catalog catalog) {
    Statement statement = usable(parser.parse(query).statement());
    return statement instanceof Select select
        ? Optional.of(ColumnWalker.shape(select, catalog, ids))
        : Optional.empty();
  }

  /** The column uses of a query nested in a statement we read ourselves (COPY). */
  private Optional<List<ColumnUse>> queryUses(String query, Catalog catalog) {
    Statement statement = usable(parser.parse(query).statement());
    return statement == null
        ? Optional.empty()
        : Optional.of(ColumnWalker.walk(statement, List.of(), catalog, ids));
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
    return statement(
        text,
        status,
        statementChanges,
        uses,
        List.of(),
        List.of(),
        Optional.ofNullable(problem),
        Optional.empty());
  }
}
