package dev.blastradius.lang.java.jooq;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.blastradius.lang.java.AccessAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * jOOQ's active records: {@code record.store()}, {@code insert()}, {@code update()} and {@code
 * delete()} on a record made by {@code dsl.newRecord(USERS)} (or {@code new UsersRecord()}),
 * fetched, or typed with a generated record class; and {@code
 * dsl.batchInsert/batchUpdate/batchStore/ batchDelete(records)}. A record writes the fields its
 * method sets ({@code setEmail(…)}, {@code set(USERS.EMAIL, …)}), which is what jOOQ sends: only
 * changed fields. {@code store()} inserts a new record and updates a fetched one. Each becomes an
 * ordinary DSL chain ({@code insertInto(USERS) .set(USERS.EMAIL, ?)}) that {@link JooqLinker} names
 * and renders with the others.
 */
public final class JooqRecords implements AccessAdapter {

  private static final Set<String> RECORD_WRITES = Set.of("store", "insert", "update", "delete");
  private static final Set<String> BATCHES =
      Set.of("batchInsert", "batchUpdate", "batchStore", "batchDelete");
  private static final Set<String> FIELD_SETTERS = Set.of("set", "setValue");

  /** Where a record variable comes from: its table, and whether it is not stored yet. */
  private record Origin(JooqExpr.Table table, boolean fresh) {}

  @Override
  public void visit(MethodCallExpr call, JavaSite site) {
    String method = call.getNameAsString();
    if (RECORD_WRITES.contains(method)
        && call.getArguments().isEmpty()
        && call.getScope().filter(NameExpr.class::isInstance).isPresent()
        && importsJooq(call)) {
      String variable = ((NameExpr) call.getScope().get()).getNameAsString();
      JooqExprReader reader = new JooqExprReader(site);
      origin(variable, call, site, reader)
          .ifPresent(
              o -> {
                String kind = method.equals("store") ? (o.fresh() ? "insert" : "update") : method;
                add(
                    call,
                    site,
                    kind,
                    o.table(),
                    setters(call, List.of(variable), o.table(), reader));
              });
    } else if (BATCHES.contains(method)
        && !call.getArguments().isEmpty()
        && JooqChains.chain(call, site, 0).filter(c -> c.get(0) == call).isPresent()) {
      batch(call, site, method);
    }
  }

  /** {@code dsl.batchInsert(records)}: the fields set on any record of that table in the method. */
  private static void batch(MethodCallExpr call, JavaSite site, String method) {
    JooqExprReader reader = new JooqExprReader(site);
    Optional<JooqExpr.Table> table = Optional.empty();
    for (Expression argument : call.getArguments()) {
      if (argument instanceof NameExpr name) {
        table =
            origin(name.getNameAsString(), call, site, reader)
                .map(Origin::table)
                .or(
                    () ->
                        declaredType(name.getNameAsString(), call, site)
                            .flatMap(t -> recordTable(t)));
      }
      if (table.isPresent()) {
        break;
      }
    }
    if (table.isEmpty()) {
      return;
    }
    List<String> variables = sameTableVariables(call, site, reader, table.get());
    List<JooqExpr> fields = setters(call, variables, table.get(), reader);
    String kind =
        switch (method) {
          case "batchInsert" -> "insert";
          case "batchDelete" -> "delete";
          default -> "update";
        };
    add(call, site, kind, table.get(), fields);
    if (method.equals("batchStore")) {
      add(call, site, "insert", table.get(), fields);
    }
  }

  /** Adds the chain a record write amounts to. */
  private static void add(
      MethodCallExpr call,
      JavaSite site,
      String kind,
      JooqExpr.Table table,
      List<JooqExpr> fields) {
    List<JooqQuery.Step> steps = new ArrayList<>();
    switch (kind) {
      case "delete" -> steps.add(new JooqQuery.Step("deleteFrom", List.of(table)));
      case "insert" -> {
        steps.add(new JooqQuery.Step("insertInto", List.of(table)));
        if (fields.isEmpty()) {
          // Which fields were changed is not visible here: a record row.
          steps.add(new JooqQuery.Step("values", List.of(new JooqExpr.Unknown())));
        }
      }
      default -> steps.add(new JooqQuery.Step("update", List.of(table)));
    }
    if (!kind.equals("delete")) {
      fields.forEach(f -> steps.add(new JooqQuery.Step("set", List.of(f, new JooqExpr.Value()))));
    }
    Node host = site.hostStatement(call);
    site.model()
        .jooq
        .queries
        .add(new JooqQuery(site.unitId(), site.location(host), site.snippet(host), steps));
  }

