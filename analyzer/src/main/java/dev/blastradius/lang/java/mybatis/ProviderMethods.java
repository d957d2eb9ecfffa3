package dev.blastradius.lang.java.mybatis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.blastradius.lang.java.DeclaredTypes;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL a method could give a {@code @SelectProvider} (and the other providers): what it returns,
 * either a string we can fold or a MyBatis {@code SQL} builder ({@code new SQL() {{ SELECT(…);
 * FROM(…); }}.toString()}, a fluent chain, or a builder variable). Several returns are joined as
 * several statements. Only methods returning a {@code String} whose SQL we can see are kept.
 */
final class ProviderMethods {

  private static final Set<String> STRING_TYPES = Set.of("String", "CharSequence");
  private static final String BUILDER = "SQL";

  /** First words of SQL a provider may return as a plain string. */
  private static final Set<String> SQL_LEADERS =
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "<SCRIPT>");

  private ProviderMethods() {}

  /** The SQL {@code method} returns, when it is a provider method we can read. */
  static Optional<StringTemplate> sql(MethodDeclaration method, JavaSite site) {
    if (!STRING_TYPES.contains(DeclaredTypes.simpleName(method.getType()))
        || method.getBody().isEmpty()) {
      return Optional.empty();
    }
    List<StringTemplate> returned = new ArrayList<>();
    for (ReturnStmt statement : method.getBody().get().findAll(ReturnStmt.class)) {
      Optional<Expression> value = statement.getExpression();
      if (value.isEmpty()) {
        continue;
      }
      Optional<StringTemplate> sql =
          builder(value.get(), method, site).or(() -> plain(value.get(), site));
      sql.ifPresent(returned::add);
    }
    if (returned.isEmpty()) {
      return Optional.empty();
    }
    StringTemplate joined = returned.get(0);
    for (StringTemplate next : returned.subList(1, returned.size())) {
      joined = joined.plus(StringTemplate.literal(";\n")).plus(next);
    }
    return Optional.of(joined);
  }

  private static Optional<StringTemplate> plain(Expression value, JavaSite site) {
    return site.strings().evaluate(value).filter(ProviderMethods::looksLikeSql);
  }

  private static boolean looksLikeSql(StringTemplate sql) {
    String text = sql.text().stripLeading().toUpperCase(Locale.ROOT);
    return SQL_LEADERS.stream().anyMatch(text::startsWith);
  }

  /** {@code builder.toString()} (or the builder itself) for a {@code SQL} builder expression. */
  private static Optional<StringTemplate> builder(
      Expression value, MethodDeclaration method, JavaSite site) {
    Expression builder = value;
    if (value instanceof MethodCallExpr call
        && call.getNameAsString().equals("toString")
        && call.getScope().isPresent()) {
      builder = call.getScope().get();
    }
    List<MethodCallExpr> calls = new ArrayList<>();
    Expression root = builder;
    while (root instanceof MethodCallExpr chained && chained.getScope().isPresent()) {
      calls.add(chained);
      root = chained.getScope().get();
    }
    if (root instanceof ObjectCreationExpr creation && isBuilder(creation)) {
      calls.addAll(initializerCalls(creation));
    } else if (root instanceof NameExpr name && builderVariable(name, site).isPresent()) {
      calls.addAll(
          variableCalls(name.getNameAsString(), builderVariable(name, site).get(), method));
    } else {
      return Optional.empty();
    }
    // A call can be both in the returned chain and on the variable; each counts once.
    Set<MethodCallExpr> unique = Collections.newSetFromMap(new IdentityHashMap<>());
    List<MethodCallExpr> ordered = new ArrayList<>();
    for (MethodCallExpr call : calls) {
      if (unique.add(call)) {
        ordered.add(call);
      }
    }
    ordered.sort(Comparator.comparing(ProviderMethods::position));
    SqlBuilderCalls sql = new SqlBuilderCalls();
    for (MethodCallExpr call : ordered) {
      if (SqlBuilderCalls.METHODS.contains(call.getNameAsString())) {
        List<StringTemplate> arguments = new ArrayList<>();
        for (Expression argument : call.getArguments()) {
          arguments.add(site.strings().evaluate(argument).orElse(StringTemplate.dynamic()));
        }
        sql.call(call.getNameAsString(), arguments);
      }
    }
    return Optional.of(sql.sql());
  }

  private static boolean isBuilder(ObjectCreationExpr creation) {
    return creation.getType().getNameAsString().equals(BUILDER);
  }

  private static Optional<VariableDeclarator> builderVariable(NameExpr name, JavaSite site) {
    return site.names()
        .declarator(name.getNameAsString(), false)
        .filter(d -> DeclaredTypes.simpleName(d.getType()).equals(BUILDER));
  }

  /** The builder calls inside {@code new SQL() {{ … }}} and of a chain on the creation. */
  private static List<MethodCallExpr> initializerCalls(ObjectCreationExpr creation) {
    List<MethodCallExpr> calls = new ArrayList<>();
    creation
        .getAnonymousClassBody()
        .ifPresent(
            members -> {
              for (var member : members) {
                if (member instanceof InitializerDeclaration initializer) {
                  for (MethodCallExpr call : initializer.findAll(MethodCallExpr.class)) {
                    if (rootIsBuilderItself(call)) {
                      calls.add(call);
                    }
                  }
                }
              }
            });
    return calls;
  }

  /** {@code SELECT(…)}, {@code this.SELECT(…)} or a chain starting with one. */
  private static boolean rootIsBuilderItself(MethodCallExpr call) {
    Expression scope = call.getScope().orElse(null);
    while (scope instanceof MethodCallExpr inner) {
      scope = inner.getScope().orElse(null);
    }
    return scope == null || scope instanceof ThisExpr;
  }

  /** The calls on a builder variable in the method, and on its initializer. */
  private static List<MethodCallExpr> variableCalls(
      String variable, VariableDeclarator declarator, MethodDeclaration method) {
    List<MethodCallExpr> calls = new ArrayList<>();
    Expression initializer = declarator.getInitializer().orElse(null);
    while (initializer instanceof MethodCallExpr chained && chained.getScope().isPresent()) {
      calls.add(chained);
      initializer = chained.getScope().get();
    }
    if (initializer instanceof ObjectCreationExpr creation && isBuilder(creation)) {
      calls.addAll(initializerCalls(creation));
    }
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
      Expression scope = call.getScope().orElse(null);
      while (scope instanceof MethodCallExpr inner) {
        scope = inner.getScope().orElse(null);
      }
      if (scope instanceof NameExpr name && name.getNameAsString().equals(variable)) {
        calls.add(call);
      }
    }
    return calls;
  }

  /** Where a call's method name is: chained calls sort in the order they are written. */
  private static int[] positionOf(Node node) {
    return node.getRange().map(r -> new int[] {r.begin.line, r.begin.column}).orElse(new int[2]);
  }

  private static long position(MethodCallExpr call) {
    int[] at = positionOf(call.getName());
    return ((long) at[0] << 20) + at[1];
  }
}
