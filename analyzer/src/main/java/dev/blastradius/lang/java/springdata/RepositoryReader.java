package dev.blastradius.lang.java.springdata;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.DeclaredTypes;
import dev.blastradius.lang.java.StringEvaluator;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.jpa.EntityReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Spring Data repository interfaces: any interface extending {@code Repository}, {@code
 * CrudRepository}, {@code JpaRepository} and the other Spring Data bases (directly or, resolved at
 * link time, through another project interface), with their {@code @Query} methods.
 */
public final class RepositoryReader {

  /** Spring Data base interfaces whose first type argument is the entity. */
  static final Set<String> BASES =
      Set.of(
          "Repository",
          "CrudRepository",
          "ListCrudRepository",
          "PagingAndSortingRepository",
          "ListPagingAndSortingRepository",
          "JpaRepository",
          "JpaSpecificationExecutor",
          "QuerydslPredicateExecutor",
          "RevisionRepository");

  private RepositoryReader() {}

  /** True for a Spring Data base interface. */
  public static boolean isBase(String simpleName) {
    return BASES.contains(simpleName);
  }

  /**
   * The repository {@code type} declares, if it is an interface that extends something; whether it
   * is a repository at all is decided at link time from its base interfaces.
   */
  public static Optional<RepositoryDecl> read(TypeDeclaration<?> type, StringEvaluator strings) {
    if (!(type instanceof ClassOrInterfaceDeclaration declaration)
        || !declaration.isInterface()
        || declaration.getExtendedTypes().isEmpty()) {
      return Optional.empty();
    }
    String entity = null;
    List<String> supertypes = new ArrayList<>();
    for (ClassOrInterfaceType extended : declaration.getExtendedTypes()) {
      supertypes.add(extended.getNameAsString());
      if (BASES.contains(extended.getNameAsString())
          && extended.getTypeArguments().isPresent()
          && !extended.getTypeArguments().get().isEmpty()
          && entity == null) {
        entity = DeclaredTypes.simpleName(extended.getTypeArguments().get().get(0));
      }
    }
    List<RepositoryDecl.Method> methods = new ArrayList<>();
    for (MethodDeclaration method : declaration.getMethods()) {
      Optional<AnnotationExpr> query = Annotations.find(method, Set.of("Query"));
      StringTemplate text =
          query
              .flatMap(q -> Annotations.member(q, "value"))
              .flatMap(strings::evaluate)
              .orElse(null);
      boolean nativeQuery =
          query
              .flatMap(q -> Annotations.member(q, "nativeQuery"))
              .map(Expression::toString)
              .map(v -> v.toLowerCase(Locale.ROOT).equals("true"))
              .orElse(false);
      methods.add(
          new RepositoryDecl.Method(
              method.getNameAsString(),
              method.getParameters().size(),
              EntityReader.simpleReturnType(method.getType()),
              text,
              nativeQuery,
              Annotations.find(method, Set.of("EntityGraph"))
                  .map(g -> Annotations.strings(g, "attributePaths"))
                  .orElse(List.of())));
    }
    return Optional.of(
        new RepositoryDecl(declaration.getNameAsString(), entity, supertypes, methods));
  }
}
