package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AlterColumnDefault;
import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The operations of an Alembic {@code upgrade()} as migration steps: {@code op.add_column}, {@code
 * drop_column}, {@code alter_column} (nullability, server default, type, then a rename, in
 * Alembic's order), {@code create_table}, {@code drop_table}, {@code rename_table}, {@code
 * create_index}/{@code drop_index}, constraints (as the SQL Alembic emits) and {@code
 * op.execute("SQL")}, also on the {@code batch_op} of {@code with op.batch_alter_table("t")}. An
 * operation we do not know, or SQL built at run time, is a step that is not replayed.
 */
final class AlembicOperations {

  private final Identifiers ids;
  private final List<MigrationStep> steps = new ArrayList<>();

  /** Batch operation variables ({@code batch_op}) and the table they alter. */
  private final Map<String, String> batches = new HashMap<>();

  private AlembicOperations(Identifiers ids) {
    this.ids = ids;
  }

  /** The steps of an {@code upgrade()} function. */
  static List<MigrationStep> read(PyUnit upgrade, Identifiers ids) {
    AlembicOperations operations = new AlembicOperations(ids);
    for (PyStatement statement : upgrade.statements()) {
      operations.statement(statement);
    }
    return List.copyOf(operations.steps);
  }

  private void statement(PyStatement statement) {
    if (!(statement.value() instanceof PyExpr.Call call)
        || !(call.function() instanceof PyExpr.Attr attr)
        || !(attr.object() instanceof PyExpr.Name receiver)) {
      return;
    }
    if (statement.kind() == PyStatement.Kind.WITH && attr.name().equals("batch_alter_table")) {
      Optional<String> table = call.argument(0, "table_name").flatMap(PyExpr::string);
      if (table.isPresent()
          && !statement.targets().isEmpty()
          && statement.targets().get(0) instanceof PyExpr.Name batch) {
        batches.put(batch.id(), table.get());
      }
      return;
    }
    String batchTable = batches.get(receiver.id());
    if (batchTable == null && !receiver.id().equals("op")) {
      return;
    }
    operation(attr.name(), call, batchTable, statement);
  }

