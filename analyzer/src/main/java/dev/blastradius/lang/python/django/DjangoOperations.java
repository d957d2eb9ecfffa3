package dev.blastradius.lang.python.django;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays Django migration operations onto the model state and turns them into schema changes:
 * {@code CreateModel}, {@code DeleteModel}, {@code RenameModel}, {@code AlterModelTable}, {@code
 * AddField}, {@code RemoveField}, {@code RenameField} (a column rename unless {@code db_column}
 * pins the column), {@code AlterField} (column, type and nullability changes), {@code RunSQL} (SQL
 * for the SQL frontend), {@code SeparateDatabaseAndState}. {@code RunPython} runs code, read by the
 * Python frontend; index, constraint and option operations do not change columns. Anything else is
 * not replayed, and says so.
 */
final class DjangoOperations {

  /** Operations that change neither tables nor columns. */
  private static final Set<String> NO_COLUMNS =
      Set.of(
          "RunPython",
          "RenameIndex",
          "RemoveConstraint",
          "AlterUniqueTogether",
          "AlterIndexTogether",
          "AlterModelOptions",
          "AlterModelManagers",
          "AlterModelTableComment",
          "CreateExtension",
          "HStoreExtension",
          "TrigramExtension",
          "UnaccentExtension",
          "CITextExtension",
          "BtreeGinExtension",
          "BtreeGistExtension",
          "CryptoExtension",
          "CreateCollation",
          "RemoveCollation",
          "ValidateConstraint");

  private final String app;
  private final Identifiers ids;
  private final PyModule module;
  private final List<MigrationStep> steps;

  /**
   * @param steps where the schema changes go, or null to only advance the state
   */
  DjangoOperations(String app, Identifiers ids, PyModule module, List<MigrationStep> steps) {
    this.app = app;
    this.ids = ids;
    this.module = module;
    this.steps = steps;
  }

  void apply(PyExpr.Call op, DjangoState state) {
    String name = DjangoFieldTypes.fieldClass(op);
    switch (name) {
      case "CreateModel" -> createModel(op, state);
      case "DeleteModel" ->
          model(op, "name", state)
              .ifPresent(
                  m -> {
                    if (!m.proxy) {
                      change(new DropTable(table(m.table)), op);
                    }
                    state.remove(app, m.name);
                  });
      case "RenameModel" -> renameModel(op, state);
      case "AlterModelTable" ->
          model(op, "name", state)
              .ifPresent(
                  m -> {
                    String next =
                        op.argument(1, "table")
                            .flatMap(PyExpr::string)
                            .orElse(DjangoState.defaultTable(app, m.name));
                    change(new RenameTable(table(m.table), table(next)), op);
                    m.table = next;
                    m.explicitTable = op.argument(1, "table").flatMap(PyExpr::string).isPresent();
                  });
      case "AddField" -> addField(op, state);
      case "RemoveField" -> removeField(op, state);
      case "RenameField" -> renameField(op, state);
      case "AlterField" -> alterField(op, state);
      case "AlterOrderWithRespectTo" ->
          model(op, "name", state)
              .ifPresent(
                  m -> {
                    if (!m.fields.containsKey("_order")) {
                      m.fields.put(
                          "_order",
                          new DjangoState.Field("_order", "_order", "integer", false, false));
                      change(
                          new AddColumn(
                              table(m.table),
                              new Catalog.Column(column("_order"), "integer", true, null)),
                          op);
                    }
                  });
      case "AddIndex",
          "AddIndexConcurrently",
          "RemoveIndex",
          "RemoveIndexConcurrently",
          "AddConstraint",
          "AddConstraintNotValid" ->
          indexOrConstraint(name, op, state);
      case "RunSQL" -> runSql(op, state);
      case "SeparateDatabaseAndState" -> {
        DjangoState scratch = state.copy();
        for (PyExpr.Call database : calls(op.keyword("database_operations"))) {
          apply(database, scratch);
        }
        DjangoOperations stateOnly = new DjangoOperations(app, ids, module, null);
        for (PyExpr.Call stateOperation : calls(op.keyword("state_operations"))) {
          stateOnly.apply(stateOperation, state);
        }
      }
      default -> {
        if (!NO_COLUMNS.contains(name) && steps != null) {
          steps.add(
              new MigrationStep.NotReplayed(
                  op.line(),
                  "Django operation "
                      + (name.isEmpty() ? "?" : name)
                      + " at line "
                      + op.line()
                      + " is not replayed; its schema effects are missing"));
        }
      }
    }
  }

