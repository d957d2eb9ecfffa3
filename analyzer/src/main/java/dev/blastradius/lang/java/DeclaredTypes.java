package dev.blastradius.lang.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnknownType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
          isVar(variable.getType())
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

  /**
   * Whether a call's receiver is a parameter of the enclosing method: an object the caller (or a
   * request body) handed in, rather than one this method loaded.
   */
  public boolean isParameter(Optional<Expression> scope) {
    if (scope.isEmpty() || !(scope.get() instanceof NameExpr name)) {
      return false;
    }
    String identifier = name.getNameAsString();
    return locals.containsKey(identifier) && !localDeclarators.containsKey(identifier);
  }

  /** Prefix of a type known only once linking knows what a project method returns. */
  public static final String RESULT_OF = "?result:";

  /** Calls that hand a lambda the elements of the stream, optional or collection they are on. */
  private static final Set<String> ELEMENT_CONSUMERS =
      Set.of(
          "ifPresent",
          "ifPresentOrElse",
          "forEach",
          "map",
          "flatMap",
          "filter",
          "peek",
          "anyMatch",
          "allMatch",
          "noneMatch",
          "takeWhile",
          "dropWhile");

  /** Calls that pass elements through unchanged, or unwrap an optional. */
  private static final Set<String> PASS_THROUGH =
      Set.of(
          "stream",
          "parallelStream",
          "filter",
          "sorted",
          "distinct",
          "limit",
          "skip",
          "peek",
          "orElseThrow",
          "get",
          "orElse",
          "orElseGet",
          "findFirst",
          "findAny",
          "getFirst",
          "iterator",
          "next");

  /**
   * For a receiver whose declared type we cannot see, the type to resolve at link time: an untyped
   * lambda parameter fed by {@code repo.findById(id).ifPresent(c -> …)} or {@code
   * repo.findAll().forEach(c -> …)}, or a {@code var} assigned {@code repo.findById(id)
   * .orElseThrow()}, is "an element of what {@code Repo.findById} returns": {@code
   * ?result:Repo.findById}. Empty when the name is not such a variable.
   */
  public Optional<String> deferredType(Optional<Expression> scope) {
    if (scope.isEmpty() || !(scope.get() instanceof NameExpr name)) {
      return Optional.empty();
    }
    String identifier = name.getNameAsString();
    VariableDeclarator local = localDeclarators.get(identifier);
    if (local != null) {
      return isVar(local.getType())
          ? local.getInitializer().flatMap(this::resultOf)
          : Optional.empty();
    }
    for (Node current = name; current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof LambdaExpr lambda
          && lambda.getParameters().stream()
              .anyMatch(
                  p ->
                      p.getNameAsString().equals(identifier)
                          && p.getType() instanceof UnknownType)) {
        return lambda
            .getParentNode()
            .filter(MethodCallExpr.class::isInstance)
            .map(MethodCallExpr.class::cast)
            .filter(call -> ELEMENT_CONSUMERS.contains(call.getNameAsString()))
            .flatMap(MethodCallExpr::getScope)
            .flatMap(this::resultOf);
      }
      if (current instanceof CallableDeclaration<?>) {
        break;
      }
    }
    return Optional.empty();
  }

  /** {@code ?result:Type.method} for {@code receiver.method(…)} behind pass-through calls. */
  private Optional<String> resultOf(Expression expression) {
    Expression current = expression;
    while (current instanceof MethodCallExpr call
        && PASS_THROUGH.contains(call.getNameAsString())) {
      current = call.getScope().orElse(null);
    }
    if (!(current instanceof MethodCallExpr source) || source.getScope().isEmpty()) {
      return Optional.empty();
    }
    return receiverType(source.getScope())
        .map(type -> RESULT_OF + type + "." + source.getNameAsString());
  }

  /** The declarator of a local variable (preferred) or field, for constant evaluation. */
  public Optional<VariableDeclarator> declarator(String name, boolean fieldOnly) {
    if (!fieldOnly && localDeclarators.containsKey(name)) {
      return Optional.of(localDeclarators.get(name));
    }
    return Optional.ofNullable(fieldDeclarators.get(name));
  }

  /**
   * Whether a declared type is {@code var}. At the RAW language level, which reads most files,
   * {@code var} is an ordinary type name.
   */
  static boolean isVar(Type type) {
    return type.isVarType()
        || (type instanceof ClassOrInterfaceType named
            && named.getScope().isEmpty()
            && named.getTypeArguments().isEmpty()
            && named.getNameAsString().equals("var"));
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
