package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Calls JSqlParser on one statement with the dialect's settings, under a time limit. Parsing runs
 * on a shared pool of daemon threads (JSqlParser's own helper starts a pool per call); when the
 * limit passes, the parser is told to stop and the statement is reported as timed out.
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

  private final SqlDialect dialect;
  private final Duration timeLimit;

  StatementParser(SqlDialect dialect, Duration timeLimit) {
    this.dialect = dialect;
    this.timeLimit = timeLimit;
  }

  /** Parses one statement (no trailing semicolon needed). */
  Outcome parse(String sql) {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withDialect(jsqlDialect());
    Future<Statement> future = PARSERS.submit(parser::Statement);
    try {
      return Outcome.parsed(future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      parser.interrupted = true;
      future.cancel(true);
      return Outcome.failed(
          "the SQL parser gave up after " + timeLimit.toMillis() + " ms on this statement", true);
    } catch (InterruptedException e) {
      parser.interrupted = true;
      future.cancel(true);
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted while parsing", false);
    } catch (ExecutionException e) {
      return Outcome.failed(firstLine(e.getCause()), false);
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
