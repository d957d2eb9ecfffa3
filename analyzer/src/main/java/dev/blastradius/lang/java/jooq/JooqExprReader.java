package dev.blastradius.lang.java.jooq;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.blastradius.lang.java.DeclaredTypes;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the arguments of jOOQ calls into {@link JooqExpr}s: generated table and field references
 * ({@code USERS}, {@code Tables.USERS}, {@code USERS.as("u")}, {@code USERS.EMAIL}, {@code
 * u.EMAIL}), plain SQL ({@code DSL.field("…")}, {@code DSL.condition("…")}, {@code
 * DSL.table("…")}), and local variables holding either (their initializer, later assignments and
 * {@code list.add(…)} arguments). Nested queries are left out: they are queries of their own.
 */
final class JooqExprReader {

  private static final int MAX_DEPTH = 12;

  /** DSL methods whose first argument is plain SQL (or a name). */
  private static final Set<String> PLAIN_SQL = Set.of("field", "condition", "sql", "table");

  /** Declared types of query parts whose content we cannot see when they are parameters. */
  private static final Set<String> QUERY_PART_TYPES =
      Set.of(
          "Condition",
          "Field",
          "TableField",
          "SelectField",
          "SelectFieldOrAsterisk",
          "OrderField",
          "SortField",
          "GroupField",
          "Table",
          "TableLike",
          "Collection",
          "List",
          "Set",
          "QueryPart");

  /** No-argument methods of tables that are not implicit-join paths. */
  private static final Set<String> NOT_PATHS =
      Set.of("asterisk", "fields", "asTable", "getName", "getSchema", "getQualifiedName");

  private final JavaSite site;

  JooqExprReader(JavaSite site) {
    this.site = site;
  }

  /** What {@code expression} contributes in a field, condition or value position. */
  JooqExpr read(Expression expression) {
    return read(expression, 0);
  }

  private JooqExpr read(Expression expression, int depth) {
    if (depth > MAX_DEPTH || expression instanceof LiteralExpr) {
      return new JooqExpr.Value();
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return read(enclosed.getInner(), depth + 1);
    }
    if (expression instanceof LambdaExpr) {
      return new JooqExpr.Value();
    }
    Optional<JooqExpr.Field> field = field(expression, depth);
    if (field.isPresent()) {
      return field.get();
    }
    if (expression instanceof NameExpr name) {
      return variable(name, depth);
    }
    if (expression instanceof MethodCallExpr call) {
      return call(call, depth);
    }
    if (expression instanceof FieldAccessExpr) {
      return new JooqExpr.Value();
    }
    List<JooqExpr> parts = new ArrayList<>();
    for (Node child : expression.getChildNodes()) {
      if (child instanceof Expression nested) {
        parts.add(read(nested, depth + 1));
      }
    }
    return composite(parts);
  }

  private JooqExpr call(MethodCallExpr call, int depth) {
    String method = call.getNameAsString();
    if (JooqChains.isQuery(call, site)) {
      // A subquery: recorded as a query of its own.
      return new JooqExpr.Value();
    }
    if ((method.equals("asterisk") || method.equals("fields")) && call.getArguments().isEmpty()) {
      Optional<JooqExpr.Table> table = call.getScope().flatMap(s -> table(s, depth + 1));
      if (table.isPresent() || call.getScope().isEmpty() || isDsl(call.getScope().get())) {
        return new JooqExpr.Star(table.orElse(null));
      }
    }
    if (PLAIN_SQL.contains(method) && dslScope(call) && !call.getArguments().isEmpty()) {
      Optional<JooqExpr> plain = plain(call, depth);
      if (plain.isPresent()) {
        return plain.get();
      }
    }
    if (method.equals("name") && dslScope(call)) {
      return name(call)
          .<JooqExpr>map(n -> new JooqExpr.Plain(n, List.of()))
          .orElse(new JooqExpr.Value());
    }
    List<JooqExpr> parts = new ArrayList<>();
    call.getScope().ifPresent(s -> parts.add(read(s, depth + 1)));
    call.getArguments().forEach(a -> parts.add(read(a, depth + 1)));
    return composite(parts);
  }

