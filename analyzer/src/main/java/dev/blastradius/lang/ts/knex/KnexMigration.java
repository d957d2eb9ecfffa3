package dev.blastradius.lang.ts.knex;

import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.TsMigrationFiles;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Knex schema migration read as the SQL it makes: the {@code up} function's {@code
 * knex.schema.createTable/alterTable/table/dropTable/renameTable/raw} calls and {@code knex.raw},
 * with the table builder's column calls ({@code t.string('email').notNullable()}, {@code
 * t.dropColumn('a')}, {@code t.renameColumn('a', 'b')}, {@code t.integer('n').alter()}) turned into
 * {@code CREATE TABLE} and {@code ALTER TABLE} statements reported at the call's line. Anything
 * that changes the schema in a way we cannot read (a computed table name, an unknown builder call
 * on a column) is a not-replayed step, so it shows as a problem.
 */
public final class KnexMigration {

  /** Column types by builder method; {@code string} takes a length. */
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("increments", "integer"),
          Map.entry("bigIncrements", "bigint"),
          Map.entry("integer", "integer"),
          Map.entry("tinyint", "smallint"),
          Map.entry("smallint", "smallint"),
          Map.entry("mediumint", "integer"),
          Map.entry("bigInteger", "bigint"),
          Map.entry("bigint", "bigint"),
          Map.entry("text", "text"),
          Map.entry("string", "varchar"),
          Map.entry("float", "real"),
          Map.entry("double", "double precision"),
          Map.entry("decimal", "numeric"),
          Map.entry("boolean", "boolean"),
          Map.entry("date", "date"),
          Map.entry("datetime", "timestamp"),
          Map.entry("timestamp", "timestamp"),
          Map.entry("time", "time"),
          Map.entry("binary", "bytea"),
          Map.entry("enu", "text"),
          Map.entry("enum", "text"),
          Map.entry("json", "json"),
          Map.entry("jsonb", "jsonb"),
          Map.entry("uuid", "uuid"),
          Map.entry("specificType", ""));

  /** Table builder calls that do not change columns (indexes, keys, comments, engine). */
  private static final Set<String> NOT_COLUMNS =
      Set.of(
          "index",
          "dropIndex",
          "unique",
          "dropUnique",
          "primary",
          "dropPrimary",
          "foreign",
          "dropForeign",
          "comment",
          "engine",
          "charset",
          "collate",
          "inherits",
          "check",
          "dropChecks",
          "setNullable",
          "dropNullable");

  private KnexMigration() {}

  /** The steps of a Knex migration file's {@code up}. */
  public static List<MigrationStep> read(String path, String text) {
    return TsMigrationFiles.read(
        path,
        text,
        "Knex migration",
        "up function",
        (source, up, steps) -> new Reader(source, steps).walk(up));
  }

  /** Walks {@code up} in source order, turning schema calls into steps. */
  private static final class Reader {
    private final TsSource source;
    private final List<MigrationStep> steps;

    Reader(TsSource source, List<MigrationStep> steps) {
      this.source = source;
      this.steps = steps;
    }

    void walk(TsNode node) {
      if (TsSource.type(node).equals("call_expression") && chain(node)) {
        return;
      }
      for (TsNode child : TsSource.named(node)) {
        walk(child);
      }
    }

    /** Reads a schema chain; true when it was one (its insides need no further walk). */
    private boolean chain(TsNode node) {
      CallChain chain = CallChain.of(node, source);
      List<String> names = chain.names();
      int schema = names.indexOf("schema");
      if (schema < 0) {
        CallChain.Link last = chain.last();
        if (last != null && "raw".equals(last.name()) && chain.links().size() == 1) {
          raw(last);
          return true;
        }
        return false;
      }
      for (CallChain.Link link : chain.links().subList(schema + 1, chain.links().size())) {
        schemaCall(link);
      }
      return true;
    }

    private void raw(CallChain.Link link) {
      Optional<String> sql = constant(link.first());
      if (sql.isPresent()) {
        sql(sql.get(), link.node());
      } else {
        notReplayed(link.node(), "knex.raw with SQL that is not a constant string");
      }
    }

    private void schemaCall(CallChain.Link link) {
      String name = link.name() == null ? "" : link.name();
      if (!link.isCall() || Set.of("withSchema", "then", "catch").contains(name)) {
        return;
      }
      switch (name) {
        case "createTable", "createTableIfNotExists", "alterTable", "table" -> table(link, name);
        case "dropTable" -> table(link).ifPresent(t -> sql("DROP TABLE " + t, link.node()));
        case "dropTableIfExists" ->
            table(link).ifPresent(t -> sql("DROP TABLE IF EXISTS " + t, link.node()));
        case "renameTable" -> {
          Optional<String> from = constant(link.first());
          Optional<String> to = constant(link.argument(1));
          if (from.isPresent() && to.isPresent()) {
            sql("ALTER TABLE " + from.get() + " RENAME TO " + to.get(), link.node());
          } else {
            notReplayed(link.node(), "renameTable with a computed name");
          }
        }
        case "raw" -> raw(link);
        case "hasTable", "hasColumn", "createSchema", "createSchemaIfNotExists" -> {}
        default -> notReplayed(link.node(), "knex.schema." + name + " is not replayed");
      }
    }

    private Optional<String> table(CallChain.Link link) {
      Optional<String> table = constant(link.first());
      if (table.isEmpty()) {
        notReplayed(link.node(), "knex.schema." + link.name() + " with a computed table name");
      }
      return table;
    }

    private void table(CallChain.Link link, String how) {
      Optional<String> table = table(link);
      TsNode callback = TsSource.unwrap(link.argument(1));
      if (table.isEmpty()) {
        return;
      }
      boolean create = how.startsWith("createTable");
      List<String> columns = new ArrayList<>();
      if (callback != null
          && TsSource.type(callback).matches("arrow_function|function_expression|function")) {
        String builder = parameter(callback);
        TsNode body = TsSource.field(callback, "body");
        if (builder != null && body != null) {
          builderCalls(body, builder, table.get(), create, columns);
        }
      }
      if (create) {
        sql(
            "CREATE TABLE "
                + (how.endsWith("IfNotExists") ? "IF NOT EXISTS " : "")
                + table.get()
                + " ("
                + String.join(", ", columns)
                + ")",
            link.node());
      }
    }

    private String parameter(TsNode function) {
      TsNode parameters = TsSource.field(function, "parameters");
      TsNode single = TsSource.field(function, "parameter");
      if (single != null) {
        return source.text(single);
      }
      if (parameters == null || TsSource.named(parameters).isEmpty()) {
        return null;
      }
      TsNode first = TsSource.named(parameters).get(0);
      TsNode pattern = TsSource.field(first, "pattern");
      return source.text(pattern != null ? pattern : first);
    }

    /** Every {@code t.…} chain in the callback body, in order. */
    private void builderCalls(
        TsNode node, String builder, String table, boolean create, List<String> columns) {
      if (TsSource.type(node).equals("call_expression")) {
        CallChain chain = CallChain.of(node, source);
        if (chain.rootText().equals(builder) && !chain.links().isEmpty()) {
          column(chain, table, create, columns);
          return;
        }
      }
      for (TsNode child : TsSource.named(node)) {
        builderCalls(child, builder, table, create, columns);
      }
    }

    private void column(CallChain chain, String table, boolean create, List<String> columns) {
      CallChain.Link first = chain.links().get(0);
      String method = first.name() == null ? "" : first.name();
      TsNode at = chain.last().node();
      switch (method) {
        case "dropColumn", "dropColumns" -> {
          for (TsNode argument : first.arguments()) {
            constant(argument)
                .ifPresentOrElse(
                    c -> sql("ALTER TABLE " + table + " DROP COLUMN " + c, at),
                    () -> notReplayed(at, "dropColumn with a computed name"));
          }
          return;
        }
        case "renameColumn" -> {
          Optional<String> from = constant(first.first());
          Optional<String> to = constant(first.argument(1));
          if (from.isPresent() && to.isPresent()) {
            sql("ALTER TABLE " + table + " RENAME COLUMN " + from.get() + " TO " + to.get(), at);
          } else {
            notReplayed(at, "renameColumn with a computed name");
          }
          return;
        }
        case "timestamps", "dropTimestamps" -> {
          boolean drop = method.startsWith("drop");
          for (String c : List.of("created_at", "updated_at")) {
            if (drop) {
              sql("ALTER TABLE " + table + " DROP COLUMN " + c, at);
            } else if (create) {
              columns.add(c + " timestamp");
            } else {
              sql("ALTER TABLE " + table + " ADD COLUMN " + c + " timestamp", at);
            }
          }
          return;
        }
        default -> {}
      }
      if (NOT_COLUMNS.contains(method)) {
        return;
      }
      if (!TYPES.containsKey(method)) {
        notReplayed(at, "table builder call " + method + " is not replayed");
        return;
      }
      Optional<String> name = constant(first.first());
      if (name.isEmpty()) {
        notReplayed(at, method + " with a computed column name");
        return;
      }
      String type = type(method, first);
      boolean alter = chain.names().contains("alter");
      boolean notNull = chain.names().contains("notNullable");
      boolean primary = method.endsWith("ncrements") || chain.names().contains("primary");
      String defaultValue = null;
      int index = chain.indexOf("defaultTo");
      if (index >= 0) {
        TsNode value = chain.links().get(index).first();
        defaultValue =
            value == null
                ? null
                : constant(value)
                    .map(v -> "'" + v.replace("'", "''") + "'")
                    .orElse(
                        TsSource.type(value).matches("number|true|false|null")
                            ? source.text(value)
                            : null);
      }
      if (alter) {
        sql(
            "ALTER TABLE "
                + table
                + " ALTER COLUMN "
                + name.get()
                + " TYPE "
                + type
                + ", ALTER COLUMN "
                + name.get()
                + (notNull ? " SET NOT NULL" : " DROP NOT NULL"),
            at);
        return;
      }
      String definition =
          name.get()
              + " "
              + type
              + (notNull ? " NOT NULL" : "")
              + (defaultValue != null ? " DEFAULT " + defaultValue : "")
              + (primary ? " PRIMARY KEY" : "");
      if (create) {
        columns.add(definition);
      } else {
        sql("ALTER TABLE " + table + " ADD COLUMN " + definition, at);
      }
    }

    private String type(String method, CallChain.Link link) {
      if (method.equals("specificType")) {
        return constant(link.argument(1)).orElse("text");
      }
      String type = TYPES.get(method);
      if (method.equals("string")) {
        TsNode length = link.argument(1);
        return "varchar("
            + (length != null && TsSource.type(length).equals("number")
                ? source.text(length)
                : "255")
            + ")";
      }
      return type;
    }

    private Optional<String> constant(TsNode node) {
      TsNode value = TsSource.unwrap(node);
      if (value == null) {
        return Optional.empty();
      }
      if (TsSource.type(value).equals("template_string")
          && TsSource.named(value).stream()
              .noneMatch(c -> c.getType().equals("template_substitution"))) {
        String text = source.text(value);
        return Optional.of(text.substring(1, text.length() - 1));
      }
      return source.stringValue(value);
    }

    private void sql(String sql, TsNode at) {
      steps.add(new MigrationStep.Sql(sql + ";", null, source.line(at), false));
    }

    private void notReplayed(TsNode at, String cause) {
      steps.add(new MigrationStep.NotReplayed(source.line(at), cause));
    }
  }
}