  /** One operation; on a batch the table argument is left out. */
  private void operation(String name, PyExpr.Call call, String batch, PyStatement statement) {
    // Arguments after the table: shifted by one outside a batch.
    int shift = batch == null ? 1 : 0;
    Optional<String> table =
        batch != null ? Optional.of(batch) : call.argument(0, "table_name").flatMap(PyExpr::string);
    switch (name) {
      case "add_column" -> {
        Optional<SqlAlchemyColumns.Declared> column =
            call.argument(shift, "column")
                .filter(PyExpr.Call.class::isInstance)
                .flatMap(c -> SqlAlchemyColumns.column((PyExpr.Call) c, null));
        if (table.isEmpty() || column.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        change(new AddColumn(table(table.get()), definition(column.get())), statement);
      }
      case "drop_column" -> {
        Optional<String> column = call.argument(shift, "column_name").flatMap(PyExpr::string);
        if (table.isEmpty() || column.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        change(new DropColumn(table(table.get()), column(column.get())), statement);
      }
      case "alter_column" -> alter(call, table, shift, statement);
      case "create_table" -> {
        Optional<String> created = call.argument(0, "table_name").flatMap(PyExpr::string);
        if (created.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        List<Catalog.Column> columns = new ArrayList<>();
        for (PyExpr argument : call.positional()) {
          if (argument instanceof PyExpr.Call column
              && SqlAlchemyColumns.simpleName(column).equals("Column")) {
            SqlAlchemyColumns.column(column, null).map(this::definition).ifPresent(columns::add);
          }
        }
        change(new CreateTable(table(created.get()), columns), statement);
      }
      case "drop_table" -> {
        if (table.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        change(new DropTable(table(table.get())), statement);
      }
      case "rename_table" -> {
        Optional<String> to = call.argument(1, "new_table_name").flatMap(PyExpr::string);
        if (table.isEmpty() || to.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        change(new RenameTable(table(table.get()), table(to.get())), statement);
      }
      case "create_index" -> {
        Optional<String> index = call.argument(0, "index_name").flatMap(AlembicOperations::name);
        Optional<String> on =
            batch != null
                ? Optional.of(batch)
                : call.argument(1, "table_name").flatMap(PyExpr::string);
        List<String> columns =
            call.argument(1 + shift, "columns").map(PyExpr::strings).orElse(List.of());
        if (index.isEmpty() || on.isEmpty() || columns.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        change(
            new CreateIndex(
                table(on.get()),
                index.get(),
                columns.stream().map(this::column).toList(),
                SqlAlchemyColumns.flag(call, "unique"),
                SqlAlchemyColumns.flag(call, "postgresql_concurrently"),
                SqlAlchemyColumns.flag(call, "if_not_exists"),
                null),
            statement);
      }
      case "drop_index" -> {
        Optional<String> index = call.argument(0, "index_name").flatMap(AlembicOperations::name);
        if (index.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        String concurrently =
            SqlAlchemyColumns.flag(call, "postgresql_concurrently") ? "CONCURRENTLY " : "";
        sql("DROP INDEX " + concurrently + quoted(index.get()), statement);
      }
      case "create_unique_constraint" ->
          constraint(call, batch, statement, name, c -> "UNIQUE (" + list(c, 1 + shift) + ")");
      case "create_check_constraint" ->
          constraint(
              call,
              batch,
              statement,
              name,
              c ->
                  c.argument(1 + shift, "condition")
                      .flatMap(PyExpr::string)
                      .map(s -> "CHECK (" + s + ")")
                      .orElse(null));
      case "create_foreign_key" ->
          constraint(
              call,
              batch,
              statement,
              name,
              c ->
                  c.argument(1 + shift, "referent_table")
                      .flatMap(PyExpr::string)
                      .map(
                          r ->
                              "FOREIGN KEY ("
                                  + list(c, 2 + shift)
                                  + ") REFERENCES "
                                  + quoted(r)
                                  + " ("
                                  + list(c, 3 + shift)
                                  + ")")
                      .orElse(null));
      case "drop_constraint" -> {
        Optional<String> constraint =
            call.argument(0, "constraint_name").flatMap(AlembicOperations::name);
        Optional<String> on =
            batch != null
                ? Optional.of(batch)
                : call.argument(1, "table_name").flatMap(PyExpr::string);
        if (constraint.isEmpty() || on.isEmpty()) {
          notReplayed(statement, name);
          return;
        }
        sql(
            "ALTER TABLE " + quoted(on.get()) + " DROP CONSTRAINT " + quoted(constraint.get()),
            statement);
      }
      case "execute" -> {
        PyExpr sql = call.argument(0, "sqltext").orElse(null);
        if (sql instanceof PyExpr.Call text && SqlAlchemyColumns.simpleName(text).equals("text")) {
          sql = text.positional(0).orElse(null);
        }
        if (sql instanceof PyExpr.Str str) {
          sql(str.value(), statement);
        } else {
          steps.add(
              new MigrationStep.NotReplayed(
                  statement.line(),
                  "op.execute at line "
                      + statement.line()
                      + " runs SQL built at run time; it is not replayed"));
        }
      }
      default -> notReplayed(statement, name);
    }
  }

  /** {@code alter_column}: nullability, server default and type, then the rename. */
  private void alter(PyExpr.Call call, Optional<String> table, int shift, PyStatement statement) {
    Optional<String> column = call.argument(shift, "column_name").flatMap(PyExpr::string);
    if (table.isEmpty() || column.isEmpty()) {
      notReplayed(statement, "alter_column");
      return;
    }
    TableRef ref = table(table.get());
    String name = column(column.get());
    boolean changed = false;
    Optional<PyExpr> nullable = call.keyword("nullable");
    if (nullable.isPresent() && nullable.get() instanceof PyExpr.Literal literal) {
      change(new AlterColumnNullability(ref, name, literal.text().equals("False")), statement);
      changed = true;
    }
    Optional<PyExpr> serverDefault = call.keyword("server_default");
    if (serverDefault.isPresent()) {
      String expression = SqlAlchemyColumns.sql(serverDefault.get());
      boolean dropped = serverDefault.get() instanceof PyExpr.Literal l && l.text().equals("None");
      change(new AlterColumnDefault(ref, name, dropped ? null : expression), statement);
      changed = true;
    }
    Optional<String> type = call.keyword("type_").map(SqlAlchemyColumns::type);
    if (type.isPresent()) {
      change(new AlterColumnType(ref, name, type.get(), null), statement);
      changed = true;
    }
    Optional<String> renamed = call.keyword("new_column_name").flatMap(PyExpr::string);
    if (renamed.isPresent()) {
      change(new RenameColumn(ref, name, column(renamed.get())), statement);
      changed = true;
    }
    if (!changed) {
      notReplayed(statement, "alter_column");
    }
  }

  /** A named constraint added as {@code ALTER TABLE t ADD CONSTRAINT name <body>}. */
  private void constraint(
      PyExpr.Call call,
      String batch,
      PyStatement statement,
      String operation,
      java.util.function.Function<PyExpr.Call, String> body) {
    Optional<String> name = call.argument(0, "constraint_name").flatMap(AlembicOperations::name);
    Optional<String> on =
        batch != null
            ? Optional.of(batch)
            : call.argument(1, "table_name")
                .or(() -> call.keyword("source_table"))
                .flatMap(PyExpr::string);
    String text = body.apply(call);
    if (name.isEmpty() || on.isEmpty() || text == null || text.contains("()")) {
      notReplayed(statement, operation);
      return;
    }
    sql(
        "ALTER TABLE " + quoted(on.get()) + " ADD CONSTRAINT " + quoted(name.get()) + " " + text,
        statement);
  }

  /** The column names of a list argument, quoted and comma-separated. */
  private static String list(PyExpr.Call call, int index) {
    return call.positional(index).map(PyExpr::strings).orElse(List.of()).stream()
        .map(AlembicOperations::quoted)
        .collect(Collectors.joining(", "));
  }

  private Catalog.Column definition(SqlAlchemyColumns.Declared column) {
    return new Catalog.Column(
        column(column.column()),
        column.type() == null ? "unknown" : column.type(),
        !column.nullable(),
        column.serverDefault());
  }

  private void change(SchemaChange change, PyStatement statement) {
    steps.add(new MigrationStep.Change(change, statement.line(), statement.snippet()));
  }

  private void sql(String text, PyStatement statement) {
    steps.add(new MigrationStep.Sql(text, null, statement.line(), false));
  }

  private void notReplayed(PyStatement statement, String operation) {
    steps.add(
        new MigrationStep.NotReplayed(
            statement.line(),
            "Alembic operation "
                + operation
                + " at line "
                + statement.line()
                + " is not replayed; its schema effects are missing"));
  }

  /** A name as Alembic sends it: quoted when it is not all lower case. */
  /**
   * A constraint or index name: a string, or {@code op.f("ix_…")} / {@code batch_op.f("…")}, which
   * marks a name as already converted by the naming convention.
   */
  private static Optional<String> name(PyExpr expr) {
    if (expr instanceof PyExpr.Call call
        && call.function() instanceof PyExpr.Attr attr
        && attr.name().equals("f")
        && call.positional().size() == 1) {
      return PyExpr.string(call.positional().get(0));
    }
    return PyExpr.string(expr);
  }

  private static String quoted(String name) {
    return name.equals(name.toLowerCase(Locale.ROOT)) ? name : "\"" + name + "\"";
  }

  private TableRef table(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("\\.")) {
      parts.add(quoted(part));
    }
    return ids.table(parts);
  }

  private String column(String name) {
    return ids.normalize(quoted(name));
  }
}
