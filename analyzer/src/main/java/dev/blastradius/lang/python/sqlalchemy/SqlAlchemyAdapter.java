package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.Binding;
import dev.blastradius.lang.python.link.CallAdapter;
import dev.blastradius.lang.python.link.ExprWalk;
import dev.blastradius.lang.python.link.ModelField;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SQLAlchemy ORM and Core statements, read as whole chains from their outermost call: {@code
 * session.query(User).filter(User.email == e).first()}, {@code select(User.email).where(…)}, {@code
 * update(User).where(…).values(email=…)}, {@code insert(User).values(…)}, {@code delete(User)},
 * Flask-SQLAlchemy's {@code User.query.filter_by(…)}, Core {@code users.update().values(…)} and
 * {@code users.c.email}, {@code session.get(User, id)}; and the unit of work: {@code
 * session.add(User(email=…))} inserts the columns it sets, {@code session.merge(obj)} writes every
 * column, {@code session.delete(obj)} deletes the row. Attribute reads and assignments on loaded
 * objects are {@link dev.blastradius.lang.python.link.InstanceAttributes}'.
 */
public final class SqlAlchemyAdapter implements CallAdapter {

  /** Statement constructors, as functions ({@code select(User)}) or Core table methods. */
  private static final Set<String> CONSTRUCTORS = Set.of("select", "update", "insert", "delete");

  /** Session methods that load one object by key. */
  private static final Set<String> LOADS = Set.of("get", "get_one", "get_or_404");

  /** Chain methods whose arguments are not column expressions. */
  private static final Set<String> NOT_COLUMNS =
      Set.of("limit", "offset", "options", "execution_options", "paginate", "yield_per");

  private enum Kind {
    SELECT,
    UPDATE,
    INSERT,
    DELETE,
    LOAD
  }

  /** The statement a chain builds and the table it is about. */
  private static final class Statement {
    Kind kind;
    ModelInfo model;
    CoreTable core;
    final List<PyExpr> entities = new ArrayList<>();
    boolean valuesGiven;
    boolean counted;

    Statement(Kind kind, ModelInfo model, CoreTable core) {
      this.kind = kind;
      this.model = model;
      this.core = core;
    }

    ColumnRef tableLevel() {
      return (model != null ? model.table() : core.table()).column(ColumnRef.TABLE_LEVEL);
    }
  }

  @Override
  public void visit(PyExpr.Call call, boolean chained, PySite site) {
    if (chained) {
      return;
    }
    List<PyExpr.Call> chain = new ArrayList<>();
    PyExpr.Call current = call;
    while (true) {
      chain.add(0, current);
      if (current.receiver().orElse(null) instanceof PyExpr.Call inner) {
        current = inner;
      } else {
        break;
      }
    }
    Optional<Statement> started = start(chain.get(0), site);
    if (started.isEmpty()) {
      if (chain.size() == 1) {
        unitOfWork(call, site);
        reinitialised(call, site);
      }
      return;
    }
    Statement statement = started.get();
    boolean rootIsMethod = isQueryAttribute(chain.get(0), site);
    for (int i = rootIsMethod ? 0 : 1; i < chain.size(); i++) {
      method(chain.get(i), statement, site);
    }
    finish(statement, site);
  }

