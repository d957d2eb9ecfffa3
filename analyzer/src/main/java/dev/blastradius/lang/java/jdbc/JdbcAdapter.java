package dev.blastradius.lang.java.jdbc;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.java.AccessAdapter;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.link.PendingSql;
import dev.blastradius.lang.java.link.RowMapperUse;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.source.Location;
import java.util.Optional;
import java.util.Set;

/**
 * SQL passed to Spring's {@code JdbcTemplate}/{@code NamedParameterJdbcTemplate}/{@code JdbcClient}
 * and to plain JDBC ({@code Connection.prepareStatement}, {@code Statement.executeQuery}, …). The
 * SQL is the first argument; it is folded into a template and handed to the SQL frontend, at once
 * when it is known, at link time when it refers to other classes' constants. The access site is the
 * host statement of the call.
 */
public final class JdbcAdapter implements AccessAdapter {

  /** Receiver types whose SQL-taking methods we know. */
  private static final Set<String> JDBC_TYPES =
      Set.of(
          "JdbcTemplate",
          "JdbcOperations",
          "NamedParameterJdbcTemplate",
          "NamedParameterJdbcOperations",
          "JdbcClient",
          "Connection",
          "Statement",
          "PreparedStatement",
          "CallableStatement");

  /** Methods of those types whose first argument is SQL. */
  private static final Set<String> SQL_METHODS =
      Set.of(
          "query",
          "queryForObject",
          "queryForList",
          "queryForMap",
          "queryForRowSet",
          "queryForStream",
          "queryForLong",
          "queryForInt",
          "update",
          "batchUpdate",
          "execute",
          "prepareStatement",
          "prepareCall",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "addBatch",
          "sql");

  @Override
  public void visit(MethodCallExpr call, JavaSite site) {
    if (!SQL_METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) {
      return;
    }
    Optional<String> receiver = site.names().receiverType(call.getScope());
    boolean knownJdbc = receiver.map(JDBC_TYPES::contains).orElse(false);
    if (receiver.isPresent() && !knownJdbc) {
      return;
    }
    Expression argument = call.getArgument(0);
    Optional<StringTemplate> sql = site.strings().evaluate(argument);
    if (sql.isEmpty() || (!knownJdbc && !HostedSql.looksLikeSql(sql.get().text()))) {
      return;
    }
    Confidence cap = knownJdbc ? Confidence.CERTAIN : Confidence.LIKELY;
    Node host = site.hostStatement(call);
    Location location = site.location(host);
    String snippet = site.snippet(host);
    for (Expression other : call.getArguments()) {
      rowMapperClass(other)
          .ifPresent(c -> site.model().rowMappers.add(new RowMapperUse(location, c)));
    }
    if (sql.get().hasRefs()) {
      site.model()
          .pendingSql
          .add(new PendingSql(site.unitId(), location, snippet, sql.get(), Via.JDBC, cap));
      return;
    }
    record(site, sql.get(), cap, location, snippet);
  }

  /** Row mappers that bind columns to a class's properties by name. */
  private static final Set<String> ROW_MAPPERS =
      Set.of("BeanPropertyRowMapper", "DataClassRowMapper");

  /**
   * {@code new BeanPropertyRowMapper<>(User.class)}, {@code DataClassRowMapper.newInstance(
   * User.class)} → {@code User}.
   */
  private static Optional<String> rowMapperClass(Expression argument) {
    Optional<Expression> classArgument = Optional.empty();
    if (argument instanceof ObjectCreationExpr creation
        && ROW_MAPPERS.contains(creation.getType().getNameAsString())
        && !creation.getArguments().isEmpty()) {
      classArgument = Optional.of(creation.getArgument(0));
    } else if (argument instanceof MethodCallExpr factory
        && factory.getNameAsString().equals("newInstance")
        && factory.getScope().filter(s -> ROW_MAPPERS.contains(s.toString())).isPresent()
        && !factory.getArguments().isEmpty()) {
      classArgument = Optional.of(factory.getArgument(0));
    }
    return classArgument
        .filter(ClassExpr.class::isInstance)
        .map(c -> ((ClassExpr) c).getType().asString())
        .map(t -> t.substring(t.lastIndexOf('.') + 1));
  }

  /** Analyses folded SQL at a site; incomplete SQL is no surer than POSSIBLE. */
  static void record(
      JavaSite site, StringTemplate sql, Confidence cap, Location location, String snippet) {
    Confidence ceiling = sql.complete() ? cap : Confidence.POSSIBLE;
    SqlAnalysis analysis = site.context().sql().analyze(sql.text(), site.context().catalog());
    HostedSql.record(
        site.facts(),
        analysis,
        site.unitId(),
        Via.JDBC,
        ceiling,
        s -> location,
        s -> snippet,
        "extract");
  }
}
