package dev.blastradius.lang.ts.sql;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.SqlText;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsModule;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import dev.blastradius.lang.ts.drizzle.DrizzleAdapter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL sent by Node drivers: {@code pg} ({@code client.query}, {@code pool.query}, query config
 * objects), {@code mysql2} ({@code query}, {@code execute}), {@code better-sqlite3} and {@code
 * sqlite}/{@code sqlite3} ({@code prepare}, {@code exec}, {@code all}, {@code get}, {@code run}),
 * {@code pg-promise} ({@code one}, {@code many}, {@code any}, …), {@code postgres} ({@code
 * unsafe}), {@code @libsql/client} ({@code execute({ sql })}), and tagged templates of {@code
 * postgres}, {@code @vercel/postgres}, {@code slonik}, {@code @neondatabase/serverless} and the
 * {@code sql-template-*} packages, whose {@code ${…}} parts are bound parameters. Also any call of
 * a function named like {@code query} or {@code sql} whose first argument is SQL (a project's own
 * {@code query(text, params)} helper). Prisma's {@code $queryRaw} and {@code $executeRaw} go {@code
 * via prisma}. The SQL is folded within the file (constants, {@code +}, templates) and across files
 * (imported constants); partly known SQL is {@code possible}.
 */
public final class RawSqlAdapter implements TsAdapter {

  /** Methods and functions whose first argument is SQL, when it looks like SQL. */
  private static final Set<String> SQL_METHODS =
      Set.of(
          "query",
          "queryObject",
          "queryArray",
          "execute",
          "prepare",
          "exec",
          "unsafe",
          "oneOrNone",
          "manyOrNone",
          "sql");

  /**
   * Methods with common names ({@code get}, {@code all}, {@code one}) that take SQL only on the
   * clients of these packages, which the file must import.
   */
  private static final Map<String, Set<String>> DRIVER_METHODS =
      Map.of(
          "sqlite",
          Set.of("run", "all", "get", "each", "iterate"),
          "sqlite3",
          Set.of("run", "all", "get", "each"),
          "better-sqlite3",
          Set.of("run", "all", "get", "iterate"),
          "pg-promise",
          Set.of("one", "many", "any", "none", "result", "multi", "oneOrNone", "manyOrNone"));

  /** Packages whose tagged templates are SQL with bound parameters. */
  private static final Set<String> SQL_TAG_PACKAGES =
      Set.of(
          "postgres",
          "@vercel/postgres",
          "slonik",
          "@neondatabase/serverless",
          "sql-template-strings",
          "sql-template-tag",
          "@databases/pg",
          "@databases/mysql",
          "@databases/sqlite",
          "@sequelize/core",
          "kysely");

  /** Driver packages: SQL handed to their clients is certain. */
  private static final Set<String> DRIVERS =
      Set.of(
          "pg",
          "pg-pool",
          "pg-promise",
          "mysql",
          "mysql2",
          "mysql2/promise",
          "better-sqlite3",
          "sqlite",
          "sqlite3",
          "postgres",
          "@vercel/postgres",
          "@neondatabase/serverless",
          "slonik",
          "@libsql/client",
          "@planetscale/database",
          "@databases/pg",
          "@databases/mysql",
          "typeorm");

  /** Names of variables that hold a database client, by convention. */
  private static final Set<String> CLIENT_NAMES =
      Set.of("db", "database", "conn", "connection", "client", "sqlite", "pg", "pgp", "t", "tx");

  private static final Set<String> PRISMA_RAW =
      Set.of("$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe");