  /** The statement the innermost call of a chain starts, if it starts one. */
  private Optional<Statement> start(PyExpr.Call root, PySite site) {
    String name = root.name().orElse("");
    Optional<PyExpr> receiver = root.receiver();
    if (receiver.isPresent() && isQueryAttribute(root, site)) {
      // Model.query.filter_by(…): the root call is already a method of the query.
      PyExpr model = ((PyExpr.Attr) receiver.get()).object();
      return mapped(model, site)
          .map(m -> new Statement(Kind.SELECT, m, null))
          .map(s -> entity(s, model));
    }
    if (CONSTRUCTORS.contains(name) && receiver.isPresent()) {
      Optional<CoreTable> core = CoreTable.of(receiver.get(), site);
      if (core.isPresent()) {
        Statement statement = new Statement(kind(name), null, core.get());
        if (statement.kind == Kind.SELECT) {
          statement.entities.add(receiver.get());
        }
        root.positional().forEach(statement.entities::add);
        return Optional.of(statement);
      }
    }
    boolean constructor =
        CONSTRUCTORS.contains(name)
            && site.value(root.function()) instanceof PyValue.External external
            && (external.in("sqlalchemy")
                || external.in("sqlmodel")
                || external.name().startsWith("flask_sqlalchemy."));
    if (constructor || name.equals("query")) {
      if (root.positional().isEmpty()) {
        return Optional.empty();
      }
      Kind kind = name.equals("query") ? Kind.SELECT : kind(name);
      PyExpr first = root.positional(0).get();
      Statement statement = new Statement(kind, null, null);
      for (PyExpr entity : kind == Kind.SELECT ? root.positional() : List.of(first)) {
        Optional<ModelInfo> model = mapped(entity, site).or(() -> owner(entity, site));
        Optional<CoreTable> core =
            model.isPresent() ? Optional.empty() : CoreTable.of(coreOwner(entity), site);
        if (statement.model == null && statement.core == null) {
          statement.model = model.orElse(null);
          statement.core = core.orElse(null);
        }
      }
      if (statement.model == null && statement.core == null) {
        return Optional.empty();
      }
      if (kind == Kind.SELECT) {
        statement.entities.addAll(root.positional());
      }
      return Optional.of(statement);
    }
    if (LOADS.contains(name) && receiver.isPresent()) {
      return root.positional(0)
          .flatMap(m -> mapped(m, site))
          .map(m -> new Statement(Kind.LOAD, m, null));
    }
    return Optional.empty();
  }

  private static Statement entity(Statement statement, PyExpr entity) {
    statement.entities.add(entity);
    return statement;
  }

  private static Kind kind(String constructor) {
    return switch (constructor) {
      case "update" -> Kind.UPDATE;
      case "insert" -> Kind.INSERT;
      case "delete" -> Kind.DELETE;
      default -> Kind.SELECT;
    };
  }

  /** Whether the receiver of a call is Flask-SQLAlchemy's {@code Model.query}. */
  private static boolean isQueryAttribute(PyExpr.Call call, PySite site) {
    return call.receiver().orElse(null) instanceof PyExpr.Attr attr
        && attr.name().equals("query")
        && mapped(attr.object(), site).isPresent();
  }

  /** One method of the chain after its start. */
  private void method(PyExpr.Call call, Statement statement, PySite site) {
    String name = call.name().orElse("");
    switch (name) {
      case "filter_by" -> {
        for (PyExpr.Arg argument : call.keywords()) {
          field(statement, argument.keyword(), site)
              .ifPresent(c -> access(site, c, AccessKind.READ, Confidence.CERTAIN, false, false));
          columns(argument.value(), site, AccessKind.READ);
        }
      }
      case "values" -> {
        statement.valuesGiven = true;
        written(call, statement, site);
      }
      case "update" -> {
        // Query API: session.query(User).filter(…).update({"email": …}).
        statement.kind = Kind.UPDATE;
        written(call, statement, site);
      }
      case "delete" -> statement.kind = Kind.DELETE;
      case "count" -> statement.counted = true;
      default -> {
        if (!NOT_COLUMNS.contains(name)) {
          call.args().forEach(a -> columns(a.value(), site, AccessKind.READ));
        }
      }
    }
  }

