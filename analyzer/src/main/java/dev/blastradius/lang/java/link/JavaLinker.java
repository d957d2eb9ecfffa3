package dev.blastradius.lang.java.link;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.java.DeclaredTypes;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.jooq.JooqLinker;
import dev.blastradius.lang.java.jooq.JooqUses;
import dev.blastradius.lang.java.jpa.EntityMapping;
import dev.blastradius.lang.java.jpa.JpaAccesses;
import dev.blastradius.lang.java.jpa.NamingChoice;
import dev.blastradius.lang.java.mybatis.MyBatisLinker;
import dev.blastradius.lang.java.springdata.RepositoryAccesses;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.AnalysisProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links the Java files once all are read: builds the {@link ProjectModel} (constants, JPA mappings,
 * repositories) and turns each file's deferred uses into accesses — SQL that needed other classes'
 * constants, repository calls, entity-manager calls and entity setters.
 */
public final class JavaLinker {

  private final ExtractContext context;

  /** The catalog native SQL is read against: the replayed one plus tables only entities declare. */
  private Catalog nativeCatalog;

  public JavaLinker(ExtractContext context) {
    this.context = context;
  }

  /** The files, finished, in the same order and without their state. */
  public List<FileFacts> link(List<FileFacts> files) {
    List<JavaFileModel> models = new ArrayList<>();
    Map<String, List<String>> projections = new HashMap<>();
    Map<String, List<String>> beanProperties = new HashMap<>();
    for (FileFacts file : files) {
      if (file.state() instanceof JavaFileModel model) {
        models.add(model);
        projections.putAll(model.projections);
        beanProperties.putAll(model.beanProperties);
      }
    }
    NamingChoice naming = NamingChoice.detect(context.files());
    ProjectModel project = new ProjectModel(models, naming.strategy(), context.sql().identifiers());
    nativeCatalog = project.withEntityTables(context.catalog());
    String notePath =
        project.hasEntities() && naming.note() != null
            ? project.firstEntityPath().orElse(null)
            : null;
    MyBatisLinker mybatis =
        new MyBatisLinker(context, models.stream().map(m -> m.mybatis).toList(), project::constant);
    java.util.SortedMap<String, JooqUses> jooqUses = new java.util.TreeMap<>();
    files.stream()
        .filter(f -> f.state() instanceof JavaFileModel)
        .forEach(f -> jooqUses.put(f.path(), ((JavaFileModel) f.state()).jooq));
    JooqLinker jooq = new JooqLinker(context, jooqUses, project::constant);
    List<FileFacts> linked = new ArrayList<>();
    for (FileFacts file : files) {
      FileFacts.Builder builder = new FileFacts.Builder(file.path()).addAll(file).state(null);
      if (file.state() instanceof JavaFileModel model) {
        model.pendingSql.forEach(p -> pendingSql(p, project, builder));
        model.dataCalls.forEach(c -> dataCall(c, project, projections, builder));
        mybatis.link(model.mybatis, builder);
        jooq.link(model.jooq, builder);
      }
      if (file.path().equals(notePath)) {
        builder.note(naming.note());
      }
      FileFacts built = builder.build();
      if (file.state() instanceof JavaFileModel model && !model.rowMappers.isEmpty()) {
        built = RowMappers.bind(built, model.rowMappers, beanProperties);
      }
      linked.add(built);
    }
    return linked;
  }

  private void pendingSql(PendingSql pending, ProjectModel project, FileFacts.Builder builder) {
    StringTemplate sql = pending.sql().resolve(project::constant);
    record(
        builder,
        pending.unitId(),
        pending.location(),
        pending.snippet(),
        sql,
        pending.via(),
        pending.cap());
  }

  /**
   * The call with a {@link DeclaredTypes#RESULT_OF} receiver replaced by the element type the
   * project says it is; null when that cannot be told.
   */
  private static DataCall retyped(DataCall call, ProjectModel project) {
    if (!call.receiverType().startsWith(DeclaredTypes.RESULT_OF)) {
      return call;
    }
    return project
        .resultElement(call.receiverType())
        .map(
            element ->
                new DataCall(
                    call.unitId(),
                    call.location(),
                    call.snippet(),
                    element,
                    call.method(),
                    call.arguments(),
                    call.transactional(),
                    call.returnedTo(),
                    call.receiverParameter()))
        .orElse(null);
  }

  private void dataCall(
      DataCall declared,
      ProjectModel project,
      Map<String, List<String>> projections,
      FileFacts.Builder builder) {
    DataCall call = retyped(declared, project);
    if (call == null) {
      return;
    }
    LinkedUses uses;
    Optional<ProjectModel.Repository> repository = project.repository(call.receiverType());
    if (repository.isPresent()) {
      uses = RepositoryAccesses.resolve(call, repository.get(), project, projections);
    } else if (JpaAccesses.MANAGERS.contains(call.receiverType())) {
      uses = JpaAccesses.manager(call, project);
    } else {
      uses = new LinkedUses();
      Optional<EntityMapping> entity = project.entity(call.receiverType());
      if (entity.isPresent()) {
        uses = JpaAccesses.setter(call, entity.get());
        uses.addAll(JpaAccesses.navigation(call, entity.get(), project));
      }
    }
    for (LinkedUses.Use use : merged(uses.uses)) {
      builder.access(
          new UnitAccess(
              call.unitId(),
              new Access(
                  use.column(),
                  use.kind(),
                  use.via(),
                  use.confidence(),
                  use.implicit(),
                  call.location(),
                  call.snippet(),
                  List.of(),
                  use.inserts())));
    }
    for (StringTemplate sql : uses.nativeSql) {
      record(
          builder,
          call.unitId(),
          call.location(),
          call.snippet(),
          sql.resolve(project::constant),
          Via.JPA,
          Confidence.CERTAIN);
    }
    for (String problem : uses.problems) {
      builder.problem(
          new AnalysisProblem(
              call.location().path(), "extract", problem, call.location().startLine()));
    }
  }

  /**
   * One use per column, kind and via: a column that is both a criterion and part of the loaded
   * entity is one explicit, certain read.
   */
  private static List<LinkedUses.Use> merged(List<LinkedUses.Use> uses) {
    Map<String, LinkedUses.Use> byKey = new java.util.LinkedHashMap<>();
    for (LinkedUses.Use use : uses) {
      String key = use.column() + "\n" + use.kind() + "\n" + use.via();
      byKey.merge(
          key,
          use,
          (a, b) ->
              new LinkedUses.Use(
                  a.column(),
                  a.kind(),
                  a.via(),
                  a.confidence().strongest(b.confidence()),
                  a.implicit() && b.implicit(),
                  a.inserts() || b.inserts()));
    }
    return List.copyOf(byKey.values());
  }

  private void record(
      FileFacts.Builder builder,
      String unitId,
      dev.blastradius.source.Location location,
      String snippet,
      StringTemplate sql,
      Via via,
      Confidence cap) {
    SqlAnalysis analysis = context.sql().analyze(sql.text(), nativeCatalog);
    Confidence ceiling = sql.complete() ? cap : Confidence.POSSIBLE;
    HostedSql.record(
        builder, analysis, unitId, via, ceiling, s -> location, s -> snippet, "extract");
  }
}
