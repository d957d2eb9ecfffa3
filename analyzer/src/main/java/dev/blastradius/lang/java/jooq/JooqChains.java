package dev.blastradius.lang.java.jooq;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.java.AccessAdapter;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.link.PendingSql;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * jOOQ DSL chains on a {@code DSLContext} (a typed field or parameter, {@code DSL.using(…)}, {@code
 * configuration.dsl()}), on {@code DSL} or through its static imports: {@code select…from…where},
 * {@code selectFrom}, {@code insertInto…values/set}, {@code update…set…where}, {@code
 * deleteFrom…where}, the {@code DSLContext.fetch(TABLE, condition)} family, and a chain continued
 * from a variable holding one. Each outermost chain is one query, kept until the generated classes
 * of every file are known; plain SQL ({@code dsl.fetch("…")}, {@code dsl.execute("…")}) goes to the
 * SQL frontend at once. The access site is the host statement.
 */
public final class JooqChains implements AccessAdapter {

  /** Calls that start a query of the DSL. */
  static final Set<String> STARTERS =
      Set.of(
          "select",
          "selectDistinct",
          "selectFrom",
          "selectOne",
          "selectZero",
          "selectCount",
          "insertInto",
          "update",
          "deleteFrom",
          "delete");

  /** {@code DSLContext} methods taking a table (and conditions), or plain SQL. */
  static final Set<String> FETCHES =
      Set.of(
          "fetch",
          "fetchOne",
          "fetchOptional",
          "fetchSingle",
          "fetchAny",
          "fetchLazy",
          "fetchStream",
          "fetchCount",
          "fetchExists");

  /** {@code DSLContext} methods whose first argument may be plain SQL. */
  private static final Set<String> PLAIN_SQL =
      Set.of(
          "fetch",
          "fetchOne",
          "fetchOptional",
          "fetchSingle",
          "fetchAny",
          "fetchLazy",
          "fetchStream",
          "fetchValue",
          "fetchMany",
          "execute",
          "query",
          "resultQuery");

  /** Methods whose arguments (first, or all) are tables. */
  private static final Set<String> FIRST_IS_TABLE =
      Set.of(
          "selectFrom",
          "insertInto",
          "update",
          "deleteFrom",
          "delete",
          "join",
          "innerJoin",
          "leftJoin",
          "leftOuterJoin",
          "rightJoin",
          "rightOuterJoin",
          "fullJoin",
          "fullOuterJoin",
          "crossJoin",
          "naturalJoin",
          "naturalLeftOuterJoin",
          "naturalRightOuterJoin",
          "leftSemiJoin",
          "leftAntiJoin",
          "straightJoin");

  /** Plain-SQL methods the JDBC adapter also takes from receivers of unknown type. */
  private static final Set<String> JDBC_METHODS = Set.of("execute", "query");

  private static final Set<String> CONTEXT_TYPES = Set.of("DSLContext", "DefaultDSLContext");
  private static final String DSL = "DSL";
  private static final String DSL_CLASS = "org.jooq.impl.DSL";

