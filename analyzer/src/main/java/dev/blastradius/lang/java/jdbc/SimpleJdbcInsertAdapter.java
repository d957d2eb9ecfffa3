package dev.blastradius.lang.java.jdbc;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.java.AccessAdapter;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.link.PendingSql;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spring's {@code SimpleJdbcInsert}: {@code new SimpleJdbcInsert(ds).withTableName("users")
 * .usingColumns("email", "name").usingGeneratedKeyColumns("id")}, usually configured once in a
 * constructor and executed elsewhere. The write happens where it is executed ({@code execute},
 * {@code executeAndReturnKey}, {@code executeBatch}, …), so that is where we record it: the
 * configuration chain is found on the receiver (inline) or in the assignment to the field it is
 * called on, and becomes {@code INSERT INTO t (cols) VALUES (…)} for the SQL frontend. Without
 * {@code usingColumns} the insert takes every column of the table whose name matches a parameter,
 * which we cannot see: a positional insert, whose columns the catalog expands ({@code likely}).
 */
public final class SimpleJdbcInsertAdapter implements AccessAdapter {

  private static final Set<String> EXECUTE =
      Set.of(
          "execute",
          "executeAndReturnKey",
          "executeAndReturnKeyHolder",
          "executeBatch",
          "executeAsync");

  @Override
  public void visit(MethodCallExpr call, JavaSite site) {
    if (!EXECUTE.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
      return;
    }
    Optional<MethodCallExpr> chain = configuration(call.getScope().get(), site);
    if (chain.isEmpty()) {
      return;
    }
    Insert insert = read(chain.get(), site);
    if (insert.table == null) {
      return;
    }
    StringTemplate sql = StringTemplate.literal("INSERT INTO ");
    if (insert.schema != null) {
      sql = sql.plus(insert.schema).plus(StringTemplate.literal("."));
    }
    sql = sql.plus(insert.table);
    if (!insert.columns.isEmpty()) {
      sql = sql.plus(StringTemplate.literal(" (")).plus(join(insert.columns));
      sql =
          sql.plus(
              StringTemplate.literal(") VALUES (" + placeholders(insert.columns.size()) + ")"));
    } else {
      // Columns chosen at run time from the parameters: every column, as a positional insert.
      sql = sql.plus(StringTemplate.literal(" VALUES (?)"));
    }
    if (!insert.keys.isEmpty() && call.getNameAsString().startsWith("executeAndReturnKey")) {
      sql = sql.plus(StringTemplate.literal(" RETURNING ")).plus(join(insert.keys));
    }
    Confidence cap = insert.columns.isEmpty() ? Confidence.LIKELY : Confidence.CERTAIN;
    Node host = site.hostStatement(call);
    Location location = site.location(host);
    String snippet = site.snippet(host);
    if (sql.hasRefs()) {
      site.model()
          .pendingSql
          .add(new PendingSql(site.unitId(), location, snippet, sql, Via.JDBC, cap));
      return;
    }
    JdbcAdapter.record(site, sql, cap, location, snippet);
  }

  /** The {@code withTableName} chain behind a receiver: inline, or assigned to its field/local. */
  private static Optional<MethodCallExpr> configuration(Expression receiver, JavaSite site) {
    Optional<MethodCallExpr> inline = withTableName(receiver);
    if (inline.isPresent()) {
      return inline;
    }
    String name;
    if (receiver instanceof NameExpr nameExpr) {
      name = nameExpr.getNameAsString();
    } else if (receiver instanceof FieldAccessExpr access
        && access.getScope() instanceof ThisExpr) {
      name = access.getNameAsString();
    } else {
      return Optional.empty();
    }
    if (!site.names()
        .receiverType(Optional.of(receiver))
        .map("SimpleJdbcInsert"::equals)
        .orElse(false)) {
      return Optional.empty();
    }
    Optional<VariableDeclarator> declarator = site.names().declarator(name, false);
    if (declarator.isPresent() && declarator.get().getInitializer().isPresent()) {
      Optional<MethodCallExpr> initial = withTableName(declarator.get().getInitializer().get());
      if (initial.isPresent()) {
        return initial;
      }
    }
    // Assigned in a constructor or setter of the enclosing class: `this.insert = new …
    // .withTableName(…)`.
    Optional<TypeDeclaration<?>> owner =
        receiver.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    for (AssignExpr assign : owner.get().findAll(AssignExpr.class)) {
      Expression target = assign.getTarget();
      boolean same =
          (target instanceof NameExpr n && n.getNameAsString().equals(name))
              || (target instanceof FieldAccessExpr f
                  && f.getScope() instanceof ThisExpr
                  && f.getNameAsString().equals(name));
      if (same) {
        Optional<MethodCallExpr> assigned = withTableName(assign.getValue());
        if (assigned.isPresent()) {
          return assigned;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The outermost call of a configuration chain that names a table, if {@code expression} is one.
   */
  private static Optional<MethodCallExpr> withTableName(Expression expression) {
    if (!(expression instanceof MethodCallExpr outer)) {
      return Optional.empty();
    }
    for (Expression current = outer; current instanceof MethodCallExpr call; ) {
      if (call.getNameAsString().equals("withTableName")) {
        return Optional.of(outer);
      }
      current = call.getScope().orElse(null);
    }
    return Optional.empty();
  }

  private static final class Insert {
    StringTemplate table;
    StringTemplate schema;
    final List<StringTemplate> columns = new ArrayList<>();
    final List<StringTemplate> keys = new ArrayList<>();
  }

  private static Insert read(MethodCallExpr chain, JavaSite site) {
    Insert insert = new Insert();
    for (Expression current = chain; current instanceof MethodCallExpr call; ) {
      List<StringTemplate> arguments = new ArrayList<>();
      for (Expression argument : call.getArguments()) {
        arguments.add(site.strings().evaluate(argument).orElse(StringTemplate.dynamic()));
      }
      switch (call.getNameAsString()) {
        case "withTableName" -> insert.table = arguments.isEmpty() ? null : arguments.get(0);
        case "withSchemaName" -> insert.schema = arguments.isEmpty() ? null : arguments.get(0);
        case "usingColumns" -> insert.columns.addAll(0, arguments);
        case "usingGeneratedKeyColumns" -> insert.keys.addAll(0, arguments);
        default -> {}
      }
      current = call.getScope().orElse(null);
    }
    return insert;
  }

  private static StringTemplate join(List<StringTemplate> parts) {
    StringTemplate result = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      result = result.plus(StringTemplate.literal(", ")).plus(parts.get(i));
    }
    return result;
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
