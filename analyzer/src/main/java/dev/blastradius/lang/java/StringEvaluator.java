package dev.blastradius.lang.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.blastradius.lang.HostedSql;
import java.util.List;
import java.util.Optional;

/**
 * Folds Java string expressions into {@link StringTemplate}s: literals, text blocks, {@code +}
 * chains, {@code String.format}/{@code formatted} with {@code %s}, {@code StringBuilder} append
 * chains and builder variables, local variables, fields of the same class, and references to other
 * classes' constants (resolved when all files are read). What cannot be known is dynamic.
 */
public final class StringEvaluator {

  /** Stands for a part we could not evaluate; see {@link HostedSql#DYNAMIC_PART}. */
  public static final String DYNAMIC = HostedSql.DYNAMIC_PART;

  private static final int MAX_DEPTH = 16;
  private static final List<String> BUILDERS = List.of("StringBuilder", "StringBuffer");

  private final DeclaredTypes names;
  private final Node scope;

  /**
   * @param scope the member the expressions belong to; builder variables are followed inside it
   */
  StringEvaluator(DeclaredTypes names, Node scope) {
    this.names = names;
    this.scope = scope;
  }

  /** The template of {@code expression}, or empty when it is not a string expression we can see. */
  public Optional<StringTemplate> evaluate(Expression expression) {
    return evaluate(expression, 0, true);
  }