  /** The columns {@code values(…)} or {@code update({…})} sets, by keyword or dict key. */
  private void written(PyExpr.Call call, Statement statement, PySite site) {
    boolean inserts = statement.kind == Kind.INSERT;
    for (PyExpr.Arg argument : call.args()) {
      if (argument.keyword() != null) {
        field(statement, argument.keyword(), site)
            .ifPresent(c -> access(site, c, AccessKind.WRITE, Confidence.CERTAIN, false, inserts));
        columns(argument.value(), site, AccessKind.READ);
      } else if (argument.value() instanceof PyExpr.Dict dict) {
        for (int i = 0; i < dict.keys().size(); i++) {
          PyExpr key = dict.keys().get(i);
          if (key instanceof PyExpr.Str str) {
            field(statement, str.value(), site)
                .ifPresent(
                    c -> access(site, c, AccessKind.WRITE, Confidence.CERTAIN, false, inserts));
          } else if (key != null) {
            List<ColumnRef> keys = new ArrayList<>();
            columns(key, site, c -> keys.add(c));
            keys.forEach(
                c -> access(site, c, AccessKind.WRITE, Confidence.CERTAIN, false, inserts));
          }
          columns(dict.values().get(i), site, AccessKind.READ);
        }
      } else {
        columns(argument.value(), site, AccessKind.READ);
      }
    }
  }

  /** What the statement does to its table once its chain is read. */
  private void finish(Statement statement, PySite site) {
    switch (statement.kind) {
      case SELECT -> {
        if (statement.counted) {
          access(site, statement.tableLevel(), AccessKind.READ, Confidence.CERTAIN, false, false);
          return;
        }
        for (PyExpr entity : statement.entities) {
          Optional<ModelInfo> model = mapped(entity, site);
          Optional<CoreTable> core =
              model.isPresent() ? Optional.empty() : CoreTable.of(entity, site);
          if (model.isPresent()) {
            model
                .get()
                .loadedColumns()
                .forEach(c -> access(site, c, AccessKind.READ, Confidence.LIKELY, true, false));
          } else if (core.isPresent()) {
            core.get()
                .columns()
                .forEach(c -> access(site, c, AccessKind.READ, Confidence.LIKELY, true, false));
          } else {
            columns(entity, site, AccessKind.READ);
          }
        }
      }
      case LOAD ->
          statement
              .model
              .loadedColumns()
              .forEach(c -> access(site, c, AccessKind.READ, Confidence.LIKELY, true, false));
      case DELETE ->
          access(site, statement.tableLevel(), AccessKind.WRITE, Confidence.CERTAIN, false, false);
      case INSERT -> {
        if (!statement.valuesGiven) {
          // insert(User) executed with parameter rows: every column may be supplied.
          List<ColumnRef> all =
              statement.model != null ? statement.model.ownColumns() : statement.core.columns();
          all.forEach(c -> access(site, c, AccessKind.WRITE, Confidence.LIKELY, true, true));
        }
      }
      case UPDATE -> {}
    }
  }

  /**
   * The unit of work: {@code session.add(User(…))} / {@code add_all}, {@code session.merge(obj)}
   * and {@code session.delete(obj)}.
   */
  private void unitOfWork(PyExpr.Call call, PySite site) {
    String name = call.name().orElse("");
    if (call.receiver().isEmpty() || call.positional().size() != 1) {
      return;
    }
    PyExpr argument = call.positional(0).get();
    switch (name) {
      case "add" -> added(argument, site);
      case "add_all" -> {
        if (argument instanceof PyExpr.Seq seq) {
          seq.items().forEach(i -> added(i, site));
        } else if (argument instanceof PyExpr.Comprehension comprehension) {
          added(comprehension.element(), site);
        }
      }
      case "merge" ->
          instance(argument, site)
              .ifPresent(
                  m ->
                      m.loadedColumns()
                          .forEach(
                              c ->
                                  access(
                                      site, c, AccessKind.WRITE, Confidence.LIKELY, true, false)));
      case "delete" ->
          instance(argument, site)
              .ifPresent(
                  m ->
                      access(
                          site,
                          m.table().column(ColumnRef.TABLE_LEVEL),
                          AccessKind.WRITE,
                          Confidence.CERTAIN,
                          false,
                          false));
      default -> {}
    }
  }

