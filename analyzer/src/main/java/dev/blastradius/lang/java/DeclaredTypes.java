package dev.blastradius.lang.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The declared types of the names visible in one method: its parameters, its local variables and
 * its class's fields, as simple type names. This is the cheap receiver typing that narrows the
 * name-and-arity call graph without the symbol solver.
 */
public final class DeclaredTypes {

  private final String ownType;
  private final Map<String, String> fields;
  private final Map<String, String> locals = new HashMap<>();
  private final Map<String, VariableDeclarator> localDeclarators = new HashMap<>();
  private final Map<String, VariableDeclarator> fieldDeclarators;

  private DeclaredTypes(
      String ownType,
      Map<String, String> fields,
      Map<String, VariableDeclarator> fieldDeclarators) {
    this.ownType = ownType;
    this.fields = fields;
    this.fieldDeclarators = fieldDeclarators;
  }

  /** The names of a type's fields, before any method is entered. */
  static DeclaredTypes forType(TypeDeclaration<?> type) {
    Map<String, String> fields = new HashMap<>();
    Map<String, VariableDeclarator> declarators = new HashMap<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        fields.put(variable.getNameAsString(), simpleName(variable.getType()));
        declarators.put(variable.getNameAsString(), variable);
      }
    }
    return new DeclaredTypes(type.getNameAsString(), fields, declarators);
  }

  /**
   * The names visible inside {@code callable}: this type's fields plus its parameters and locals.
   */
  DeclaredTypes forCallable(CallableDeclaration<?> callable) {
    DeclaredTypes scope = new DeclaredTypes(ownType, fields, fieldDeclarators);
    for (Parameter parameter : callable.getParameters()) {
      scope.locals.put(parameter.getNameAsString(), simpleName(parameter.getType()));
    }
    for (VariableDeclarator variable : callable.findAll(VariableDeclarator.class)) {
      if (variable.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent()) {
        continue;
      }
      String type =
          variable.getType().isVarType()
              ? variable.getInitializer().map(DeclaredTypes::createdType).orElse(null)
              : simpleName(variable.getType());
      if (type != null) {
        scope.locals.put(variable.getNameAsString(), type);
      }
      scope.localDeclarators.put(variable.getNameAsString(), variable);
    }
    return scope;
  }

  /** The simple name of the enclosing type. */
  public String ownType() {
    return ownType;
  }

  /**
   * The declared type of a call's receiver: the own type for unqualified calls, {@code this} and
   * {@code super}; a variable's or field's type; a class name for static calls; else empty.
   */
  public Optional<String> receiverType(Optional<Expression> scope) {
    if (scope.isEmpty()) {
      return Optional.of(ownType);
    }
    Expression expression = scope.get();
    if (expression instanceof ThisExpr || expression instanceof SuperExpr) {
      return Optional.of(ownType);
    }
    if (expression instanceof NameExpr name) {
      String identifier = name.getNameAsString();
      String type =
          locals.containsKey(identifier) ? locals.get(identifier) : fields.get(identifier);
      if (type != null) {
        return Optional.of(type);
      }
      return Character.isUpperCase(identifier.charAt(0))
          ? Optional.of(identifier)
          : Optional.empty();
    }
    if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return Optional.ofNullable(fields.get(access.getNameAsString()));
    }
    if (expression instanceof ObjectCreationExpr creation) {
      return Optional.of(creation.getType().getNameAsString());
    }
    return Optional.empty();
  }

  /** The declarator of a local variable (preferred) or field, for constant evaluation. */
  public Optional<VariableDeclarator> declarator(String name, boolean fieldOnly) {
    if (!fieldOnly && localDeclarators.containsKey(name)) {
      return Optional.of(localDeclarators.get(name));
    }
    return Optional.ofNullable(fieldDeclarators.get(name));
  }

  /** The simple name of a type, without package, outer types or type arguments. */
  public static String simpleName(Type type) {
    if (type instanceof ClassOrInterfaceType classType) {
      return classType.getNameAsString();
    }
    return type.asString();
  }

  private static String createdType(Node initializer) {
    return initializer instanceof ObjectCreationExpr creation
        ? creation.getType().getNameAsString()
        : null;
  }
}