  /** {@code DSL.field("lower({0})", USERS.EMAIL)}: the SQL and the parts for its placeholders. */
  private Optional<JooqExpr> plain(MethodCallExpr call, int depth) {
    Expression first = call.getArgument(0);
    Optional<StringTemplate> text =
        first instanceof MethodCallExpr name && name.getNameAsString().equals("name")
            ? name(name)
            : site.strings().evaluate(first);
    if (text.isEmpty()) {
      JooqExpr inner = read(first, depth + 1);
      return inner instanceof JooqExpr.Value ? Optional.empty() : Optional.of(inner);
    }
    List<JooqExpr> arguments = new ArrayList<>();
    for (Expression argument : call.getArguments().subList(1, call.getArguments().size())) {
      arguments.add(read(argument, depth + 1));
    }
    return Optional.of(new JooqExpr.Plain(text.get(), arguments));
  }

  /** {@code DSL.name("users", "email")}: the dotted name, when every part is known. */
  private Optional<StringTemplate> name(MethodCallExpr call) {
    StringTemplate result = StringTemplate.literal("");
    for (int i = 0; i < call.getArguments().size(); i++) {
      Optional<StringTemplate> part = site.strings().evaluate(call.getArgument(i));
      if (part.isEmpty()) {
        return Optional.empty();
      }
      result = result.plus(StringTemplate.literal(i == 0 ? "" : ".")).plus(part.get());
    }
    return call.getArguments().isEmpty() ? Optional.empty() : Optional.of(result);
  }

