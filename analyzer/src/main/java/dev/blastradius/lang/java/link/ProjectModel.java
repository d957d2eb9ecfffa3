package dev.blastradius.lang.java.link;

import dev.blastradius.lang.java.DeclaredTypes;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.jpa.EntityDecl;
import dev.blastradius.lang.java.jpa.EntityMapping;
import dev.blastradius.lang.java.jpa.NamingStrategy;
import dev.blastradius.lang.java.springdata.RepositoryDecl;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Java file's declarations joined: string constants, JPA mappings resolved to tables and
 * columns (naming strategy, embeddables, mapped superclasses, inheritance, join columns), and
 * Spring Data repositories with the entity each manages.
 */
public final class ProjectModel {

  private final Map<String, StringTemplate> constants = new HashMap<>();
  private final Map<String, List<String>> constantOwnersByName = new HashMap<>();
  private final Map<String, EntityDecl> declarations = new HashMap<>();
  private final Map<String, RepositoryDecl> repositories = new HashMap<>();
  private final Map<String, EntityMapping> mappings = new HashMap<>();
  private final Map<String, String> entityNames = new HashMap<>();
  private final NamingStrategy naming;
  private final Identifiers ids;

  public ProjectModel(List<JavaFileModel> models, NamingStrategy naming, Identifiers ids) {
    this.naming = naming;
    this.ids = ids;
    for (JavaFileModel model : models) {
      model.constants.forEach(
          (key, value) -> {
            constants.putIfAbsent(key, value);
            constantOwnersByName
                .computeIfAbsent(key.substring(key.indexOf('.') + 1), k -> new ArrayList<>())
                .add(key);
          });
      model.entities.forEach(e -> declarations.putIfAbsent(e.className(), e));
      model.repositories.forEach(r -> repositories.putIfAbsent(r.name(), r));
    }
    for (EntityDecl decl : declarations.values()) {
      if (decl.kind() == EntityDecl.Kind.ENTITY) {
        entityNames.put(decl.entityName(), decl.className());
      }
    }
  }

  /** The value of a referenced constant: {@code Owner.NAME}, or a unique {@code NAME} anywhere. */
  public Optional<StringTemplate> constant(StringTemplate.Ref ref) {
    if (ref.owner() != null) {
      return Optional.ofNullable(constants.get(ref.owner() + "." + ref.name()));
    }
    List<String> owners = constantOwnersByName.getOrDefault(ref.name(), List.of());
    return owners.size() == 1 ? Optional.of(constants.get(owners.get(0))) : Optional.empty();
  }

  /** The mapping of the entity class {@code className}, if it is one. */
  public Optional<EntityMapping> entity(String className) {
    EntityDecl decl = declarations.get(className);
    if (decl == null || decl.kind() != EntityDecl.Kind.ENTITY) {
      return Optional.empty();
    }
    return Optional.of(mappings.computeIfAbsent(className, c -> map(decl)));
  }

  /** The mapping of the entity JPQL calls {@code name}. */
  public Optional<EntityMapping> entityNamed(String name) {
    String className = entityNames.getOrDefault(name, name);
    return entity(className);
  }

  /** The {@code @NamedQuery} of that name on any entity. */
  public Optional<String> namedQuery(String name) {
    return declarations.values().stream()
        .map(d -> d.namedQueries().get(name))
        .filter(q -> q != null)
        .findFirst();
  }

  /**
   * {@code catalog} with a table for every entity table it does not know, holding the entity's
   * mapped columns (type unknown). Without migrations (a schema dump run by hand, {@code ddl-auto})
   * the mapping is the only schema there is, and native queries ({@code SELECT u.* FROM users u})
   * still expand into the entity's columns.
   */
  public Catalog withEntityTables(Catalog catalog) {
    Map<TableRef, java.util.LinkedHashSet<String>> missing = new java.util.TreeMap<>();
    declarations.keySet().stream()
        .sorted()
        .map(this::entity)
        .flatMap(Optional::stream)
        .filter(e -> catalog.table(e.table()).isEmpty())
        .forEach(
            e ->
                e.allColumns()
                    .forEach(
                        c ->
                            missing
                                .computeIfAbsent(e.table(), t -> new java.util.LinkedHashSet<>())
                                .add(c.column())));
    if (missing.isEmpty()) {
      return catalog;
    }
    Catalog.Builder builder = catalog.toBuilder();
    missing.forEach(
        (table, columns) ->
            builder.createTable(
                table, columns.stream().map(c -> new Catalog.Column(c, "", false, null)).toList()));
    return builder.build();
  }