  /** An object handed to {@code session.add}: a new one inserts the columns it is given. */
  private void added(PyExpr argument, PySite site) {
    if (argument instanceof PyExpr.Call constructor) {
      constructed(constructor, site);
      return;
    }
    if (!(argument instanceof PyExpr.Name variable)) {
      return;
    }
    for (Binding binding : site.definitions(argument)) {
      if (binding.value() instanceof PyExpr.Call constructor
          && constructed(constructor, site).isPresent()) {
        ModelInfo model = constructed(constructor, site).get();
        // Attributes set on the new object before it is added are inserted too.
        for (PyStatement statement : site.unit().statements()) {
          if (statement.kind() != PyStatement.Kind.ASSIGN) {
            continue;
          }
          for (PyExpr target : statement.targets()) {
            if (target instanceof PyExpr.Attr attr
                && attr.object() instanceof PyExpr.Name owner
                && owner.id().equals(variable.id())) {
              model
                  .field(attr.name())
                  .filter(f -> f.column() != null)
                  .ifPresent(
                      f ->
                          access(
                              site,
                              f.columnRef(),
                              AccessKind.WRITE,
                              Confidence.CERTAIN,
                              false,
                              true));
            }
          }
        }
        return;
      }
    }
  }

  /**
   * {@code entry.update(**data)} on a loaded object, where the model's method sets attributes by
   * name at run time ({@code setattr(self, key, value)}, or {@code self.__init__(**kwargs)} again):
   * every column may be written on flush.
   */
  private void reinitialised(PyExpr.Call call, PySite site) {
    if (call.args().stream().noneMatch(a -> a.splat() == 2)
        || !(site.value(call.function()) instanceof PyValue.Function fn)
        || !(fn.receiver() instanceof PyValue.Instance)
        || !setsByName(fn.unit())) {
      return;
    }
    instance(call.receiver().get(), site)
        .ifPresent(
            m ->
                m.loadedColumns()
                    .forEach(
                        c -> access(site, c, AccessKind.WRITE, Confidence.LIKELY, true, false)));
  }

  /** Whether a method sets attributes of {@code self} by run-time name. */
  private static boolean setsByName(PyUnit method) {
    if (!method.bound()) {
      return false;
    }
    String self = method.params().get(0).name();
    boolean[] found = {false};
    for (PyStatement statement : method.statements()) {
      ExprWalk.calls(
          statement.value(),
          (call, chained) -> {
            String name = call.name().orElse("");
            boolean onSelf =
                call.receiver().orElse(null) instanceof PyExpr.Name n && n.id().equals(self);
            boolean setattr =
                call.function() instanceof PyExpr.Name f
                    && f.id().equals("setattr")
                    && call.positional(0)
                        .filter(a -> a instanceof PyExpr.Name n && n.id().equals(self))
                        .isPresent()
                    && !(call.positional(1).orElse(null) instanceof PyExpr.Str);
            found[0] |= setattr || (onSelf && name.equals("__init__") && call.splatted());
          });
    }
    return found[0];
  }

  /**
   * {@code User(email=…)}: inserts of the keyword columns, or of every column when a {@code **dict}
   * of unknown keys is passed; the model, if it is one.
   */
  private Optional<ModelInfo> constructed(PyExpr.Call constructor, PySite site) {
    if (!(site.value(constructor.function()) instanceof PyValue.ClassRef cls)) {
      return Optional.empty();
    }
    Optional<ModelInfo> model = sqlalchemy(site.project().models().model(cls));
    model.ifPresent(
        m -> {
          if (constructor.args().stream().anyMatch(a -> a.splat() == 2)) {
            m.ownColumns()
                .forEach(c -> access(site, c, AccessKind.WRITE, Confidence.LIKELY, true, true));
          }
          for (PyExpr.Arg argument : constructor.keywords()) {
            m.field(argument.keyword())
                .filter(f -> f.column() != null)
                .ifPresent(
                    f ->
                        access(
                            site,
                            f.columnRef(),
                            AccessKind.WRITE,
                            Confidence.CERTAIN,
                            false,
                            true));
          }
        });
    return model;
  }

