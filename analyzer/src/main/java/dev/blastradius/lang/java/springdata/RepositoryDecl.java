package dev.blastradius.lang.java.springdata;

import dev.blastradius.lang.java.StringTemplate;
import java.util.List;

/**
 * A Spring Data repository interface as declared: the entity it manages (the first type argument of
 * {@code JpaRepository<E, ID>} and friends), the interfaces it extends, and its declared query
 * methods.
 *
 * @param entity the simple name of the managed entity, or null when it is inherited
 * @param supertypes simple names of extended interfaces
 */
public record RepositoryDecl(
    String name, String entity, List<String> supertypes, List<Method> methods) {

  public RepositoryDecl {
    supertypes = List.copyOf(supertypes);
    methods = List.copyOf(methods);
  }

  /**
   * A declared method.
   *
   * @param returnType the simple name of what it returns (for collections and wrappers, the
   *     element)
   * @param query the {@code @Query} text, or null for a derived query
   * @param nativeQuery {@code @Query(nativeQuery = true)}
   * @param entityGraph the {@code @EntityGraph(attributePaths = …)} paths the method fetches with
   *     the entity ({@code roles}, {@code team.members}), empty without one
   */
  public record Method(
      String name,
      int arity,
      String returnType,
      StringTemplate query,
      boolean nativeQuery,
      List<String> entityGraph) {

    public Method {
      entityGraph = List.copyOf(entityGraph);
    }
  }
}