  @Override
  public void call(TsCall call, TsSite site) {
    if (call.isNew()) {
      return;
    }
    CallChain chain = call.chain();
    CallChain.Link last = chain.last();
    if (last == null) {
      return;
    }
    if (last.template() != null) {
      taggedTemplate(call, chain, last, site);
      return;
    }
    String method = last.name() == null ? chain.rootText() : last.name();
    boolean direct = last.name() == null && chain.links().size() == 1;
    if (PRISMA_RAW.contains(method)) {
      sqlArgument(call, last.first(), site, Via.PRISMA, Confidence.CERTAIN);
      return;
    }
    if (!(SQL_METHODS.contains(method) || driverMethod(method, chain, site))
        || (last.name() == null && !direct)
        || DrizzleAdapter.drizzleSql(last.first(), site)) {
      return;
    }
    Confidence cap = driverInScope(site) ? Confidence.CERTAIN : Confidence.LIKELY;
    sqlArgument(call, last.first(), site, Via.SQL, cap);
  }

  private void taggedTemplate(TsCall call, CallChain chain, CallChain.Link last, TsSite site) {
    String tag =
        last.name() != null ? last.name() : chain.links().size() == 1 ? chain.rootText() : null;
    if (tag != null && PRISMA_RAW.contains(tag)) {
      site.sql(
          call.unitId(),
          site.strings().tagged(last.template(), 0),
          Via.PRISMA,
          Confidence.CERTAIN,
          call.node());
      return;
    }
    if (!isSqlTag(chain, site)) {
      return;
    }
    SqlText sql = site.strings().tagged(last.template(), 0);
    if (sql.looksLikeSql()) {
      site.sql(call.unitId(), sql, Via.SQL, Confidence.CERTAIN, call.node());
    }
  }

  /**
   * Whether a tagged template's tag is a SQL tag: its root is imported from a SQL-tag package, or
   * it is a local named {@code sql} that is not Drizzle's (which {@code DrizzleAdapter} reads).
   */
  private static boolean isSqlTag(CallChain chain, TsSite site) {
    if (!TsSource.type(chain.root()).equals("identifier")) {
      return false;
    }
    String root = chain.rootText();
    TsModule.Import imported = site.importOf(root);
    if (imported != null) {
      return SQL_TAG_PACKAGES.contains(imported.specifier())
          || (root.equals("sql") && !imported.specifier().startsWith("drizzle-orm"));
    }
    return root.equals("sql") || root.equals("db") || root.equals("pg");
  }

  /** Records the SQL of a call's first argument: a string, or a {@code { text | sql }} object. */
  private static void sqlArgument(
      TsCall call, TsNode argument, TsSite site, Via via, Confidence cap) {
    if (argument == null) {
      return;
    }
    Optional<SqlText> sql = site.strings().evaluate(argument);
    if (sql.isEmpty() && TsSource.type(TsSource.unwrap(argument)).equals("object")) {
      JsValue config = site.value(argument);
      if (config instanceof JsValue.Obj object) {
        sql =
            object
                .get("text")
                .or(() -> object.get("sql"))
                .filter(JsValue.Str.class::isInstance)
                .map(v -> ((JsValue.Str) v).text());
      }
    }
    if (sql.isEmpty()) {
      return;
    }
    if (sql.get().hasRefs() || sql.get().looksLikeSql()) {
      site.sql(call.unitId(), sql.get(), via, cap, call.node());
    }
  }

  /**
   * A commonly named method of a driver the file imports, called on what looks like the driver's
   * client: a variable constructed from the driver's class, or one named like a connection.
   */
  private static boolean driverMethod(String method, CallChain chain, TsSite site) {
    if (chain.links().size() != 1 || !TsSource.type(chain.root()).equals("identifier")) {
      return false;
    }
    String root = chain.rootText();
    String type = site.module().types.get(root);
    TsModule.Import constructed = type == null ? null : site.importOf(type);
    for (Map.Entry<String, Set<String>> driver : DRIVER_METHODS.entrySet()) {
      if (!driver.getValue().contains(method) || !site.importsFrom(driver.getKey())) {
        continue;
      }
      if (constructed != null
          ? constructed.specifier().equals(driver.getKey())
          : CLIENT_NAMES.contains(root)) {
        return true;
      }
    }
    return false;
  }

  private static boolean driverInScope(TsSite site) {
    for (String driver : DRIVERS) {
      if (site.importsFrom(driver)) {
        return true;
      }
    }
    return false;
  }
}