  /** A local variable or field: what it was initialised with, assigned and given. */
  private JooqExpr variable(NameExpr name, int depth) {
    String identifier = name.getNameAsString();
    Optional<VariableDeclarator> declarator = site.names().declarator(identifier, false);
    if (declarator.isEmpty()) {
      String type = site.names().receiverType(Optional.of(name)).orElse("");
      return QUERY_PART_TYPES.contains(type) && !type.equals(identifier)
          ? new JooqExpr.Unknown()
          : new JooqExpr.Value();
    }
    List<JooqExpr> parts = new ArrayList<>();
    declarator.get().getInitializer().ifPresent(i -> parts.add(read(i, depth + 1)));
    CallableDeclaration<?> member = name.findAncestor(CallableDeclaration.class).orElse(null);
    if (member != null) {
      for (AssignExpr assign : member.findAll(AssignExpr.class)) {
        if (assign.getTarget() instanceof NameExpr target
            && target.getNameAsString().equals(identifier)) {
          parts.add(read(assign.getValue(), depth + 1));
        }
      }
      for (MethodCallExpr call : member.findAll(MethodCallExpr.class)) {
        boolean added =
            (call.getNameAsString().equals("add") || call.getNameAsString().equals("addAll"))
                && call.getScope()
                    .filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(identifier))
                    .isPresent();
        if (added) {
          call.getArguments().forEach(a -> parts.add(read(a, depth + 1)));
        }
      }
    }
    if (parts.isEmpty()) {
      String type = DeclaredTypes.simpleName(declarator.get().getType());
      return QUERY_PART_TYPES.contains(type) ? new JooqExpr.Unknown() : new JooqExpr.Value();
    }
    return composite(parts);
  }

  /** {@code T.F} where {@code T} is a table reference and {@code F} an UPPER_SNAKE field. */
  private Optional<JooqExpr.Field> field(Expression expression, int depth) {
    if (!(expression instanceof FieldAccessExpr access) || !upperSnake(access.getNameAsString())) {
      return Optional.empty();
    }
    return table(access.getScope(), depth + 1)
        .map(t -> new JooqExpr.Field(t, access.getNameAsString()));
  }

  /** What {@code expression} is in a table position, when it is a table we can name. */
  Optional<JooqExpr.Table> table(Expression expression) {
    return table(expression, 0);
  }

  private Optional<JooqExpr.Table> table(Expression expression, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return table(enclosed.getInner(), depth + 1);
    }
    if (expression instanceof NameExpr name) {
      String identifier = name.getNameAsString();
      Optional<VariableDeclarator> declarator = site.names().declarator(identifier, false);
      if (declarator.isPresent()) {
        Optional<Expression> initializer = declarator.get().getInitializer();
        if (initializer.isPresent()) {
          return table(initializer.get(), depth + 1);
        }
        String type = DeclaredTypes.simpleName(declarator.get().getType());
        return generatedType(type)
            ? Optional.of(new JooqExpr.Table(null, type, null, null))
            : Optional.empty();
      }
      Optional<String> parameterType = site.names().receiverType(Optional.of(name));
      if (parameterType.isPresent()
          && !parameterType.get().equals(identifier)
          && generatedType(parameterType.get())) {
        return Optional.of(new JooqExpr.Table(null, parameterType.get(), null, null));
      }
      return upperSnake(identifier)
          ? Optional.of(new JooqExpr.Table(identifier, null, null, null))
          : Optional.empty();
    }
    if (expression instanceof FieldAccessExpr access && upperSnake(access.getNameAsString())) {
      return Optional.of(new JooqExpr.Table(access.getNameAsString(), null, null, null));
    }
    if (expression instanceof MethodCallExpr call) {
      return aliasOrPlain(call, depth);
    }
    return Optional.empty();
  }

  /** {@code T.as("u")} and {@code DSL.table("users")}/{@code table(name("users"))}. */
  private Optional<JooqExpr.Table> aliasOrPlain(MethodCallExpr call, int depth) {
    if (call.getNameAsString().equals("as")
        && call.getScope().isPresent()
        && call.getArguments().size() >= 1) {
      Expression aliasArgument = call.getArgument(0);
      Optional<StringTemplate> alias =
          aliasArgument instanceof MethodCallExpr name && name.getNameAsString().equals("name")
              ? name(name)
              : site.strings().evaluate(aliasArgument);
      return table(call.getScope().get(), depth + 1)
          .filter(t -> alias.isPresent() && alias.get().complete())
          .map(t -> t.as(alias.get().text()));
    }
    if (call.getArguments().isEmpty()
        && call.getScope().isPresent()
        && !NOT_PATHS.contains(call.getNameAsString())
        && Character.isLowerCase(call.getNameAsString().charAt(0))) {
      // An implicit-join path of generated code: PAYMENT.rental().inventory().
      return table(call.getScope().get(), depth + 1)
          .map(t -> new JooqExpr.Table(null, null, null, null, t, call.getNameAsString()));
    }
    if (call.getNameAsString().equals("table")
        && dslScope(call)
        && call.getArguments().size() >= 1) {
      Expression first = call.getArgument(0);
      Optional<StringTemplate> text =
          first instanceof MethodCallExpr name && name.getNameAsString().equals("name")
              ? name(name)
              : site.strings().evaluate(first);
      return text.map(t -> new JooqExpr.Table(null, null, null, t));
    }
    return Optional.empty();
  }

  /**
   * A generated table class name: not a jOOQ interface ({@code Table<?>}), not a Java type we know
   * to hold something else.
   */
  private static boolean generatedType(String type) {
    return !type.isEmpty()
        && Character.isUpperCase(type.charAt(0))
        && !QUERY_PART_TYPES.contains(type)
        && !type.equals("String")
        && !type.equals("Object")
        && !type.endsWith("Record")
        && !type.startsWith("Select")
        && !type.equals("var");
  }

  private static boolean dslScope(MethodCallExpr call) {
    return call.getScope().isEmpty() || isDsl(call.getScope().get());
  }

  private static boolean isDsl(Expression scope) {
    return scope instanceof NameExpr name && name.getNameAsString().equals("DSL")
        || scope instanceof FieldAccessExpr access && access.getNameAsString().equals("DSL");
  }

  /** {@code USERS}, {@code CREATED_AT}, {@code V2_TABLE}: how jOOQ names generated constants. */
  static boolean upperSnake(String name) {
    if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Nested composites flattened, values dropped; a lone part stands for itself. */
  private static JooqExpr composite(List<JooqExpr> parts) {
    List<JooqExpr> kept = new ArrayList<>();
    for (JooqExpr part : parts) {
      if (part instanceof JooqExpr.Composite nested) {
        kept.addAll(nested.parts());
      } else if (!(part instanceof JooqExpr.Value)) {
        kept.add(part);
      }
    }
    if (kept.isEmpty()) {
      return new JooqExpr.Value();
    }
    return kept.size() == 1 ? kept.get(0) : new JooqExpr.Composite(kept);
  }
}