  private Optional<StringTemplate> evaluate(Expression expression, int depth, boolean top) {
    if (depth > MAX_DEPTH) {
      return Optional.of(StringTemplate.dynamic());
    }
    if (expression instanceof StringLiteralExpr literal) {
      return Optional.of(StringTemplate.literal(literal.asString()));
    }
    if (expression instanceof TextBlockLiteralExpr textBlock) {
      return Optional.of(StringTemplate.literal(textBlock.asString()));
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return evaluate(enclosed.getInner(), depth + 1, top);
    }
    if (expression instanceof BinaryExpr binary
        && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      Optional<StringTemplate> left = evaluate(binary.getLeft(), depth + 1, false);
      Optional<StringTemplate> right = evaluate(binary.getRight(), depth + 1, false);
      if (top && left.isEmpty() && right.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(orDynamic(left).plus(orDynamic(right)));
    }
    if (expression instanceof NameExpr name) {
      return name(name, depth, top);
    }
    if (expression instanceof FieldAccessExpr access) {
      return field(access, depth, top);
    }
    if (expression instanceof MethodCallExpr call) {
      Optional<StringTemplate> value = call(call, depth);
      if (value.isPresent()) {
        return value;
      }
    }
    if (!top) {
      if (expression instanceof IntegerLiteralExpr || expression instanceof LongLiteralExpr) {
        return Optional.of(
            StringTemplate.literal(
                expression.toString().replace("_", "").replace("L", "").replace("l", "")));
      }
      if (expression instanceof CharLiteralExpr character) {
        return Optional.of(StringTemplate.literal(String.valueOf(character.asChar())));
      }
      return Optional.of(StringTemplate.dynamic());
    }
    return Optional.empty();
  }

  private Optional<StringTemplate> name(NameExpr name, int depth, boolean top) {
    String identifier = name.getNameAsString();
    Optional<VariableDeclarator> declarator = names.declarator(identifier, false);
    if (declarator.isPresent()
        && BUILDERS.contains(DeclaredTypes.simpleName(declarator.get().getType()))) {
      return Optional.of(builderVariable(declarator.get(), depth));
    }
    if (declarator.isPresent()) {
      Optional<Expression> initializer = declarator.get().getInitializer();
      if (initializer.isEmpty()) {
        return top ? Optional.empty() : Optional.of(StringTemplate.dynamic());
      }
      return evaluate(initializer.get(), depth + 1, top);
    }
    if (Character.isUpperCase(identifier.charAt(0))
        && identifier.equals(identifier.toUpperCase(java.util.Locale.ROOT))) {
      // An UPPER_CASE name we cannot see: an inherited or statically imported constant.
      return Optional.of(StringTemplate.ref(null, identifier));
    }
    return top ? Optional.empty() : Optional.of(StringTemplate.dynamic());
  }

  private Optional<StringTemplate> field(FieldAccessExpr access, int depth, boolean top) {
    Expression owner = access.getScope();
    String field = access.getNameAsString();
    if (owner instanceof ThisExpr || owner.toString().equals(names.ownType())) {
      Optional<Expression> initializer =
          names.declarator(field, true).flatMap(VariableDeclarator::getInitializer);
      return initializer.isPresent()
          ? evaluate(initializer.get(), depth + 1, top)
          : Optional.of(StringTemplate.ref(names.ownType(), field));
    }
    String ownerName =
        owner instanceof FieldAccessExpr qualified ? qualified.getNameAsString() : owner.toString();
    if (!ownerName.isEmpty() && Character.isUpperCase(ownerName.charAt(0))) {
      return Optional.of(StringTemplate.ref(ownerName, field));
    }
    return top ? Optional.empty() : Optional.of(StringTemplate.dynamic());
  }

  /**
   * {@code String.format}, {@code "…".formatted(…)}, {@code builder.toString()}, {@code
   * String.join}.
   */
  private Optional<StringTemplate> call(MethodCallExpr call, int depth) {
    String method = call.getNameAsString();
    boolean staticFormat =
        method.equals("format")
            && call.getScope().map(s -> s.toString().equals("String")).orElse(false);
    if (staticFormat && !call.getArguments().isEmpty()) {
      return Optional.of(
          format(
              call.getArgument(0),
              call.getArguments().subList(1, call.getArguments().size()),
              depth));
    }
    if (method.equals("formatted") && call.getScope().isPresent()) {
      return Optional.of(format(call.getScope().get(), call.getArguments(), depth));
    }
    if (method.equals("toString") && call.getScope().isPresent()) {
      Expression receiver = call.getScope().get();
      if (receiver instanceof MethodCallExpr || receiver instanceof ObjectCreationExpr) {
        return appendChain(receiver, depth);
      }
      return evaluate(receiver, depth + 1, false);
    }
    if (method.equals("strip") || method.equals("trim") || method.equals("stripIndent")) {
      return call.getScope().flatMap(s -> evaluate(s, depth + 1, true));
    }
    return Optional.empty();
  }

  /** {@code format} with {@code %s}/{@code %d} placeholders filled by the arguments' templates. */
  private StringTemplate format(
      Expression formatExpression, List<Expression> arguments, int depth) {
    Optional<StringTemplate> pattern = evaluate(formatExpression, depth + 1, true);
    if (pattern.isEmpty() || !pattern.get().complete()) {
      return StringTemplate.dynamic();
    }
    String text = pattern.get().text();
    StringTemplate result = StringTemplate.literal("");
    int argument = 0;
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 1 < text.length()) {
        char conversion = text.charAt(++i);
        if (conversion == '%') {
          literal.append('%');
        } else if (conversion == 'n') {
          literal.append('\n');
        } else {
          result = result.plus(StringTemplate.literal(literal.toString()));
          literal.setLength(0);
          result =
              result.plus(
                  argument < arguments.size()
                      ? orDynamic(evaluate(arguments.get(argument++), depth + 1, false))
                      : StringTemplate.dynamic());
        }
      } else {
        literal.append(c);
      }
    }
    return result.plus(StringTemplate.literal(literal.toString()));
  }

  /** {@code new StringBuilder(a).append(b).append(c)}: the appended values in order. */
  private Optional<StringTemplate> appendChain(Expression expression, int depth) {
    if (expression instanceof ObjectCreationExpr creation
        && BUILDERS.contains(creation.getType().getNameAsString())) {
      return Optional.of(
          creation.getArguments().isEmpty()
              ? StringTemplate.literal("")
              : orDynamic(evaluate(creation.getArgument(0), depth + 1, false)));
    }
    if (expression instanceof MethodCallExpr call
        && call.getNameAsString().equals("append")
        && call.getScope().isPresent()
        && call.getArguments().size() == 1) {
      Optional<StringTemplate> before = appendChain(call.getScope().get(), depth + 1);
      return before.map(b -> b.plus(orDynamic(evaluate(call.getArgument(0), depth + 1, false))));
    }
    return Optional.empty();
  }

  /**
   * A builder variable: its initial value, then every {@code name.append(x)} of the member in
   * order.
   */
  private StringTemplate builderVariable(VariableDeclarator declarator, int depth) {
    StringTemplate value =
        declarator
            .getInitializer()
            .flatMap(i -> appendChain(i, depth + 1))
            .orElse(StringTemplate.literal(""));
    String variable = declarator.getNameAsString();
    for (MethodCallExpr call : scope.findAll(MethodCallExpr.class)) {
      boolean append =
          call.getNameAsString().equals("append")
              && call.getArguments().size() == 1
              && call.getScope()
                  .filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(variable))
                  .isPresent();
      if (append) {
        value = value.plus(orDynamic(evaluate(call.getArgument(0), depth + 1, false)));
      }
    }
    return value;
  }

  private static StringTemplate orDynamic(Optional<StringTemplate> value) {
    return value.orElse(StringTemplate.dynamic());
  }
}
