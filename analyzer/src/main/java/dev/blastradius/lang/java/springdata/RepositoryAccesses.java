package dev.blastradius.lang.java.springdata;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.java.jpa.EntityMapping;
import dev.blastradius.lang.java.jpa.JpqlReader;
import dev.blastradius.lang.java.link.DataCall;
import dev.blastradius.lang.java.link.LinkedUses;
import dev.blastradius.lang.java.link.ProjectModel;
import dev.blastradius.schema.ColumnRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a call of a Spring Data repository method does to the database, at the call site: the
 * inherited CRUD methods, {@code @Query} methods (JPQL or native SQL), derived queries and
 * projections.
 */
public final class RepositoryAccesses {

  private static final Set<String> SAVES =
      Set.of("save", "saveAll", "saveAndFlush", "saveAllAndFlush");
  private static final Set<String> LOADS =
      Set.of(
          "findById",
          "findAll",
          "findAllById",
          "getById",
          "getOne",
          "getReferenceById",
          "findOne",
          "findBy");
  private static final Set<String> DELETES =
      Set.of(
          "delete",
          "deleteById",
          "deleteAll",
          "deleteAllById",
          "deleteAllInBatch",
          "deleteInBatch",
          "deleteAllByIdInBatch");

  private RepositoryAccesses() {}

  /** The uses of {@code call} on {@code repository}. */
  public static LinkedUses resolve(
      DataCall call,
      ProjectModel.Repository repository,
      ProjectModel project,
      Map<String, List<String>> projections) {
    LinkedUses result = new LinkedUses();
    EntityMapping entity = repository.entity();
    String method = call.method();
    Optional<RepositoryDecl.Method> declared = repository.method(method, call.arguments().size());
    resolveDeclared(call, repository, project, projections, declared, result);
    if (declared.isPresent() && !declared.get().entityGraph().isEmpty() && loadsEntities(result)) {
      entityGraph(declared.get().entityGraph(), entity, project, result);
    }
    return result;
  }

  /**
   * {@code @EntityGraph(attributePaths = {"roles", "team.members"})}: the load fetches those
   * associations in the same query, so it reads every column of each entity on the paths.
   */
  private static void entityGraph(
      List<String> paths, EntityMapping root, ProjectModel project, LinkedUses result) {
    for (String path : paths) {
      EntityMapping current = root;
      for (String step : path.split("\\.")) {
        String target = current == null ? null : current.associations().get(step);
        current = target == null ? null : project.entity(target).orElse(null);
        if (current == null) {
          result.problem(
              "@EntityGraph path " + path + " of " + root.className() + " names no association");
          break;
        }
        current
            .allColumns()
            .forEach(c -> result.use(c, AccessKind.READ, Via.JPA, Confidence.LIKELY, true));
      }
    }
  }

  /** Whether the call loads whole entities (reads every column of the root entity implicitly). */
  private static boolean loadsEntities(LinkedUses result) {
    return result.uses().stream().anyMatch(u -> u.kind() == AccessKind.READ && u.implicit());
  }