  private void createModel(PyExpr.Call op, DjangoState state) {
    String name = op.argument(0, "name").flatMap(PyExpr::string).orElse(null);
    if (name == null) {
      return;
    }
    PyExpr.Dict options =
        op.keyword("options")
            .filter(PyExpr.Dict.class::isInstance)
            .map(PyExpr.Dict.class::cast)
            .orElse(null);
    Optional<String> dbTable =
        options == null ? Optional.empty() : options.get("db_table").flatMap(PyExpr::string);
    boolean proxy =
        options != null
            && options
                .get("proxy")
                .filter(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
                .isPresent();
    DjangoState.Model model =
        new DjangoState.Model(
            app, name, dbTable.orElse(DjangoState.defaultTable(app, name)), dbTable.isPresent());
    model.proxy = proxy;
    if (proxy) {
      bases(op, state).ifPresent(parent -> model.table = parent.table);
    }
    Optional<PyExpr> fields = op.argument(1, "fields");
    if (fields.isPresent() && fields.get() instanceof PyExpr.Seq seq) {
      for (PyExpr item : seq.items()) {
        if (item instanceof PyExpr.Seq pair
            && pair.items().size() == 2
            && pair.items().get(1) instanceof PyExpr.Call field) {
          PyExpr.string(pair.items().get(0)).ifPresent(n -> model.fields.put(n, field(n, field)));
        }
      }
    }
    state.put(model);
    if (!proxy) {
      List<Catalog.Column> columns = new ArrayList<>();
      for (DjangoState.Field field : model.fields.values()) {
        if (field.column() != null) {
          columns.add(definition(field));
        }
      }
      change(new CreateTable(table(model.table), columns), op);
    }
  }

  /** The concrete model a proxy's {@code bases=("app.model",)} names. */
  private Optional<DjangoState.Model> bases(PyExpr.Call op, DjangoState state) {
    return op.keyword("bases").stream()
        .flatMap(b -> PyExpr.strings(b).stream())
        .map(reference -> state.reference(app, reference))
        .filter(m -> m != null)
        .findFirst();
  }

  private void renameModel(PyExpr.Call op, DjangoState state) {
    Optional<DjangoState.Model> model = model(op, "old_name", state);
    String newName = op.argument(1, "new_name").flatMap(PyExpr::string).orElse(null);
    if (model.isEmpty() || newName == null) {
      return;
    }
    DjangoState.Model m = model.get();
    state.remove(app, m.name);
    m.name = newName;
    if (!m.explicitTable && !m.proxy) {
      String next = DjangoState.defaultTable(app, newName);
      change(new RenameTable(table(m.table), table(next)), op);
      m.table = next;
    }
    state.put(m);
  }

  private void addField(PyExpr.Call op, DjangoState state) {
    DjangoState.Model model = modelOrDefault(op, state);
    String name = op.argument(1, "name").flatMap(PyExpr::string).orElse(null);
    Optional<PyExpr> call = op.argument(2, "field");
    if (model == null || name == null || call.isEmpty() || !(call.get() instanceof PyExpr.Call f)) {
      return;
    }
    DjangoState.Field field = field(name, f);
    model.fields.put(name, field);
    if (field.column() != null && !model.proxy) {
      change(new AddColumn(table(model.table), definition(field)), op);
    }
  }

  private void removeField(PyExpr.Call op, DjangoState state) {
    DjangoState.Model model = modelOrDefault(op, state);
    String name = op.argument(1, "name").flatMap(PyExpr::string).orElse(null);
    if (model == null || name == null) {
      return;
    }
    DjangoState.Field field = model.fields.remove(name);
    String column = field == null ? name : field.column();
    if (column != null && !model.proxy) {
      change(new DropColumn(table(model.table), column(column)), op);
    }
  }

  private void renameField(PyExpr.Call op, DjangoState state) {
    DjangoState.Model model = modelOrDefault(op, state);
    String from = op.argument(1, "old_name").flatMap(PyExpr::string).orElse(null);
    String to = op.argument(2, "new_name").flatMap(PyExpr::string).orElse(null);
    if (model == null || from == null || to == null) {
      return;
    }
    DjangoState.Field field = model.fields.remove(from);
    if (field == null) {
      field = new DjangoState.Field(from, from, "", true, false);
    }
    DjangoState.Field renamed = field.withName(to);
    if (field.column() != null && !field.explicitColumn()) {
      String newColumn = field.column().equals(from + "_id") ? to + "_id" : to;
      renamed = renamed.withColumn(newColumn);
      if (!model.proxy) {
        change(new RenameColumn(table(model.table), column(field.column()), column(newColumn)), op);
      }
    }
    model.fields.put(to, renamed);
  }

  private void alterField(PyExpr.Call op, DjangoState state) {
    DjangoState.Model model = modelOrDefault(op, state);
    String name = op.argument(1, "name").flatMap(PyExpr::string).orElse(null);
    Optional<PyExpr> call = op.argument(2, "field");
    if (model == null || name == null || call.isEmpty() || !(call.get() instanceof PyExpr.Call f)) {
      return;
    }
    DjangoState.Field next = field(name, f);
    DjangoState.Field previous = model.fields.put(name, next);
    if (previous == null || model.proxy || next.column() == null || previous.column() == null) {
      return;
    }
    TableRef table = table(model.table);
    if (!previous.column().equals(next.column())) {
      change(new RenameColumn(table, column(previous.column()), column(next.column())), op);
    }
    if (!next.type().isEmpty() && !next.type().equals(previous.type())) {
      change(new AlterColumnType(table, column(next.column()), next.type(), null), op);
    }
    if (next.nullable() != previous.nullable()) {
      change(new AlterColumnNullability(table, column(next.column()), !next.nullable()), op);
    }
    if (next.indexed() != previous.indexed()) {
      // db_index=True added or removed: Django creates or drops the index it names itself.
      String index = DjangoIndexes.autoIndexName(model.table, next.column());
      String indexed = column(next.column());
      change(
          next.indexed()
              ? new CreateIndex(table, index, List.of(indexed), false, false, false, null)
              : new DropIndex(table, index, false, false, List.of(indexed)),
          op);
    }
  }

  /** An index or constraint operation on the fields of a model ({@link DjangoIndexes}). */
  private void indexOrConstraint(String name, PyExpr.Call op, DjangoState state) {
    DjangoState.Model model = modelOrDefault(op, state);
    if (model == null || model.proxy) {
      return;
    }
    DjangoIndexes.change(
            name,
            op,
            table(model.table),
            fieldName -> {
              DjangoState.Field field = model.fields.get(fieldName);
              return field == null || field.column() == null ? null : column(field.column());
            })
        .ifPresent(c -> change(c, op));
  }

  private void runSql(PyExpr.Call op, DjangoState state) {
    for (PyExpr.Call stateOperation : calls(op.keyword("state_operations"))) {
      new DjangoOperations(app, ids, module, null).apply(stateOperation, state);
    }
    if (steps == null) {
      return;
    }
    Optional<PyExpr> sql = op.argument(0, "sql");
    List<String> statements = new ArrayList<>();
    sql.ifPresent(s -> collectSql(s, statements));
    if (sql.isPresent() && statements.isEmpty()) {
      steps.add(
          new MigrationStep.NotReplayed(
              op.line(),
              "RunSQL at line " + op.line() + " is built at run time; it is not replayed"));
    }
    for (String text : statements) {
      steps.add(new MigrationStep.Sql(text, null, op.line(), false));
    }
  }

  /** SQL given as a string, a constant, a list of strings or of {@code (sql, params)} pairs. */
  private void collectSql(PyExpr sql, List<String> out) {
    if (sql instanceof PyExpr.Str str) {
      out.add(str.value());
    } else if (sql instanceof PyExpr.Name name) {
      module.variable(name.id()).ifPresent(v -> collectSql(v, out));
    } else if (sql instanceof PyExpr.Seq seq) {
      for (PyExpr item : seq.items()) {
        if (item instanceof PyExpr.Seq pair && !pair.items().isEmpty()) {
          collectSql(pair.items().get(0), out);
        } else {
          collectSql(item, out);
        }
      }
    }
  }

  private static List<PyExpr.Call> calls(Optional<PyExpr> list) {
    if (list.isEmpty() || !(list.get() instanceof PyExpr.Seq seq)) {
      return List.of();
    }
    return seq.items().stream()
        .filter(PyExpr.Call.class::isInstance)
        .map(PyExpr.Call.class::cast)
        .toList();
  }

  private Optional<DjangoState.Model> model(PyExpr.Call op, String keyword, DjangoState state) {
    return op.argument(0, keyword).flatMap(PyExpr::string).map(n -> state.model(app, n));
  }

  /** The model an operation names; one we never saw created gets Django's default table. */
  private DjangoState.Model modelOrDefault(PyExpr.Call op, DjangoState state) {
    String name = op.argument(0, "model_name").flatMap(PyExpr::string).orElse(null);
    if (name == null) {
      return null;
    }
    DjangoState.Model model = state.model(app, name);
    if (model == null) {
      model = new DjangoState.Model(app, name, DjangoState.defaultTable(app, name), false);
      state.put(model);
    }
    return model;
  }

  private static DjangoState.Field field(String name, PyExpr.Call field) {
    String cls = DjangoFieldTypes.fieldClass(field);
    Optional<String> dbColumn = field.keyword("db_column").flatMap(PyExpr::string);
    String column;
    if (DjangoFields.RELATIONS.contains(cls)) {
      column = null;
    } else if (DjangoFields.FOREIGN_KEYS.contains(cls)) {
      column = dbColumn.orElse(name + "_id");
    } else {
      column = dbColumn.orElse(name);
    }
    return new DjangoState.Field(
        name,
        column,
        DjangoFieldTypes.type(field),
        DjangoFieldTypes.nullable(field),
        dbColumn.isPresent(),
        indexed(cls, field));
  }

  /** Whether Django gives the field an index of its own: {@code db_index=True}, foreign keys. */
  private static boolean indexed(String cls, PyExpr.Call field) {
    Optional<String> flag =
        field
            .keyword("db_index")
            .filter(PyExpr.Literal.class::isInstance)
            .map(v -> ((PyExpr.Literal) v).text());
    if (flag.isPresent()) {
      return flag.get().equals("True");
    }
    return DjangoFields.FOREIGN_KEYS.contains(cls);
  }

  private Catalog.Column definition(DjangoState.Field field) {
    return new Catalog.Column(column(field.column()), field.type(), !field.nullable(), null);
  }

  private void change(SchemaChange change, PyExpr.Call op) {
    if (steps != null) {
      steps.add(new MigrationStep.Change(change, op.line(), describe(op)));
    }
  }

  /**
   * {@code migrations.AddField(model_name="order", name="note")}: the operation's string arguments.
   */
  private static String describe(PyExpr.Call op) {
    String arguments =
        op.args().stream()
            .filter(a -> a.value() instanceof PyExpr.Str)
            .map(
                a ->
                    (a.keyword() == null ? "" : a.keyword() + "=")
                        + "\""
                        + ((PyExpr.Str) a.value()).value()
                        + "\"")
            .collect(Collectors.joining(", "));
    return PyExpr.dotted(op.function()).orElse("migration") + "(" + arguments + ")";
  }

  private String quoted(String name) {
    return ids.dialect() == SqlDialect.MYSQL ? "`" + name + "`" : "\"" + name + "\"";
  }

  private TableRef table(String name) {
    return ids.table(List.of(quoted(name)));
  }

  private String column(String name) {
    return ids.normalize(quoted(name));
  }
}
