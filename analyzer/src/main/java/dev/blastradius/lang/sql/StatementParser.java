package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;

/**
 * Calls JSqlParser on one statement with the dialect's settings, under a time limit. Parsing runs
 * on the caller's thread, watched by the {@link ParseWatchdog}; each thread keeps one parser per
 * dialect and re-initialises it per statement, because constructing a parser allocates its large
 * lookahead tables. Like JSqlParser's own helper, it first parses without the costly lookahead for
 * complex expressions and only tries again with it when that fails, which is several times faster
 * on the statements migrations are made of.
 */
final class StatementParser {

  /** The outcome of one parse: exactly one of {@code statement} and {@code failure} is set. */
  record Outcome(Statement statement, String failure, boolean timedOut) {
    static Outcome parsed(Statement statement) {
      return new Outcome(statement, null, false);
    }

    static Outcome failed(String failure, boolean timedOut) {
      return new Outcome(null, failure, timedOut);
    }
  }

  /**
   * JSqlParser's parser, able to fail cheaply. JSqlParser builds each syntax error by re-running
   * every lookahead from the failing token to list the tokens it would have accepted; when the
   * simple attempt fails we retry in complex mode anyway, so its error is one shared exception.
   */
  private static final class Parser extends CCJSqlParser {
    private static final ParseException DISCARDED =
        new ParseException("syntax error (simple mode)") {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Throwable fillInStackTrace() {
            return this;
          }
        };

    private boolean discardFailures;

    Parser(StatementInput input) {
      super(input);
    }

    @Override
    public ParseException generateParseException(String location) {
      return discardFailures ? DISCARDED : super.generateParseException(location);
    }
  }

  /**
   * The deepest nesting of parentheses JSqlParser is given. Its lookahead over nested parentheses
   * re-reads the tokens ahead at every level and does not look at the time limit, so 50,000 levels
   * keep it busy for minutes; real statements stay far below this.
   */
  static final int MAX_NESTING = 1_000;

  /** The parsers of the current thread, by dialect. */
  private static final ThreadLocal<Map<SqlDialect, Parser>> THREAD_PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(SqlDialect.class));

  private final SqlDialect dialect;
  private final Duration timeLimit;

  StatementParser(SqlDialect dialect, Duration timeLimit) {
    this.dialect = dialect;
    this.timeLimit = timeLimit;
  }

  /**
   * Parses one statement (no trailing semicolon needed). A failure is reported with the complex
   * parse's message, whose error position {@link KeywordRetry} relies on.
   */
  Outcome parse(String sql) {
    int nesting = nesting(sql);
    if (nesting > MAX_NESTING) {
      return Outcome.failed(
          "parentheses nest "
              + nesting
              + " deep; the SQL parser is not run past "
              + MAX_NESTING
              + " levels",
          false);
    }
    long deadline = System.nanoTime() + timeLimit.toNanos();
    Outcome simple = attempt(sql, false, deadline);
    if (simple.statement() != null || simple.timedOut()) {
      return simple;
    }
    return attempt(sql, true, deadline);
  }

  private Outcome attempt(String sql, boolean complex, long deadline) {
    Parser parser = threadParser(sql, complex);
    ParseWatchdog.Run run = ParseWatchdog.INSTANCE.start(parser, deadline);
    Outcome outcome;
    try {
      outcome = Outcome.parsed(parser.Statement());
    } catch (Exception e) {
      outcome = Outcome.failed(complex ? firstLine(e) : "", false);
    } catch (StackOverflowError e) {
      THREAD_PARSERS.get().remove(dialect); // its state is unknown now
      outcome = Outcome.failed("the statement is nested too deeply for the SQL parser", false);
    }
    if (!ParseWatchdog.INSTANCE.finish(run)) {
      // Told to stop: not trusted again, even if the watchdog has not set its flag yet.
      THREAD_PARSERS.get().remove(dialect);
      return timedOut();
    }
    return outcome;
  }

  private Outcome timedOut() {
    return Outcome.failed(
        "the SQL parser gave up after " + timeLimit.toMillis() + " ms on this statement", true);
  }

  /** This thread's parser for the dialect, reset to read {@code sql}. */
  private Parser threadParser(String sql, boolean complex) {
    Map<SqlDialect, Parser> parsers = THREAD_PARSERS.get();
    Parser parser = parsers.get(dialect);
    if (parser == null) {
      parser = new Parser(new StatementInput(sql));
      parser.withDialect(jsqlDialect());
      parsers.put(dialect, parser);
    } else {
      parser.ReInit(new StatementInput(sql));
    }
    parser.withAllowComplexParsing(complex);
    parser.discardFailures = !complex;
    return parser;
  }

  private AbstractJSqlParser.Dialect jsqlDialect() {
    return switch (dialect) {
      case POSTGRES -> AbstractJSqlParser.Dialect.POSTGRESQL;
      case MYSQL -> AbstractJSqlParser.Dialect.MYSQL;
    };
  }

  /** The deepest parenthesis nesting of {@code sql} outside quotes. */
  static int nesting(String sql) {
    int depth = 0;
    int deepest = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    return deepest;
  }

  /** JSqlParser's messages list every expected token; the first line says what went wrong. */
  private static String firstLine(Throwable error) {
    String message = error == null ? null : error.getMessage();
    if (message == null || message.isBlank()) {
      return error == null ? "parse failed" : error.getClass().getSimpleName();
    }
    String first = message.strip().lines().findFirst().orElse(message).strip();
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }
}