  /** Where {@code variable} comes from, when it is a jOOQ record. */
  private static Optional<Origin> origin(
      String variable, Node at, JavaSite site, JooqExprReader reader) {
    Optional<VariableDeclarator> declarator = site.names().declarator(variable, false);
    Optional<Expression> initializer = declarator.flatMap(VariableDeclarator::getInitializer);
    if (initializer.isPresent() && initializer.get() instanceof MethodCallExpr made) {
      if (made.getNameAsString().equals("newRecord") && made.getArguments().size() >= 1) {
        Optional<JooqExpr.Table> table = reader.table(made.getArgument(0));
        if (table.isPresent()) {
          return Optional.of(new Origin(table.get(), true));
        }
      }
    }
    boolean created = initializer.filter(ObjectCreationExpr.class::isInstance).isPresent();
    return declaredType(variable, at, site)
        .flatMap(JooqRecords::recordTable)
        .map(t -> new Origin(t, created));
  }

  /** The declared type of a local, field or parameter named {@code variable}. */
  private static Optional<Type> declaredType(String variable, Node at, JavaSite site) {
    Optional<VariableDeclarator> declarator = site.names().declarator(variable, false);
    if (declarator.isPresent()) {
      return Optional.of(declarator.get().getType());
    }
    return at.findAncestor(CallableDeclaration.class)
        .flatMap(
            c ->
                ((CallableDeclaration<?>) c)
                    .getParameters().stream()
                        .filter(p -> p.getNameAsString().equals(variable))
                        .map(Parameter::getType)
                        .findFirst());
  }

  /**
   * The table of a generated record type ({@code UsersRecord} → {@code Users}), also inside a
   * collection or array ({@code List<UsersRecord>}).
   */
  private static Optional<JooqExpr.Table> recordTable(Type type) {
    for (ClassOrInterfaceType named : type.findAll(ClassOrInterfaceType.class)) {
      String name = named.getNameAsString();
      if (name.endsWith("Record")
          && name.length() > "Record".length()
          && !Set.of("UpdatableRecord", "TableRecord", "TableRecordImpl", "UpdatableRecordImpl")
              .contains(name)) {
        return Optional.of(
            new JooqExpr.Table(
                null, name.substring(0, name.length() - "Record".length()), null, null));
      }
    }
    return Optional.empty();
  }

  /** Variables of the enclosing method that hold records of {@code table}. */
  private static List<String> sameTableVariables(
      MethodCallExpr call, JavaSite site, JooqExprReader reader, JooqExpr.Table table) {
    List<String> names = new ArrayList<>();
    Optional<Node> body = call.findAncestor(CallableDeclaration.class).map(Node.class::cast);
    if (body.isEmpty()) {
      return names;
    }
    for (VariableDeclarator declarator : body.get().findAll(VariableDeclarator.class)) {
      String name = declarator.getNameAsString();
      origin(name, call, site, reader)
          .filter(o -> key(o.table()).equals(key(table)))
          .ifPresent(o -> names.add(name));
    }
    return names;
  }

  /** The fields set on {@code variables} in the method enclosing {@code call}, each once. */
  private static List<JooqExpr> setters(
      MethodCallExpr call, List<String> variables, JooqExpr.Table table, JooqExprReader reader) {
    Map<String, JooqExpr> fields = new LinkedHashMap<>();
    Optional<Node> body = call.findAncestor(CallableDeclaration.class).map(Node.class::cast);
    if (body.isEmpty()) {
      return List.of();
    }
    for (MethodCallExpr setter : body.get().findAll(MethodCallExpr.class)) {
      boolean onRecord =
          setter.getScope().filter(NameExpr.class::isInstance).isPresent()
              && variables.contains(((NameExpr) setter.getScope().get()).getNameAsString());
      if (!onRecord) {
        continue;
      }
      String name = setter.getNameAsString();
      if (FIELD_SETTERS.contains(name) && setter.getArguments().size() == 2) {
        JooqExpr field = reader.read(setter.getArgument(0));
        if (field instanceof JooqExpr.Field f) {
          fields.putIfAbsent(f.constant(), new JooqExpr.Field(table, f.constant()));
        }
      } else if (name.length() > 3
          && name.startsWith("set")
          && Character.isUpperCase(name.charAt(3))
          && setter.getArguments().size() == 1) {
        String constant = upperSnake(name.substring(3));
        fields.putIfAbsent(constant, new JooqExpr.Field(table, constant));
      }
    }
    return List.copyOf(fields.values());
  }

  /** A table reference's identity across constants and classes: {@code USERS} for both. */
  private static String key(JooqExpr.Table table) {
    if (table.constant() != null) {
      return table.constant();
    }
    if (table.className() != null) {
      return upperSnake(table.className());
    }
    // DSL.table("audit") or a path: only the very same reference is the same table.
    return String.valueOf(table);
  }

  /** {@code EmailAddress} → {@code EMAIL_ADDRESS}, jOOQ's field constant for the column. */
  static String upperSnake(String camel) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
        result.append('_');
      }
      result.append(Character.toUpperCase(c));
    }
    return result.toString().toUpperCase(Locale.ROOT);
  }

  private static boolean importsJooq(Node node) {
    return node.findCompilationUnit()
        .map(
            u ->
                u.getImports().stream()
                    .map(i -> i.getNameAsString())
                    .anyMatch(i -> i.startsWith("org.jooq") || i.contains(".tables.records.")))
        .orElse(false);
  }
}