  @Override
  public void visit(MethodCallExpr call, JavaSite site) {
    if (call.getParentNode().filter(p -> isScopeOf(call, p)).isPresent()) {
      return;
    }
    Optional<List<MethodCallExpr>> chain = chain(call, site, 0);
    if (chain.isEmpty() || chain.get().isEmpty()) {
      return;
    }
    MethodCallExpr first = chain.get().get(0);
    Node host = site.hostStatement(call);
    Location location = site.location(host);
    String snippet = site.snippet(host);
    JooqExprReader reader = new JooqExprReader(site);
    boolean tableFirst =
        !first.getArguments().isEmpty() && reader.table(first.getArgument(0)).isPresent();
    if (PLAIN_SQL.contains(first.getNameAsString())
        && !first.getArguments().isEmpty()
        && !tableFirst) {
      Optional<StringTemplate> sql = site.strings().evaluate(first.getArgument(0));
      // On an untyped receiver (DSL.using(c).execute("…")) the JDBC adapter already takes
      // execute/query with SQL text; counting it twice would duplicate every access.
      boolean untyped =
          first.getScope().filter(MethodCallExpr.class::isInstance).isPresent()
              && JDBC_METHODS.contains(first.getNameAsString());
      if (sql.isPresent() && !untyped) {
        plainSql(site, placeholders(sql.get()), location, snippet);
      }
      if (sql.isPresent()) {
        return;
      }
    }
    // A constant as the table of dsl.fetch(NAME) may turn out to be SQL text: see JooqLinker.
    boolean starts =
        STARTERS.contains(first.getNameAsString())
            || FETCHES.contains(first.getNameAsString()) && tableFirst;
    if (!starts) {
      return;
    }
    List<JooqQuery.Step> steps = new ArrayList<>();
    for (MethodCallExpr step : chain.get()) {
      steps.add(step(step, reader, first.getNameAsString()));
    }
    site.model().jooq.queries.add(new JooqQuery(site.unitId(), location, snippet, steps));
  }

  /** True when {@code call} starts a jOOQ query of its own (a subquery inside an argument). */
  static boolean isQuery(MethodCallExpr call, JavaSite site) {
    return chain(call, site, 0)
        .filter(c -> !c.isEmpty() && STARTERS.contains(c.get(0).getNameAsString()))
        .isPresent();
  }

  private static boolean isScopeOf(MethodCallExpr call, Node parent) {
    return parent instanceof MethodCallExpr outer
        && outer.getScope().filter(s -> s == call).isPresent();
  }

  /**
   * The calls of a jOOQ chain after its context, innermost first; empty when {@code outer} is not a
   * chain on a DSL context, on {@code DSL}, on a static import of it, or on a variable holding one.
   */
  static Optional<List<MethodCallExpr>> chain(MethodCallExpr outer, JavaSite site, int depth) {
    List<MethodCallExpr> calls = new ArrayList<>();
    Expression current = outer;
    while (current instanceof MethodCallExpr call) {
      calls.add(0, call);
      if (call.getScope().isEmpty()) {
        if (staticDsl(call)) {
          return Optional.of(calls);
        }
        // getDsl().select(…): a getter of ours handing out the context, in a jOOQ file.
        boolean getter = call.getArguments().isEmpty() && calls.size() > 1 && importsJooq(call);
        return getter ? Optional.of(rest(calls)) : Optional.empty();
      }
      current = call.getScope().get();
    }
    MethodCallExpr first = calls.get(0);
    boolean dslClass =
        current instanceof NameExpr name && name.getNameAsString().equals(DSL)
            || current instanceof FieldAccessExpr field && field.toString().equals(DSL_CLASS);
    if (dslClass) {
      return Optional.of(first.getNameAsString().equals("using") ? rest(calls) : calls);
    }
    if (first.getNameAsString().equals("dsl") && first.getArguments().isEmpty()) {
      return Optional.of(rest(calls));
    }
    boolean context =
        site.names().receiverType(Optional.of(current)).map(CONTEXT_TYPES::contains).orElse(false);
    if (context) {
      return Optional.of(calls);
    }
    if (current instanceof NameExpr inherited
        && site.names().declarator(inherited.getNameAsString(), false).isEmpty()
        && site.names().receiverType(Optional.of(current)).isEmpty()
        && importsJooq(first)) {
      // A context field of a superclass (`ctx.select(…)` in a subclass of a test base).
      return Optional.of(calls);
    }
    if (current instanceof NameExpr variable && depth < 4) {
      // A query built step by step: `var q = dsl.selectFrom(USERS); q.where(…).fetch()`.
      return site.names()
          .declarator(variable.getNameAsString(), false)
          .flatMap(d -> d.getInitializer())
          .filter(MethodCallExpr.class::isInstance)
          .flatMap(i -> chain((MethodCallExpr) i, site, depth + 1))
          .map(
              before -> {
                List<MethodCallExpr> joined = new ArrayList<>(before);
                joined.addAll(calls);
                return joined;
              });
    }
    return Optional.empty();
  }

