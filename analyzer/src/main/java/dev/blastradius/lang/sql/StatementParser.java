package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.Statement;

/**
 * Calls JSqlParser on one statement with the dialect's settings, under a time limit. Parsing runs
 * on a shared pool of daemon threads (JSqlParser's own helper starts a pool per call); each pool
 * thread keeps one parser per dialect and re-initialises it per statement, because constructing a
 * parser allocates its large lookahead tables. When the limit passes, the parser is told to stop
 * and the statement is reported as timed out.
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

  private static final ExecutorService PARSERS = Executors.newCachedThreadPool(daemonThreads());

  /** The parsers of the current pool thread, by dialect. */
  private static final ThreadLocal<Map<SqlDialect, CCJSqlParser>> THREAD_PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(SqlDialect.class));

  private final SqlDialect dialect;
  private final Duration timeLimit;

  StatementParser(SqlDialect dialect, Duration timeLimit) {
    this.dialect = dialect;
    this.timeLimit = timeLimit;
  }

  /** Parses one statement (no trailing semicolon needed). */
  Outcome parse(String sql) {
    AtomicReference<CCJSqlParser> running = new AtomicReference<>();
    Future<Statement> future =
        PARSERS.submit(
            () -> {
              CCJSqlParser parser = threadParser(sql);
              running.set(parser);
              return parser.Statement();
            });
    try {
      return Outcome.parsed(future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      stop(running.get());
      future.cancel(true);
      return Outcome.failed(
          "the SQL parser gave up after " + timeLimit.toMillis() + " ms on this statement", true);
    } catch (InterruptedException e) {
      stop(running.get());
      future.cancel(true);
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted while parsing", false);
    } catch (ExecutionException e) {
      return Outcome.failed(firstLine(e.getCause()), false);
    }
  }

  /** This pool thread's parser for the dialect, reset to read {@code sql}. */
  private CCJSqlParser threadParser(String sql) {
    CCJSqlParser parser = THREAD_PARSERS.get().get(dialect);
    if (parser == null || parser.interrupted) {
      // A parser that was told to stop is not trusted again.
      parser = CCJSqlParserUtil.newParser(sql).withDialect(jsqlDialect());
      THREAD_PARSERS.get().put(dialect, parser);
      return parser;
    }
    parser.ReInit(new StringProvider(sql));
    return parser;
  }

  private static void stop(CCJSqlParser parser) {
    if (parser != null) {
      parser.interrupted = true;
    }
  }

  private AbstractJSqlParser.Dialect jsqlDialect() {
    return switch (dialect) {
      case POSTGRES -> AbstractJSqlParser.Dialect.POSTGRESQL;
      case MYSQL -> AbstractJSqlParser.Dialect.MYSQL;
    };
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

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "blastradius-sql-parser-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
