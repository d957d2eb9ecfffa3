package dev.blastradius.lang.java.jpa;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.link.DataCall;
import dev.blastradius.lang.java.link.LinkedUses;
import dev.blastradius.lang.java.link.ProjectModel;
import dev.blastradius.schema.ColumnRef;
import java.util.Optional;
import java.util.Set;

/**
 * JPA calls that are not repositories: {@code EntityManager} (and Hibernate {@code Session}) finds,
 * persists, merges, removes and queries, setter calls on managed entities inside a transaction,
 * which dirty checking writes back, and association getters, which load the associated entities.
 */
public final class JpaAccesses {

  /** Receiver types that are entity managers. */
  public static final Set<String> MANAGERS = Set.of("EntityManager", "Session", "StatelessSession");

  private JpaAccesses() {}

  /** The uses of an entity manager call. */
  public static LinkedUses manager(DataCall call, ProjectModel project) {
    LinkedUses result = new LinkedUses();
    String method = call.method();
    DataCall.Argument first = call.arguments().isEmpty() ? null : call.arguments().get(0);
    switch (method) {
      case "find", "get", "load" ->
          entityOf(first, project, true)
              .ifPresent(
                  e ->
                      e.allColumns()
                          .forEach(
                              c ->
                                  result.use(
                                      c, AccessKind.READ, Via.JPA, Confidence.LIKELY, true)));
      case "persist", "merge", "save", "saveOrUpdate", "update", "insert", "upsert" ->
          entityOf(first, project, false)
              .ifPresent(
                  e -> {
                    e.insertable().forEach(c -> result.insert(c, Via.JPA, Confidence.LIKELY));
                    e.updatable()
                        .forEach(
                            c -> result.use(c, AccessKind.WRITE, Via.JPA, Confidence.LIKELY, true));
                  });
      case "remove", "delete" ->
          entityOf(first, project, false)
              .ifPresent(
                  e ->
                      result.use(
                          e.table().column(ColumnRef.TABLE_LEVEL),
                          AccessKind.WRITE,
                          Via.JPA,
                          Confidence.CERTAIN,
                          false));
      case "createQuery", "createSelectionQuery", "createMutationQuery" ->
          jpql(text(first), project, result);
      case "createNativeQuery", "createNativeMutationQuery" -> {
        StringTemplate sql = text(first);
        if (sql != null) {
          result.nativeSql(sql);
        }
      }
      case "createNamedQuery" -> {
        StringTemplate name = text(first);
        Optional<String> query =
            name == null || !name.complete() ? Optional.empty() : project.namedQuery(name.text());
        query.ifPresentOrElse(
            q -> jpql(StringTemplate.literal(q), project, result),
            () ->
                result.problem(
                    "named query "
                        + (name == null ? "?" : name.text())
                        + " is not declared on any entity"));
      }
      default -> {
        // flush, clear, detach, …: no column access of their own.
      }
    }
    return result;
  }

  /**
   * A setter called on a managed entity in a transaction: dirty checking writes the column at
   * commit.
   */
  public static LinkedUses setter(DataCall call, EntityMapping entity) {
    LinkedUses result = new LinkedUses();
    String method = call.method();
    if (!call.transactional()
        || !method.startsWith("set")
        || method.length() < 4
        || call.arguments().size() != 1) {
      return result;
    }
    String property = Character.toLowerCase(method.charAt(3)) + method.substring(4);
    entity
        .columnsUnder(property)
        .forEach(c -> result.use(c, AccessKind.WRITE, Via.JPA, Confidence.LIKELY, false));
    return result;
  }

  /**
   * A getter of an association ({@code order.getCustomer()}, {@code team.getMembers()}) on a
   * managed entity: Hibernate loads the associated entities — lazily at this call, or eagerly with
   * the owner — so every column the target entity maps is read on this path. Reported at the
   * getter, as implicit, likely reads. Like {@link #setter}, only inside a transaction, and only on
   * an entity the method obtained itself (a local, or a lambda parameter fed by a repository): an
   * entity handed in as a parameter is often a request body or a detached copy whose getters load
   * nothing. Open-session-in-view loads outside transactions too, and managed entities passed
   * between methods load as well; both are missed.
   */
  public static LinkedUses navigation(DataCall call, EntityMapping entity, ProjectModel project) {
    LinkedUses result = new LinkedUses();
    String property =
        call.transactional() && !call.receiverParameter() ? getterProperty(call) : null;
    String target = property == null ? null : entity.associations().get(property);
    if (target == null) {
      return result;
    }
    project
        .entity(target)
        .ifPresent(
            e ->
                e.allColumns()
                    .forEach(
                        c -> result.use(c, AccessKind.READ, Via.JPA, Confidence.LIKELY, true)));
    return result;
  }

  /** {@code getCustomer()} / {@code isActive()} without arguments → the property name. */
  private static String getterProperty(DataCall call) {
    String method = call.method();
    if (!call.arguments().isEmpty()) {
      return null;
    }
    int prefix = method.startsWith("get") ? 3 : method.startsWith("is") ? 2 : -1;
    if (prefix < 0 || method.length() <= prefix) {
      return null;
    }
    return Character.toLowerCase(method.charAt(prefix)) + method.substring(prefix + 1);
  }

  private static void jpql(StringTemplate text, ProjectModel project, LinkedUses result) {
    if (text == null || !text.complete()) {
      result.problem("a JPQL query built from parts we cannot see is not analysed");
      return;
    }
    JpqlReader.Result read = JpqlReader.read(text.text(), project::entityNamed);
    read.unknown().forEach(u -> result.problem("JPQL names unknown " + u));
    read.uses()
        .forEach(
            u ->
                result.use(
                    u.column(),
                    u.kind(),
                    Via.JPQL,
                    u.implicit() ? Confidence.LIKELY : Confidence.CERTAIN,
                    u.implicit()));
  }

  private static Optional<EntityMapping> entityOf(
      DataCall.Argument argument, ProjectModel project, boolean classLiteral) {
    if (argument == null) {
      return Optional.empty();
    }
    String type = classLiteral ? argument.classLiteral() : argument.declaredType();
    return type == null ? Optional.empty() : project.entity(type);
  }

  private static StringTemplate text(DataCall.Argument argument) {
    return argument == null ? null : argument.text();
  }
}