  private static List<MethodCallExpr> rest(List<MethodCallExpr> calls) {
    return new ArrayList<>(calls.subList(1, calls.size()));
  }

  /** An unscoped call of a statically imported {@code DSL} method. */
  private static boolean staticDsl(MethodCallExpr call) {
    String method = call.getNameAsString();
    return call.findCompilationUnit().map(CompilationUnit::getImports).orElse(null) != null
        && call.findCompilationUnit().get().getImports().stream()
            .filter(ImportDeclaration::isStatic)
            .anyMatch(
                i ->
                    i.isAsterisk()
                        ? i.getNameAsString().equals(DSL_CLASS)
                        : i.getNameAsString().equals(DSL_CLASS + "." + method));
  }

  /** One call with its arguments read as tables where the call takes tables. */
  /** True when the file of {@code node} imports anything of jOOQ. */
  private static boolean importsJooq(Node node) {
    return node.findCompilationUnit()
        .map(u -> u.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("org.jooq")))
        .orElse(false);
  }

  private static JooqQuery.Step step(MethodCallExpr call, JooqExprReader reader, String kind) {
    String method = call.getNameAsString();
    List<JooqExpr> arguments = new ArrayList<>();
    boolean deleteUsing = method.equals("using") && kind.startsWith("delete");
    for (int i = 0; i < call.getArguments().size(); i++) {
      Expression argument = call.getArgument(i);
      boolean table =
          (i == 0 && (FIRST_IS_TABLE.contains(method) || FETCHES.contains(method)))
              || method.equals("from")
              || deleteUsing;
      if (table) {
        JooqExpr read = reader.read(argument);
        arguments.add(
            reader
                .table(argument)
                .<JooqExpr>map(t -> t)
                .orElse(read instanceof JooqExpr.Plain ? read : new JooqExpr.Unknown()));
      } else {
        arguments.add(reader.read(argument));
      }
    }
    return new JooqQuery.Step(method, arguments);
  }

  /** jOOQ's plain-SQL templating: {@code {0}} stands for a query part we do not render. */
  static StringTemplate placeholders(StringTemplate sql) {
    List<StringTemplate.Part> parts = new ArrayList<>();
    for (StringTemplate.Part part : sql.parts()) {
      if (!(part instanceof StringTemplate.Literal literal)) {
        parts.add(part);
        continue;
      }
      String text = literal.text();
      int at = 0;
      int open = text.indexOf('{');
      while (open >= 0) {
        int close = text.indexOf('}', open);
        if (close < 0
            || !text.substring(open + 1, close).strip().chars().allMatch(Character::isDigit)
            || close == open + 1) {
          open = text.indexOf('{', open + 1);
          continue;
        }
        parts.add(new StringTemplate.Literal(text.substring(at, open)));
        parts.add(new StringTemplate.Dynamic());
        at = close + 1;
        open = text.indexOf('{', at);
      }
      parts.add(new StringTemplate.Literal(text.substring(at)));
    }
    return new StringTemplate(parts);
  }

  /** Plain SQL handed to the SQL frontend now, or at link time when it uses other constants. */
  private static void plainSql(
      JavaSite site, StringTemplate sql, Location location, String snippet) {
    if (sql.hasRefs()) {
      site.model()
          .pendingSql
          .add(new PendingSql(site.unitId(), location, snippet, sql, Via.JOOQ, Confidence.CERTAIN));
      return;
    }
    SqlAnalysis analysis = site.context().sql().analyze(sql.text(), site.context().catalog());
    HostedSql.record(
        site.facts(),
        analysis,
        site.unitId(),
        Via.JOOQ,
        sql.complete() ? Confidence.CERTAIN : Confidence.POSSIBLE,
        s -> location,
        s -> snippet,
        "extract");
  }
}
