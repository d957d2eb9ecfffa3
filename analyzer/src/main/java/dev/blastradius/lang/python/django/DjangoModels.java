package dev.blastradius.lang.python.django;

import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.link.Binding;
import dev.blastradius.lang.python.link.ModelField;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.OrmFramework;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Resolver;
import dev.blastradius.lang.python.link.Scope;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Django models: classes deriving from {@code django.db.models.Model} (or from a library base named
 * {@code *Model} when they declare model fields). The table is {@code Meta.db_table}, else {@code
 * <app_label>_<modelname>}; abstract bases lend their fields; a proxy uses its concrete parent's
 * table; a concrete parent (multi-table inheritance) keeps its fields in its own table and the
 * child gets {@code <parent>_ptr_id}; without a {@code primary_key=True} field the key is {@code
 * id}. It also tells the resolver what {@code Model.objects}, a queryset's {@code get()} and {@code
 * get_object_or_404} are.
 */
public final class DjangoModels implements OrmFramework {

  static final Set<String> MODEL_BASES =
      Set.of("Model", "AbstractUser", "AbstractBaseUser", "PermissionsMixin");

  static final Set<String> MANAGER_BASES = Set.of("Manager", "BaseManager", "QuerySet");

  private static final Set<String> DEFAULT_MANAGERS =
      Set.of("objects", "_default_manager", "_base_manager");

  /** Queryset methods that return another queryset of the same model. */
  static final Set<String> RETURNS_QUERY =
      Set.of(
          "all",
          "filter",
          "exclude",
          "order_by",
          "select_related",
          "prefetch_related",
          "distinct",
          "annotate",
          "alias",
          "only",
          "defer",
          "using",
          "select_for_update",
          "reverse",
          "none",
          "union",
          "intersection",
          "difference",
          "extra",
          "get_queryset");

  /** Queryset methods that return one instance. */
  static final Set<String> RETURNS_INSTANCE =
      Set.of("get", "first", "last", "latest", "earliest", "create");

  private final Project project;
  private final Identifiers ids;
  private final DjangoApps apps;
  private final Map<PyClass, Optional<ModelInfo>> cache = new IdentityHashMap<>();
  private final Set<PyClass> building = Collections.newSetFromMap(new IdentityHashMap<>());
  private List<ModelInfo> all;

  /** {@link #all} by lower-case class name. */
  private Map<String, List<ModelInfo>> byName;

  /** {@link #reverse} answers, by target model class. */
  private Map<PyClass, List<Reverse>> reverses;

  public DjangoModels(Project project) {
    this.project = project;
    this.ids = project.context().sql().identifiers();
    this.apps = new DjangoApps(project);
  }

  private Resolver resolver() {
    return project.resolver();
  }

  /** Whether a class is a Django model class (abstract ones included). */
  public boolean isModelClass(PyValue.ClassRef cls) {
    Resolver resolver = resolver();
    if (resolver.derivesFrom(cls, "django", MODEL_BASES)) {
      return true;
    }
    boolean libraryModel = resolver.externalBases(cls).stream().anyMatch(b -> b.endsWith("Model"));
    return libraryModel
        && !DjangoFields.declared(cls, new TableRef("", ""), resolver, n -> n).isEmpty();
  }

  /** Whether a class is a manager or queryset class. */
  boolean isManagerClass(PyValue.ClassRef cls) {
    return resolver().derivesFrom(cls, "django", MANAGER_BASES);
  }

