package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyParam;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQLAlchemy declarative models: classes deriving from a SQLAlchemy base ({@code
 * declarative_base()}, {@code DeclarativeBase}, Flask-SQLAlchemy's {@code db.Model}) with a {@code
 * __tablename__} or a {@code __table__ = Table(…)}. Mixins and {@code __abstract__} bases lend
 * their columns; a subclass without a table of its own shares its parent's (single-table
 * inheritance), one with its own table keeps the parent's columns there (joined inheritance).
 * Relationships map no column. It also tells the resolver what {@code session.query(Model)}, {@code
 * select(Model)}, {@code session.get(Model, id)}, a query's {@code first()} and {@code Model.query}
 * are.
 */
public final class SqlAlchemyModels implements OrmFramework {

  /** Query methods that return another query of the same model. */
  private static final Set<String> RETURNS_QUERY =
      Set.of(
          "filter",
          "filter_by",
          "where",
          "order_by",
          "group_by",
          "having",
          "join",
          "outerjoin",
          "options",
          "limit",
          "offset",
          "distinct",
          "execution_options",
          "with_for_update",
          "select_from",
          "scalars",
          "unique",
          "all",
          "paginate",
          "yield_per");

  /** Query and result methods that return one instance. */
  private static final Set<String> RETURNS_INSTANCE =
      Set.of(
          "first",
          "one",
          "one_or_none",
          "get",
          "scalar",
          "scalar_one",
          "scalar_one_or_none",
          "first_or_404",
          "get_or_404",
          "one_or_404");

  /** Session methods that load one instance of the model they are given. */
  private static final Set<String> SESSION_LOADS = Set.of("get", "get_one", "get_or_404");

  private final Project project;
  private final Identifiers ids;
  private final Map<PyClass, Optional<ModelInfo>> cache = new IdentityHashMap<>();
  private final Set<PyClass> building = Collections.newSetFromMap(new IdentityHashMap<>());
  private final EventTargets events;
  private List<ModelInfo> all;

  public SqlAlchemyModels(Project project) {
    this.project = project;
    this.ids = project.context().sql().identifiers();
    this.events = new EventTargets(this, project.resolver());
  }

  private Resolver resolver() {
    return project.resolver();
  }

