package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.java.DeclaredTypes;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.List;

/**
 * {@code public static void main(String[])}: a {@code script} entry point. A Spring Boot
 * application class's main starts the app rather than doing work, so it is skipped.
 */
public final class MainMethodEntryPoints implements EntryPointAdapter {

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    boolean isMain =
        method.getNameAsString().equals("main")
            && method.isStatic()
            && method.isPublic()
            && method.getType().isVoidType()
            && method.getParameters().size() == 1
            && isStringArray(method.getParameter(0));
    if (!isMain || owner.isAnnotationPresent("SpringBootApplication")) {
      return List.of();
    }
    return List.of(
        new EntryPoint(
            EntryPointKind.SCRIPT,
            owner.getNameAsString() + ".main",
            site.location(method.getName())));
  }

  private static boolean isStringArray(Parameter parameter) {
    Type type = parameter.getType();
    if (parameter.isVarArgs()) {
      return DeclaredTypes.simpleName(type).equals("String");
    }
    return type instanceof ArrayType array
        && array.getArrayLevel() == 1
        && DeclaredTypes.simpleName(array.getElementType()).equals("String");
  }
}