  private static void resolveDeclared(
      DataCall call,
      ProjectModel.Repository repository,
      ProjectModel project,
      Map<String, List<String>> projections,
      Optional<RepositoryDecl.Method> declared,
      LinkedUses result) {
    EntityMapping entity = repository.entity();
    String method = call.method();
    if (declared.isPresent() && declared.get().query() != null) {
      query(declared.get(), project, result);
      return;
    }
    if (declared.isEmpty() || !isDerivedName(method)) {
      if (SAVES.contains(method)) {
        entity.insertable().forEach(c -> result.insert(c, Via.JPA, Confidence.LIKELY));
        entity
            .updatable()
            .forEach(c -> result.use(c, AccessKind.WRITE, Via.JPA, Confidence.LIKELY, true));
      } else if (LOADS.contains(method)) {
        entity
            .allColumns()
            .forEach(c -> result.use(c, AccessKind.READ, Via.JPA, Confidence.LIKELY, true));
      } else if (method.equals("existsById")) {
        entity
            .column(idAttribute(entity))
            .ifPresent(c -> result.use(c, AccessKind.READ, Via.JPA, Confidence.CERTAIN, false));
      } else if (method.equals("count")) {
        result.use(
            entity.table().column(ColumnRef.TABLE_LEVEL),
            AccessKind.READ,
            Via.JPA,
            Confidence.CERTAIN,
            false);
      } else if (DELETES.contains(method)) {
        result.use(
            entity.table().column(ColumnRef.TABLE_LEVEL),
            AccessKind.WRITE,
            Via.JPA,
            Confidence.CERTAIN,
            false);
      } else if (declared.isPresent()) {
        result.problem(
            "cannot tell what repository method " + repository.name() + "." + method + " does");
      }
      return;
    }
    DerivedQuery query = DerivedQuery.parse(method, entity, project::entity).orElseThrow();
    query
        .unresolved()
        .forEach(
            p ->
                result.problem(
                    "derived query "
                        + repository.name()
                        + "."
                        + method
                        + " names unknown property "
                        + p));
    query
        .criteria()
        .forEach(
            c ->
                result.use(c, AccessKind.READ, Via.SPRING_DATA_DERIVED, Confidence.CERTAIN, false));
    switch (query.subject()) {
      case FIND -> {
        String returned = declared.get().returnType();
        List<String> projected =
            project.entity(returned).isEmpty() ? projections.get(returned) : null;
        if (projected != null) {
          for (String property : projected) {
            entity
                .column(property)
                .ifPresent(
                    c ->
                        result.use(
                            c,
                            AccessKind.READ,
                            Via.SPRING_DATA_DERIVED,
                            Confidence.CERTAIN,
                            false));
          }
        } else {
          entity
              .allColumns()
              .forEach(
                  c ->
                      result.use(
                          c, AccessKind.READ, Via.SPRING_DATA_DERIVED, Confidence.LIKELY, true));
        }
      }
      case COUNT ->
          result.use(
              entity.table().column(ColumnRef.TABLE_LEVEL),
              AccessKind.READ,
              Via.SPRING_DATA_DERIVED,
              Confidence.CERTAIN,
              false);
      case DELETE -> {
        // Derived deletes load the entities, then delete them one by one.
        entity
            .allColumns()
            .forEach(
                c ->
                    result.use(
                        c, AccessKind.READ, Via.SPRING_DATA_DERIVED, Confidence.LIKELY, true));
        result.use(
            entity.table().column(ColumnRef.TABLE_LEVEL),
            AccessKind.WRITE,
            Via.SPRING_DATA_DERIVED,
            Confidence.CERTAIN,
            false);
      }
      case EXISTS -> {
        // Only the criteria.
      }
    }
  }

  private static LinkedUses query(
      RepositoryDecl.Method method, ProjectModel project, LinkedUses result) {
    if (method.nativeQuery()) {
      return result.nativeSql(method.query());
    }
    if (!method.query().complete()) {
      return result.problem(
          "the @Query of " + method.name() + " is built from parts we cannot see");
    }
    JpqlReader.Result read = JpqlReader.read(method.query().text(), project::entityNamed);
    read.unknown().forEach(u -> result.problem("JPQL of " + method.name() + " names unknown " + u));
    read.uses()
        .forEach(
            u ->
                result.use(
                    u.column(),
                    u.kind(),
                    Via.JPQL,
                    u.implicit() ? Confidence.LIKELY : Confidence.CERTAIN,
                    u.implicit()));
    return result;
  }

  private static boolean isDerivedName(String method) {
    return method.contains("By") && !LOADS.contains(method);
  }

  private static String idAttribute(EntityMapping entity) {
    return entity.columns().containsKey("id")
        ? "id"
        : entity.columns().keySet().stream().findFirst().orElse("id");
  }
}
