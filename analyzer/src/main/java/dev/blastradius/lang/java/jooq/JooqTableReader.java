package dev.blastradius.lang.java.jooq;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.blastradius.lang.java.DeclaredTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads jOOQ's generated classes when they are in the scan: a table class ({@code extends
 * TableImpl}) gives its table name from its constructor ({@code this(DSL.name("users"), null)}, or
 * {@code super("users", …)} in older versions), its columns from its {@code createField(DSL.name
 * ("email"), …)} fields, and its schema from {@code getSchema()}; a schema class ({@code extends
 * SchemaImpl}) gives its name the same way.
 */
public final class JooqTableReader {

  private static final Set<String> TABLE_BASES =
      Set.of("TableImpl", "UpdatableTableImpl", "CustomTable");
  private static final Set<String> SCHEMA_BASES = Set.of("SchemaImpl", "CustomSchema");

  private JooqTableReader() {}

  /** Adds what {@code type} declares, when it is a generated table or schema. */
  public static void read(TypeDeclaration<?> type, JooqUses into) {
    if (!(type instanceof ClassOrInterfaceDeclaration declaration)) {
      return;
    }
    Set<String> bases =
        Set.copyOf(
            declaration.getExtendedTypes().stream()
                .map(ClassOrInterfaceType::getNameAsString)
                .toList());
    if (bases.stream().anyMatch(SCHEMA_BASES::contains)) {
      constructorName(declaration)
          .ifPresent(name -> into.schemas.put(declaration.getNameAsString(), name));
      return;
    }
    if (bases.stream().noneMatch(TABLE_BASES::contains)) {
      return;
    }
    String className = declaration.getNameAsString();
    String constant = null;
    Map<String, String> fields = new LinkedHashMap<>();
    for (FieldDeclaration field : declaration.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (field.isStatic() && DeclaredTypes.simpleName(variable.getType()).equals(className)) {
          constant = constant == null ? variable.getNameAsString() : constant;
        }
        variable
            .getInitializer()
            .filter(MethodCallExpr.class::isInstance)
            .map(MethodCallExpr.class::cast)
            .filter(c -> c.getNameAsString().equals("createField") && !c.getArguments().isEmpty())
            .flatMap(c -> literalName(c.getArgument(0)))
            .ifPresent(column -> fields.put(variable.getNameAsString(), column));
      }
    }
    into.tables.add(
        new JooqUses.TableDecl(
            className,
            constant,
            constructorName(declaration).orElse(null),
            schemaClass(declaration).orElse(null),
            fields,
            paths(declaration)));
  }

  /**
   * Implicit-join path methods: public, no parameters, returning another table's class or its
   * {@code XxxPath} subclass (jOOQ 3.19+). Which return types are tables is known at link time.
   */
  private static Map<String, String> paths(ClassOrInterfaceDeclaration declaration) {
    Map<String, String> paths = new LinkedHashMap<>();
    for (MethodDeclaration method : declaration.getMethods()) {
      if (!method.isPublic() || method.isStatic() || !method.getParameters().isEmpty()) {
        continue;
      }
      String type = DeclaredTypes.simpleName(method.getType());
      if (!type.isEmpty() && Character.isUpperCase(type.charAt(0))) {
        paths.put(
            method.getNameAsString(),
            type.endsWith("Path") ? type.substring(0, type.length() - "Path".length()) : type);
      }
    }
    return paths;
  }

  /** The first literal name a constructor passes on to {@code this(…)} or {@code super(…)}. */
  private static Optional<String> constructorName(ClassOrInterfaceDeclaration declaration) {
    for (ConstructorDeclaration constructor : declaration.getConstructors()) {
      for (ExplicitConstructorInvocationStmt call :
          constructor.findAll(ExplicitConstructorInvocationStmt.class)) {
        if (!call.getArguments().isEmpty()) {
          Optional<String> name = literalName(call.getArgument(0));
          if (name.isPresent()) {
            return name;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** {@code "users"} or {@code DSL.name("users")}. */
  private static Optional<String> literalName(Expression expression) {
    if (expression instanceof StringLiteralExpr literal) {
      return Optional.of(literal.asString());
    }
    if (expression instanceof MethodCallExpr call
        && call.getNameAsString().equals("name")
        && call.getArguments().size() == 1
        && call.getArgument(0) instanceof StringLiteralExpr literal) {
      return Optional.of(literal.asString());
    }
    return Optional.empty();
  }

  /** {@code getSchema()} returning {@code Public.PUBLIC}: {@code Public}. */
  private static Optional<String> schemaClass(ClassOrInterfaceDeclaration declaration) {
    for (MethodDeclaration method : declaration.getMethodsByName("getSchema")) {
      for (FieldAccessExpr access : method.findAll(FieldAccessExpr.class)) {
        if (access.getScope() instanceof NameExpr owner) {
          return Optional.of(owner.getNameAsString());
        }
      }
    }
    return Optional.empty();
  }
}
