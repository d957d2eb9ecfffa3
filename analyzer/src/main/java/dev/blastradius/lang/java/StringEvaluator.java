package dev.blastradius.lang.java;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.blastradius.lang.HostedSql;
import java.util.Optional;

/**
 * Folds Java string expressions to their value: literals, text blocks, {@code +} chains, and names
 * of local variables and fields of the same class initialised with constants. Parts we cannot
 * evaluate become {@link #DYNAMIC}, and the result says it is incomplete.
 */
public final class StringEvaluator {

  /** Stands for a part we could not evaluate; see {@link HostedSql#DYNAMIC_PART}. */
  public static final String DYNAMIC = HostedSql.DYNAMIC_PART;

  private static final int MAX_DEPTH = 16;

  /** A folded value; {@code complete} is false when some part was {@link #DYNAMIC}. */
  public record Value(String text, boolean complete) {
    Value plus(Value other) {
      return new Value(text + other.text, complete && other.complete);
    }
  }

  private final DeclaredTypes names;

  StringEvaluator(DeclaredTypes names) {
    this.names = names;
  }

  /** The value of {@code expression}, or empty when it is not a string expression we can see. */
  public Optional<Value> evaluate(Expression expression) {
    return evaluate(expression, 0, true);
  }

  private Optional<Value> evaluate(Expression expression, int depth, boolean top) {
    if (depth > MAX_DEPTH) {
      return Optional.of(new Value(DYNAMIC, false));
    }
    if (expression instanceof StringLiteralExpr literal) {
      return Optional.of(new Value(literal.asString(), true));
    }
    if (expression instanceof TextBlockLiteralExpr textBlock) {
      return Optional.of(new Value(textBlock.asString(), true));
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return evaluate(enclosed.getInner(), depth + 1, top);
    }
    if (expression instanceof BinaryExpr binary
        && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      Optional<Value> left = evaluate(binary.getLeft(), depth + 1, false);
      Optional<Value> right = evaluate(binary.getRight(), depth + 1, false);
      if (top && left.isEmpty() && right.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(orDynamic(left).plus(orDynamic(right)));
    }
    if (expression instanceof NameExpr name) {
      return constant(names.declarator(name.getNameAsString(), false), depth, top);
    }
    if (expression instanceof FieldAccessExpr access
        && (access.getScope() instanceof ThisExpr
            || access.getScope().toString().equals(names.ownType()))) {
      return constant(names.declarator(access.getNameAsString(), true), depth, top);
    }
    if (!top) {
      if (expression instanceof IntegerLiteralExpr || expression instanceof LongLiteralExpr) {
        return Optional.of(new Value(expression.toString().replaceAll("[lL_]", ""), true));
      }
      if (expression instanceof CharLiteralExpr character) {
        return Optional.of(new Value(String.valueOf(character.asChar()), true));
      }
    }
    return Optional.empty();
  }

  private Optional<Value> constant(
      Optional<VariableDeclarator> declarator, int depth, boolean top) {
    Optional<Expression> initializer = declarator.flatMap(VariableDeclarator::getInitializer);
    if (initializer.isEmpty()) {
      return top ? Optional.empty() : Optional.of(new Value(DYNAMIC, false));
    }
    return evaluate(initializer.get(), depth + 1, top);
  }

  private static Value orDynamic(Optional<Value> value) {
    return value.orElse(new Value(DYNAMIC, false));
  }
}
