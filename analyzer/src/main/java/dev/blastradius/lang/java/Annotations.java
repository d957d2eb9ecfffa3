package dev.blastradius.lang.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads annotations by simple name, as written in source (no classpath needed). */
public final class Annotations {

  private Annotations() {}

  /** The first annotation on {@code node} whose simple name is one of {@code names}. */
  public static Optional<AnnotationExpr> find(NodeWithAnnotations<?> node, Set<String> names) {
    return node.getAnnotations().stream()
        .filter(a -> names.contains(a.getName().getIdentifier()))
        .findFirst();
  }

  /** True when {@code node} carries an annotation with one of these simple names. */
  public static boolean has(NodeWithAnnotations<?> node, Set<String> names) {
    return find(node, names).isPresent();
  }

  /**
   * The string values of the first member present among {@code members} ({@code "value"} also
   * matches a single-member annotation). Arrays give several values; constants we cannot see are
   * shown as {@code ${NAME}}.
   */
  public static List<String> strings(AnnotationExpr annotation, String... members) {
    Optional<Expression> value = member(annotation, members);
    List<String> result = new ArrayList<>();
    value.ifPresent(v -> collect(v, result));
    return result;
  }

  /** The raw expression of the first member present among {@code members}. */
  public static Optional<Expression> member(AnnotationExpr annotation, String... members) {
    for (String name : members) {
      if (annotation instanceof SingleMemberAnnotationExpr single && name.equals("value")) {
        return Optional.of(single.getMemberValue());
      }
      if (annotation instanceof NormalAnnotationExpr normal) {
        for (MemberValuePair pair : normal.getPairs()) {
          if (pair.getNameAsString().equals(name)) {
            return Optional.of(pair.getValue());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static void collect(Expression value, List<String> into) {
    if (value instanceof ArrayInitializerExpr array) {
      array.getValues().forEach(v -> collect(v, into));
    } else if (value.isStringLiteralExpr()) {
      into.add(value.asStringLiteralExpr().asString());
    } else if (value instanceof NameExpr name) {
      into.add("${" + name.getNameAsString() + "}");
    } else if (value instanceof FieldAccessExpr field) {
      into.add("${" + field.getNameAsString() + "}");
    } else {
      into.add(value.toString());
    }
  }
}