  /** True when some entity is declared. */
  public boolean hasEntities() {
    return declarations.values().stream().anyMatch(d -> d.kind() == EntityDecl.Kind.ENTITY);
  }

  /** The file of the first entity, for notes about the mapping as a whole. */
  public Optional<String> firstEntityPath() {
    return declarations.values().stream()
        .filter(d -> d.kind() == EntityDecl.Kind.ENTITY)
        .map(EntityDecl::path)
        .sorted()
        .findFirst();
  }

  /**
   * The repository interface {@code name} with the entity it manages (found through the project
   * interfaces it extends), when it is a Spring Data repository.
   */
  public Optional<Repository> repository(String name) {
    RepositoryDecl decl = repositories.get(name);
    if (decl == null) {
      return Optional.empty();
    }
    List<RepositoryDecl.Method> methods = new ArrayList<>();
    String entity = null;
    boolean spring = false;
    Set<String> seen = new HashSet<>();
    List<RepositoryDecl> work = new ArrayList<>(List.of(decl));
    while (!work.isEmpty()) {
      RepositoryDecl current = work.remove(0);
      if (!seen.add(current.name())) {
        continue;
      }
      methods.addAll(current.methods());
      entity = entity == null ? current.entity() : entity;
      for (String supertype : current.supertypes()) {
        if (dev.blastradius.lang.java.springdata.RepositoryReader.isBase(supertype)) {
          spring = true;
        } else if (repositories.containsKey(supertype)) {
          work.add(repositories.get(supertype));
        }
      }
    }
    if (!spring || entity == null) {
      return Optional.empty();
    }
    return entity(entity)
        .map(mapping -> new Repository(decl.name(), mapping, List.copyOf(methods)));
  }

  /**
   * The element type of what a project method returns, for a {@link DeclaredTypes#RESULT_OF} type
   * ({@code ?result:CustomerRepository.findById} → {@code Customer}): a repository's declared
   * method's return type, or its entity for the inherited CRUD and finder methods.
   */
  public Optional<String> resultElement(String deferred) {
    String body = deferred.substring(DeclaredTypes.RESULT_OF.length());
    int dot = body.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String owner = body.substring(0, dot);
    String method = body.substring(dot + 1);
    return repository(owner)
        .flatMap(
            repository -> {
              Optional<RepositoryDecl.Method> declared =
                  repository.methods().stream().filter(m -> m.name().equals(method)).findFirst();
              if (declared.isPresent()) {
                return Optional.ofNullable(declared.get().returnType());
              }
              return INHERITED_FINDERS.contains(method)
                  ? Optional.of(repository.entity().className())
                  : Optional.empty();
            });
  }

  /** CrudRepository/JpaRepository methods that return the entity or a collection of it. */
  private static final Set<String> INHERITED_FINDERS =
      Set.of(
          "findById",
          "findAll",
          "findAllById",
          "getById",
          "getReferenceById",
          "getOne",
          "findOne",
          "findBy",
          "save",
          "saveAndFlush",
          "saveAll",
          "saveAllAndFlush");

  /** A Spring Data repository with its entity's mapping and every declared method. */
  public record Repository(String name, EntityMapping entity, List<RepositoryDecl.Method> methods) {
    /** The declared method of that name and arity. */
    public Optional<RepositoryDecl.Method> method(String methodName, int arity) {
      return methods.stream()
          .filter(m -> m.name().equals(methodName) && m.arity() == arity)
          .findFirst();
    }
  }

  /** The declaration of a mapped class (entity, mapped superclass, embeddable). */
  public Optional<EntityDecl> declaration(String className) {
    return Optional.ofNullable(declarations.get(className));
  }

