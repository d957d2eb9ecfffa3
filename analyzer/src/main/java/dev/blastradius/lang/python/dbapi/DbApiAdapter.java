package dev.blastradius.lang.python.dbapi;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.CallAdapter;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.SqlText;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL handed to DB-API cursors and connections ({@code execute}, {@code executemany}, sqlite's
 * {@code executescript}), asyncpg ({@code fetch}, {@code fetchrow}, {@code fetchval}, {@code
 * execute}), psycopg2's {@code execute_values}, pandas' {@code read_sql}, and SQLAlchemy's {@code
 * text()}. The SQL is folded from literals, f-strings, {@code %}/{@code format} and constants;
 * dynamic parts make the accesses POSSIBLE. A receiver from a database library ({@code
 * psycopg2.connect().cursor()}, Django's {@code connection.cursor()}) is certain; one we cannot
 * type is accepted when the text starts like a query, as LIKELY.
 */
public final class DbApiAdapter implements CallAdapter {

  /** Methods whose first argument is SQL, when called on a database object. */
  private static final Set<String> METHODS =
      Set.of(
          "execute",
          "executemany",
          "executescript",
          "fetch",
          "fetchrow",
          "fetchval",
          "copy_expert",
          "mogrify");

  /** Library functions that take SQL, and the position of the SQL argument. */
  private static final Map<String, Integer> FUNCTIONS =
      Map.of(
          "pandas.read_sql", 0,
          "pandas.read_sql_query", 0,
          "psycopg2.extras.execute_values", 1,
          "psycopg2.extras.execute_batch", 1);

  /** SQLAlchemy's textual SQL constructors. */
  private static final Set<String> TEXT =
      Set.of("sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text");

  /** Libraries whose objects run SQL. */
  private static final Set<String> DATABASE_LIBRARIES =
      Set.of(
          "psycopg2",
          "psycopg",
          "asyncpg",
          "sqlite3",
          "aiosqlite",
          "pymysql",
          "MySQLdb",
          "mysql.connector",
          "pyodbc",
          "cx_Oracle",
          "oracledb",
          "django.db.connection",
          "django.db.connections",
          "sqlalchemy");

  /** First words of a whole statement; a {@code text()} starting otherwise is a fragment. */
  private static final Set<String> STATEMENT_LEADERS =
      Set.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "WITH",
          "MERGE",
          "UPSERT",
          "REPLACE",
          "CREATE",
          "ALTER",
          "DROP",
          "TRUNCATE",
          "COPY",
          "CALL",
          "DO",
          "GRANT",
          "REVOKE",
          "COMMENT",
          "SET",
          "RESET",
          "REFRESH",
          "VACUUM",
          "ANALYZE",
          "LOCK",
          "EXPLAIN",
          "BEGIN",
          "COMMIT",
          "ROLLBACK",
          "VALUES",
          "TABLE",
          "SHOW",
          "PERFORM",
          "NOTIFY",
          "LISTEN",
          "REINDEX",
          "CLUSTER",
          "RENAME");

  @Override
  public void visit(PyExpr.Call call, boolean chained, PySite site) {
    PyValue function = site.value(call.function());
    if (function instanceof PyValue.External external) {
      String name = external.name();
      Integer position = FUNCTIONS.get(name);
      if (position != null) {
        call.argument(position, "sql")
            .ifPresent(sql -> record(sql, Via.DBAPI, Confidence.CERTAIN, false, site));
        return;
      }
      if (TEXT.contains(name)) {
        // text() also wraps SQL fragments — server_default=text("now()"), .where(text("a > 1")) —
        // which are no statement of their own: only statements are recorded.
        call.positional(0)
            .flatMap(site::string)
            .filter(DbApiAdapter::startsLikeAStatement)
            .ifPresent(sql -> site.sql(sql, Via.SQLALCHEMY, Confidence.CERTAIN));
        return;
      }
    }
    Optional<String> method = call.name();
    Optional<PyExpr> receiver = call.receiver();
    if (method.isEmpty() || receiver.isEmpty() || !METHODS.contains(method.get())) {
      return;
    }
    Optional<PyExpr> sql = call.argument(0, "query").or(() -> call.keyword("operation"));
    if (sql.isEmpty() || isTextCall(sql.get(), site)) {
      return;
    }
    PyValue target = site.value(receiver.get());
    if (fromDatabaseLibrary(target)) {
      record(sql.get(), Via.DBAPI, Confidence.CERTAIN, false, site);
    } else if (target instanceof PyValue.Unknown || target instanceof PyValue.Method) {
      record(sql.get(), Via.DBAPI, Confidence.LIKELY, true, site);
    }
  }

  private static void record(
      PyExpr argument, Via via, Confidence cap, boolean mustLookLikeSql, PySite site) {
    Optional<SqlText> sql = site.string(argument);
    if (sql.isEmpty() || !sql.get().hasText()) {
      return;
    }
    if (mustLookLikeSql && !looksLikeSql(sql.get())) {
      return;
    }
    site.sql(sql.get(), via, cap);
  }

  /** {@code execute(text("…"))}: the text() call is recorded where it is made. */
  private static boolean isTextCall(PyExpr argument, PySite site) {
    return argument instanceof PyExpr.Call call
        && site.value(call.function()) instanceof PyValue.External e
        && TEXT.contains(e.name());
  }

  private static boolean fromDatabaseLibrary(PyValue value) {
    if (!(value instanceof PyValue.External external)) {
      return false;
    }
    for (String library : DATABASE_LIBRARIES) {
      if (external.in(library)) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeSql(SqlText sql) {
    return HostedSql.looksLikeSql(firstText(sql));
  }

  /** Whether a {@code text()} holds a statement rather than a fragment of one. */
  static boolean startsLikeAStatement(SqlText sql) {
    return sql.hasText() && STATEMENT_LEADERS.contains(firstWord(sql));
  }

  /** The first word of the text's literal start, upper case ({@link HostedSql#leadingWord}). */
  private static String firstWord(SqlText sql) {
    return HostedSql.leadingWord(firstText(sql));
  }

  /** The text's literal start; empty when it starts with a dynamic part. */
  private static String firstText(SqlText sql) {
    return sql.parts().isEmpty() || sql.parts().get(0) == null ? "" : sql.parts().get(0);
  }
}