  private static boolean flag(PyClass cls, String option) {
    return cls.option("Meta", option)
        .filter(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
        .isPresent();
  }

  @Override
  public Optional<ModelInfo> model(PyValue.ClassRef cls) {
    Optional<ModelInfo> cached = cache.get(cls.cls());
    if (cached != null) {
      return cached;
    }
    if (!building.add(cls.cls())) {
      return Optional.empty();
    }
    try {
      Optional<ModelInfo> built = build(cls);
      cache.put(cls.cls(), built);
      return built;
    } finally {
      building.remove(cls.cls());
    }
  }

  private Optional<ModelInfo> build(PyValue.ClassRef cls) {
    if (!isModelClass(cls) || flag(cls.cls(), "abstract")) {
      return Optional.empty();
    }
    List<PyValue.ClassRef> mro = resolver().mro(cls);
    ModelInfo parent = null;
    for (PyValue.ClassRef base : mro.subList(1, mro.size())) {
      if (isModelClass(base) && !flag(base.cls(), "abstract")) {
        parent = model(base).orElse(null);
        break;
      }
    }
    if (flag(cls.cls(), "proxy") && parent != null) {
      return Optional.of(
          new ModelInfo(
              cls, parent.table(), Via.DJANGO_ORM, parent.fields(), parent.parent(), parent.pk()));
    }
    String label = apps.label(project.moduleName(cls.module()), cls.cls());
    String tableName =
        cls.cls()
            .option("Meta", "db_table")
            .flatMap(PyExpr::string)
            .orElse(
                label.toLowerCase(Locale.ROOT) + "_" + cls.cls().name().toLowerCase(Locale.ROOT));
    TableRef table = ids.table(List.of(quoted(tableName)));
    Map<String, ModelField> fields = new LinkedHashMap<>();
    String pk = null;
    List<PyValue.ClassRef> declaring = new ArrayList<>();
    List<PyValue.ClassRef> parentLine = parent == null ? List.of() : resolver().mro(parent.cls());
    for (PyValue.ClassRef base : mro.subList(1, mro.size())) {
      // Abstract bases of a concrete parent lend their fields to the parent's table.
      boolean parents = parentLine.stream().anyMatch(p -> p.cls() == base.cls());
      if (!parents && isModelClass(base) && flag(base.cls(), "abstract")) {
        declaring.add(0, base);
      }
    }
    declaring.add(cls);
    Map<String, ModelField> declared = new LinkedHashMap<>();
    for (PyValue.ClassRef owner : declaring) {
      for (DjangoFields.Declared field :
          DjangoFields.declared(owner, table, resolver(), this::column).values()) {
        declared.put(field.field().name(), field.field());
        if (field.primaryKey()) {
          pk = field.field().name();
        }
      }
    }
    if (pk == null && parent != null) {
      String ptr = parent.name().toLowerCase(Locale.ROOT) + "_ptr";
      fields.put(
          ptr,
          new ModelField(
              ptr, column(ptr + "_id"), ModelField.Kind.FOREIGN_KEY, table, null, null, "+"));
      pk = ptr;
    } else if (pk == null) {
      fields.put(
          "id",
          new ModelField("id", column("id"), ModelField.Kind.COLUMN, table, null, null, null));
      pk = "id";
    }
    fields.putAll(declared);
    return Optional.of(new ModelInfo(cls, table, Via.DJANGO_ORM, fields, parent, pk));
  }

  /** A name as Django sends it: quoted, so its case is kept. */
  private String quoted(String name) {
    return ids.dialect() == SqlDialect.MYSQL ? "`" + name + "`" : "\"" + name + "\"";
  }

  private String column(String name) {
    return ids.normalize(quoted(name));
  }

  /** Every concrete model of the project. */
  public List<ModelInfo> all() {
    if (all == null) {
      List<ModelInfo> found = new ArrayList<>();
      for (PyModule module : project.modules()) {
        if (!module.parsed()) {
          continue;
        }
        for (PyClass cls : module.allClasses()) {
          model(new PyValue.ClassRef(module, cls)).ifPresent(found::add);
        }
      }
      all = List.copyOf(found);
      byName = new HashMap<>();
      for (ModelInfo model : all) {
        byName
            .computeIfAbsent(model.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(model);
      }
    }
    return all;
  }

  /** The models whose class is named {@code name}, ignoring case. */
  private List<ModelInfo> named(String name) {
    all();
    return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  @Override
  public Optional<ModelInfo> related(ModelInfo model, ModelField field) {
    if (model.via() != Via.DJANGO_ORM || field.target() == null) {
      return Optional.empty();
    }
    PyExpr target = field.target();
    Optional<String> text = PyExpr.string(target);
    if (text.isEmpty() && !(target instanceof PyExpr.Name) && !(target instanceof PyExpr.Attr)) {
      return Optional.empty();
    }
    if (text.isEmpty()) {
      PyValue value = resolver().value(target, field.scope());
      if (value instanceof PyValue.ClassRef cls) {
        return model(cls);
      }
      // settings.AUTH_USER_MODEL and other constants naming "app.Model".
      for (Binding binding : resolver().definitions(target, field.scope())) {
        text = PyExpr.string(binding.value());
        if (text.isPresent()) {
          break;
        }
      }
      if (text.isEmpty()) {
        return Optional.empty();
      }
    }
    String reference = text.get();
    if (reference.equals("self")) {
      return Optional.of(model);
    }
    int dot = reference.lastIndexOf('.');
    String name = dot < 0 ? reference : reference.substring(dot + 1);
    String label = dot < 0 ? null : reference.substring(0, dot);
    String ownLabel = apps.label(project.moduleName(model.cls().module()), model.cls().cls());
    ModelInfo sameName = null;
    for (ModelInfo candidate : named(name)) {
      String candidateLabel =
          apps.label(project.moduleName(candidate.cls().module()), candidate.cls().cls());
      if (label != null ? candidateLabel.equals(label) : candidateLabel.equals(ownLabel)) {
        return Optional.of(candidate);
      }
      sameName = sameName == null ? candidate : sameName;
    }
    return Optional.ofNullable(sameName);
  }

  /** The model of {@code app_label.ModelName}, as {@code apps.get_model} finds it. */
  Optional<ModelInfo> byLabel(String label, String name) {
    for (ModelInfo candidate : named(name)) {
      String candidateLabel =
          apps.label(project.moduleName(candidate.cls().module()), candidate.cls().cls());
      if (candidateLabel.equals(label)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Reverse> reverse(ModelInfo model) {
    if (model.via() != Via.DJANGO_ORM) {
      return List.of();
    }
    if (reverses == null) {
      // Every relation of every model, once, indexed by the model it points at.
      Map<PyClass, List<Reverse>> index = new HashMap<>();
      for (ModelInfo source : all()) {
        for (ModelField field : source.fields().values()) {
          if (field.kind() == ModelField.Kind.COLUMN || "+".equals(field.relatedName())) {
            continue;
          }
          Optional<ModelInfo> target = related(source, field);
          if (target.isEmpty()) {
            continue;
          }
          String lower = source.name().toLowerCase(Locale.ROOT);
          String name = field.relatedName() != null ? field.relatedName() : lower;
          String accessor = field.relatedName() != null ? field.relatedName() : lower + "_set";
          index
              .computeIfAbsent(target.get().cls().cls(), k -> new ArrayList<>())
              .add(new Reverse(name, accessor, source, field));
        }
      }
      reverses = index;
    }
    return reverses.getOrDefault(model.cls().cls(), List.of());
  }

  private Optional<ModelInfo> django(PyValue.ClassRef cls) {
    return model(cls).filter(m -> m.via() == Via.DJANGO_ORM);
  }

  @Override
  public PyValue classAttribute(PyValue.ClassRef cls, String name) {
    if (django(cls).isEmpty()) {
      return null;
    }
    for (PyValue.ClassRef owner : resolver().mro(cls)) {
      Optional<PyExpr> value = owner.cls().value(name);
      if (value.isEmpty() || !(value.get() instanceof PyExpr.Call call)) {
        continue;
      }
      Scope scope = resolver().scope(owner.module(), owner.cls().body());
      if (call.function() instanceof PyExpr.Attr attr
          && attr.name().equals("as_manager")
          && resolver().value(attr.object(), scope) instanceof PyValue.ClassRef queryset) {
        return new PyValue.Query(cls.module(), cls.cls(), queryset);
      }
      PyValue constructor = resolver().value(call.function(), scope);
      if (constructor instanceof PyValue.ClassRef manager && isManagerClass(manager)) {
        return new PyValue.Query(cls.module(), cls.cls(), manager);
      }
      if (constructor instanceof PyValue.External external
          && external.name().startsWith("django.")
          && MANAGER_BASES.stream().anyMatch(b -> external.name().endsWith("." + b))) {
        return new PyValue.Query(cls.module(), cls.cls(), null);
      }
      return null;
    }
    return DEFAULT_MANAGERS.contains(name)
        ? new PyValue.Query(cls.module(), cls.cls(), null)
        : null;
  }

  /** In a manager's or queryset's methods, {@code self} queries the model that uses it. */
  @Override
  public PyValue self(PyValue.ClassRef cls) {
    if (!isManagerClass(cls)) {
      return null;
    }
    for (ModelInfo model : all()) {
      for (PyValue.ClassRef owner : resolver().mro(model.cls())) {
        for (String attribute : owner.cls().attributes().keySet()) {
          PyValue manager = classAttribute(model.cls(), attribute);
          if (manager instanceof PyValue.Query query
              && query.manager() != null
              && query.manager().cls() == cls.cls()) {
            return query;
          }
        }
      }
    }
    return null;
  }

  @Override
  public PyValue instanceAttribute(PyValue.Instance instance, String name) {
    Optional<ModelInfo> model = django(new PyValue.ClassRef(instance.module(), instance.cls()));
    if (model.isEmpty()) {
      return null;
    }
    Optional<ModelField> field = model.get().field(name);
    if (field.isPresent() && field.get().kind() != ModelField.Kind.COLUMN) {
      Optional<ModelInfo> related = related(model.get(), field.get());
      if (related.isPresent()) {
        PyValue.ClassRef target = related.get().cls();
        return field.get().kind() == ModelField.Kind.FOREIGN_KEY
            ? new PyValue.Instance(target.module(), target.cls(), false)
            : new PyValue.Query(target.module(), target.cls(), null);
      }
    }
    for (Reverse reverse : reverse(model.get())) {
      if (reverse.accessor().equals(name)) {
        PyValue.ClassRef source = reverse.source().cls();
        return new PyValue.Query(source.module(), source.cls(), null);
      }
    }
    return null;
  }

  @Override
  public PyValue queryCall(PyValue.Query query, String method) {
    if (django(query.modelRef()).isEmpty()) {
      return null;
    }
    if (RETURNS_INSTANCE.contains(method)) {
      return new PyValue.Instance(query.module(), query.model(), false);
    }
    return RETURNS_QUERY.contains(method) ? query : null;
  }

  @Override
  public PyValue call(PyValue function, PyExpr.Call call, Scope scope, Resolver resolver) {
    if (function instanceof PyValue.External external
        && external.name().startsWith("django.shortcuts.")) {
      Optional<PyValue> target = call.positional(0).map(a -> resolver.value(a, scope));
      PyValue.ClassRef model = null;
      if (target.isPresent() && target.get() instanceof PyValue.ClassRef cls) {
        model = cls;
      } else if (target.isPresent() && target.get() instanceof PyValue.Query query) {
        model = query.modelRef();
      }
      if (model == null) {
        return null;
      }
      if (external.name().endsWith(".get_object_or_404")) {
        return new PyValue.Instance(model.module(), model.cls(), false);
      }
      if (external.name().endsWith(".get_list_or_404")) {
        return new PyValue.Query(model.module(), model.cls(), null);
      }
      return null;
    }
    if (call.function() instanceof PyExpr.Attr attr && attr.name().equals("get_model")) {
      List<String> parts = new ArrayList<>();
      for (PyExpr argument : call.positional()) {
        PyExpr.string(argument).ifPresent(parts::add);
      }
      if (parts.size() == 1 && parts.get(0).contains(".")) {
        String text = parts.get(0);
        parts =
            List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1));
      }
      if (parts.size() == 2) {
        return byLabel(parts.get(0), parts.get(1)).map(m -> (PyValue) m.cls()).orElse(null);
      }
    }
    return null;
  }
}