  private EntityMapping map(EntityDecl decl) {
    List<EntityDecl> chain = chain(decl);
    EntityDecl root =
        chain.stream().filter(d -> d.kind() == EntityDecl.Kind.ENTITY).findFirst().orElse(decl);
    String strategy = root.inheritance() == null ? "SINGLE_TABLE" : root.inheritance();
    EntityDecl tableOwner = strategy.equals("SINGLE_TABLE") ? root : decl;
    TableRef table = table(tableOwner);
    Map<String, ColumnRef> columns = new LinkedHashMap<>();
    List<ColumnRef> insertable = new ArrayList<>();
    List<ColumnRef> updatable = new ArrayList<>();
    Map<String, String> associations = new HashMap<>();
    for (EntityDecl member : chain) {
      TableRef memberTable =
          strategy.equals("JOINED") && member.kind() == EntityDecl.Kind.ENTITY
              ? table(member)
              : table;
      for (EntityDecl.FieldDecl field : member.fields()) {
        attribute(
            field, "", Map.of(), memberTable, columns, insertable, updatable, associations, 0);
      }
    }
    return new EntityMapping(
        decl.className(), decl.entityName(), table, columns, insertable, updatable, associations);
  }

  private void attribute(
      EntityDecl.FieldDecl field,
      String prefix,
      Map<String, String> overrides,
      TableRef table,
      Map<String, ColumnRef> columns,
      List<ColumnRef> insertable,
      List<ColumnRef> updatable,
      Map<String, String> associations,
      int depth) {
    String path = prefix + field.name();
    switch (field.kind()) {
      case BASIC, ID, VERSION -> {
        String logical =
            overrides.getOrDefault(
                field.name(), field.column() != null ? field.column() : field.name());
        ColumnRef column = table.column(ids.normalize(naming.physical(logical)));
        columns.put(path, column);
        if (field.insertable()) {
          insertable.add(column);
        }
        if (field.updatable()) {
          updatable.add(column);
        }
      }
      case EMBEDDED -> {
        EntityDecl embeddable = declarations.get(field.type());
        if (embeddable == null || depth > 4) {
          return;
        }
        Map<String, String> nested = new HashMap<>();
        field.overrides().forEach((k, v) -> nested.put(k, v));
        for (EntityDecl.FieldDecl sub : embeddable.fields()) {
          attribute(
              sub,
              path + ".",
              nested,
              table,
              columns,
              insertable,
              updatable,
              associations,
              depth + 1);
        }
      }
      case MANY_TO_ONE, ONE_TO_ONE -> {
        associations.put(path, field.type());
        if (field.mappedBy() == null) {
          String logical =
              field.column() != null ? field.column() : field.name() + "_" + idColumn(field.type());
          ColumnRef column = table.column(ids.normalize(naming.physical(logical)));
          columns.put(path, column);
          if (field.insertable()) {
            insertable.add(column);
          }
          if (field.updatable()) {
            updatable.add(column);
          }
        }
      }
      case ONE_TO_MANY, MANY_TO_MANY -> associations.put(path, field.type());
      default -> {
        // Element collections live in their own table; formulas are computed, not stored.
      }
    }
  }

  /** The logical name of an entity's id column, {@code id} when unknown. */
  private String idColumn(String className) {
    for (EntityDecl decl : chain(declarations.getOrDefault(className, null))) {
      for (EntityDecl.FieldDecl field : decl.fields()) {
        if (field.kind() == EntityDecl.FieldKind.ID) {
          return field.column() != null ? field.column() : field.name();
        }
      }
    }
    return "id";
  }

  /** The class and its mapped superclasses and entity ancestors, topmost first. */
  private List<EntityDecl> chain(EntityDecl decl) {
    List<EntityDecl> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EntityDecl current = decl;
        current != null && seen.add(current.className());
        current = current.superclass() == null ? null : declarations.get(current.superclass())) {
      chain.add(0, current);
    }
    return chain;
  }

  private TableRef table(EntityDecl decl) {
    String logical = decl.table() != null ? decl.table() : decl.entityName();
    String schema = decl.schema() != null ? ids.normalize(decl.schema()) : ids.defaultSchema();
    return new TableRef(schema, ids.normalize(naming.physical(logical)));
  }
}