  /** Whether a class derives from a SQLAlchemy declarative base (abstract ones included). */
  public boolean isMapped(PyValue.ClassRef cls) {
    for (String base : resolver().externalBases(cls)) {
      if (base.startsWith("sqlalchemy.")
          || base.startsWith("flask_sqlalchemy.")
          || base.startsWith("sqlmodel.")) {
        return true;
      }
    }
    return false;
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
      Optional<ModelInfo> built = isMapped(cls) ? build(cls) : Optional.empty();
      cache.put(cls.cls(), built);
      return built;
    } finally {
      building.remove(cls.cls());
    }
  }

  private Optional<ModelInfo> build(PyValue.ClassRef cls) {
    if (isAbstract(cls.cls())) {
      return Optional.empty();
    }
    boolean sqlmodel = isSqlModel(cls);
    if (sqlmodel && !SqlAlchemyColumns.flag(cls.cls().keywords(), "table")) {
      // A SQLModel class without table=True is a pydantic model, not a table.
      return Optional.empty();
    }
    List<PyValue.ClassRef> mro = resolver().mro(cls);
    ModelInfo parent = null;
    for (PyValue.ClassRef base : mro.subList(1, mro.size())) {
      parent = model(base).orElse(null);
      if (parent != null) {
        break;
      }
    }
    List<PyClass> parentLine = new ArrayList<>();
    if (parent != null) {
      resolver().mro(parent.cls()).forEach(p -> parentLine.add(p.cls()));
    }
    // The classes that declare this model's own columns: itself and its mixins, bases first.
    List<PyValue.ClassRef> declaring = new ArrayList<>();
    for (PyValue.ClassRef ref : mro) {
      if (!parentLine.contains(ref.cls())) {
        declaring.add(0, ref);
      }
    }
    TableRef table = null;
    PyExpr.Call core = null;
    for (int i = declaring.size() - 1; i >= 0 && table == null; i--) {
      PyClass owner = declaring.get(i).cls();
      Optional<String> name = owner.value("__tablename__").flatMap(PyExpr::string);
      if (name.isPresent()) {
        table = table(name.get());
      } else if (owner.methods().containsKey("__tablename__")) {
        // A declared_attr naming the table after the class, the usual mixin recipe.
        table = table(cls.cls().name().toLowerCase(Locale.ROOT));
      } else if (owner.value("__table__").orElse(null) instanceof PyExpr.Call call
          && SqlAlchemyColumns.simpleName(call).equals("Table")
          && call.positional(0).flatMap(PyExpr::string).isPresent()) {
        core = call;
        table = table(PyExpr.string(call.positional(0).get()).get());
      }
    }
    if (table == null && sqlmodel) {
      // SQLModel names the table after the class, in lower case.
      table = table(cls.cls().name().toLowerCase(Locale.ROOT));
    }
    if (table == null && parent == null) {
      return Optional.empty();
    }
    boolean singleTable = table == null;
    TableRef own = singleTable ? parent.table() : table;
    Map<String, ModelField> fields = new LinkedHashMap<>();
    if (singleTable) {
      fields.putAll(parent.fields());
    }
    String pk = singleTable ? parent.pk() : null;
    if (core != null) {
      for (PyExpr argument : core.positional()) {
        if (argument instanceof PyExpr.Call column
            && SqlAlchemyColumns.simpleName(column).equals("Column")) {
          Optional<SqlAlchemyColumns.Declared> declared = SqlAlchemyColumns.column(column, null);
          if (declared.isPresent()) {
            String name = declared.get().column();
            fields.put(name, field(name, declared.get(), own, null));
            pk = declared.get().primaryKey() && pk == null ? name : pk;
          }
        }
      }
    }
    for (PyValue.ClassRef owner : declaring) {
      Scope scope = resolver().scope(owner.module(), owner.cls().body());
      for (PyClass.Attribute attribute : owner.cls().attributes().values()) {
        Optional<SqlAlchemyColumns.Declared> declared =
            sqlmodel
                ? SqlModelFields.attribute(
                    attribute.name(), attribute.annotation(), attribute.value())
                : SqlAlchemyColumns.attribute(
                    attribute.name(), attribute.annotation(), attribute.value());
        if (declared.isEmpty() || attribute.name().startsWith("__")) {
          continue;
        }
        fields.put(attribute.name(), field(attribute.name(), declared.get(), own, scope));
        if (declared.get().primaryKey() && pk == null) {
          pk = attribute.name();
        }
      }
    }
    if (pk == null) {
      pk = fields.containsKey("id") ? "id" : parent != null ? parent.pk() : "id";
    }
    return Optional.of(
        new ModelInfo(cls, own, Via.SQLALCHEMY, fields, singleTable ? null : parent, pk));
  }

  private ModelField field(
      String attribute, SqlAlchemyColumns.Declared declared, TableRef table, Scope scope) {
    ModelField.Kind kind =
        switch (declared.kind()) {
          case COLUMN -> ModelField.Kind.COLUMN;
          case FOREIGN_KEY -> ModelField.Kind.FOREIGN_KEY;
          case RELATION -> ModelField.Kind.RELATION;
        };
    String column = declared.column() == null ? null : column(declared.column());
    return new ModelField(attribute, column, kind, table, declared.target(), scope, null);
  }

  /** Whether a class is a SQLModel class (a table only with {@code table=True}). */
  private boolean isSqlModel(PyValue.ClassRef cls) {
    return resolver().externalBases(cls).stream().anyMatch(b -> b.startsWith("sqlmodel."));
  }

  private static boolean isAbstract(PyClass cls) {
    return cls.value("__abstract__")
        .filter(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
        .isPresent();
  }

  /** A name as SQLAlchemy sends it: quoted when it is not all lower case. */
  private String quoted(String name) {
    if (name.equals(name.toLowerCase(Locale.ROOT))) {
      return name;
    }
    return ids.dialect() == SqlDialect.MYSQL ? "`" + name + "`" : "\"" + name + "\"";
  }

  /** The table of a table name as written in the model. */
  public TableRef table(String name) {
    String[] parts = name.split("\\.");
    List<String> quoted = new ArrayList<>();
    for (String part : parts) {
      quoted.add(quoted(part));
    }
    return ids.table(quoted);
  }

  /** The column of a column name as written in the model. */
  public String column(String name) {
    return ids.normalize(quoted(name));
  }

  /** Every mapped model of the project. */
  public List<ModelInfo> all() {
    if (all == null) {
      List<ModelInfo> found = new ArrayList<>();
      for (PyModule module : project.modules()) {
        if (module.parsed()) {
          for (PyClass cls : module.allClasses()) {
            model(new PyValue.ClassRef(module, cls)).ifPresent(found::add);
          }
        }
      }
      all = List.copyOf(found);
    }
    return all;
  }

  private Optional<ModelInfo> mapped(PyValue.ClassRef cls) {
    return model(cls).filter(m -> m.via() == Via.SQLALCHEMY);
  }

  @Override
  public Optional<ModelInfo> related(ModelInfo model, ModelField field) {
    if (model.via() != Via.SQLALCHEMY || field.target() == null) {
      return Optional.empty();
    }
    Optional<String> text = PyExpr.string(field.target());
    if (text.isEmpty()) {
      PyValue value = resolver().value(field.target(), field.scope());
      return value instanceof PyValue.ClassRef cls ? mapped(cls) : Optional.empty();
    }
    String name = text.get().substring(text.get().lastIndexOf('.') + 1);
    return all().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  @Override
  public List<Reverse> reverse(ModelInfo model) {
    return List.of();
  }

  @Override
  public PyValue param(Scope scope, PyParam param) {
    return events.param(scope, param);
  }

  @Override
  public PyValue classAttribute(PyValue.ClassRef cls, String name) {
    // Flask-SQLAlchemy's Model.query.
    if (name.equals("query") && mapped(cls).isPresent()) {
      return new PyValue.Query(cls.module(), cls.cls(), null);
    }
    return null;
  }

  @Override
  public PyValue instanceAttribute(PyValue.Instance instance, String name) {
    Optional<ModelInfo> model = mapped(new PyValue.ClassRef(instance.module(), instance.cls()));
    Optional<ModelField> field = model.flatMap(m -> m.field(name));
    if (field.isEmpty() || field.get().kind() != ModelField.Kind.RELATION) {
      return null;
    }
    Optional<ModelInfo> target = related(model.get(), field.get());
    if (target.isEmpty()) {
      return null;
    }
    PyValue.ClassRef ref = target.get().cls();
    return manyToOne(model.get(), target.get())
        ? new PyValue.Instance(ref.module(), ref.cls(), false)
        : new PyValue.Query(ref.module(), ref.cls(), null);
  }

  /** A relation is to one object when this model holds a foreign key column to the target. */
  private static boolean manyToOne(ModelInfo model, ModelInfo target) {
    for (ModelInfo m = model; m != null; m = m.parent()) {
      for (ModelField field : m.fields().values()) {
        if (field.kind() == ModelField.Kind.FOREIGN_KEY
            && field.column() != null
            && field.table().equals(model.table())
            && references(field, target)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean references(ModelField foreignKey, ModelInfo target) {
    return foreignKey.target() instanceof PyExpr.Str key
        && key.value().toLowerCase(Locale.ROOT).startsWith(target.table().name() + ".");
  }

  @Override
  public PyValue queryCall(PyValue.Query query, String method) {
    if (mapped(query.modelRef()).isEmpty()) {
      return null;
    }
    if (RETURNS_INSTANCE.contains(method)) {
      return new PyValue.Instance(query.module(), query.model(), false);
    }
    return RETURNS_QUERY.contains(method) ? query : null;
  }

  @Override
  public PyValue call(PyValue function, PyExpr.Call call, Scope scope, Resolver resolver) {
    Optional<String> method = call.name();
    if (method.isEmpty()) {
      return null;
    }
    Optional<PyValue> first = call.positional(0).map(a -> resolver.value(a, scope));
    PyValue.ClassRef model =
        first.isPresent() && first.get() instanceof PyValue.ClassRef cls && mapped(cls).isPresent()
            ? cls
            : null;
    String name = method.get();
    if (model != null && (name.equals("query") || name.equals("select"))) {
      return new PyValue.Query(model.module(), model.cls(), null);
    }
    if (model != null && SESSION_LOADS.contains(name)) {
      return new PyValue.Instance(model.module(), model.cls(), false);
    }
    if (first.isPresent()
        && first.get() instanceof PyValue.Query query
        && mapped(query.modelRef()).isPresent()) {
      if (name.equals("execute") || name.equals("exec") || name.equals("scalars")) {
        return query;
      }
      if (name.equals("scalar")) {
        return new PyValue.Instance(query.module(), query.model(), false);
      }
    }
    return null;
  }
}