  private static Optional<ModelInfo> instance(PyExpr expr, PySite site) {
    if (site.value(expr) instanceof PyValue.Instance instance) {
      return sqlalchemy(
          site.project().models().model(new PyValue.ClassRef(instance.module(), instance.cls())));
    }
    return Optional.empty();
  }

  private static Optional<ModelInfo> sqlalchemy(Optional<ModelInfo> model) {
    return model.filter(m -> m.via() == Via.SQLALCHEMY);
  }

  /** The model an expression names as a class ({@code User}), if it is a mapped one. */
  private static Optional<ModelInfo> mapped(PyExpr expr, PySite site) {
    if (!(expr instanceof PyExpr.Name) && !(expr instanceof PyExpr.Attr)) {
      return Optional.empty();
    }
    if (site.value(expr) instanceof PyValue.ClassRef cls) {
      return sqlalchemy(site.project().models().model(cls));
    }
    return Optional.empty();
  }

  /** The model of a column expression ({@code User.email}). */
  private static Optional<ModelInfo> owner(PyExpr expr, PySite site) {
    return expr instanceof PyExpr.Attr attr ? mapped(attr.object(), site) : Optional.empty();
  }

  /** The table expression of a Core column ({@code users} of {@code users.c.email}). */
  private static PyExpr coreOwner(PyExpr expr) {
    if (expr instanceof PyExpr.Attr attr
        && attr.object() instanceof PyExpr.Attr c
        && c.name().equals("c")) {
      return c.object();
    }
    return expr;
  }

  /** A column of the statement's table by attribute (ORM) or column (Core) name. */
  private static Optional<ColumnRef> field(Statement statement, String name, PySite site) {
    if (statement.model != null) {
      return statement.model.field(name).filter(f -> f.column() != null).map(ModelField::columnRef);
    }
    return Optional.of(statement.core.column(name, site.project().context().sql().identifiers()));
  }

  private void columns(PyExpr root, PySite site, AccessKind kind) {
    columns(root, site, c -> access(site, c, kind, Confidence.CERTAIN, false, false));
  }

  /** Every model column ({@code User.email}) and Core column ({@code users.c.email}) in root. */
  private static void columns(
      PyExpr root, PySite site, java.util.function.Consumer<ColumnRef> found) {
    if (root == null) {
      return;
    }
    Deque<PyExpr> work = new ArrayDeque<>();
    work.push(root);
    while (!work.isEmpty()) {
      PyExpr expr = work.pop();
      if (expr instanceof PyExpr.Attr attr) {
        Optional<ModelInfo> model = mapped(attr.object(), site);
        if (model.isPresent()) {
          model
              .get()
              .field(attr.name())
              .filter(f -> f.column() != null)
              .ifPresent(f -> found.accept(f.columnRef()));
          continue;
        }
        if (attr.object() instanceof PyExpr.Attr c && c.name().equals("c")) {
          Optional<CoreTable> core = CoreTable.of(c.object(), site);
          if (core.isPresent()) {
            found.accept(
                core.get().column(attr.name(), site.project().context().sql().identifiers()));
            continue;
          }
        }
      }
      for (PyExpr part : expr.parts()) {
        work.push(part);
      }
    }
  }

  private static void access(
      PySite site,
      ColumnRef column,
      AccessKind kind,
      Confidence confidence,
      boolean implicit,
      boolean inserts) {
    if (inserts) {
      site.insert(column, Via.SQLALCHEMY, confidence, implicit);
    } else {
      site.access(column, kind, Via.SQLALCHEMY, confidence, implicit);
    }
  }
}
