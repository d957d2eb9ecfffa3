package dev.blastradius.lang.migrations;

import dev.blastradius.change.SchemaChange;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Liquibase change elements ({@code addColumn}, {@code sql}, …) to {@link MigrationStep}s, in
 * order, for one changelog. Structural changes become {@link MigrationStep.Change}s ({@link
 * LiquibaseTableChanges}); SQL and data changes become {@link MigrationStep.Sql} ({@link
 * LiquibaseSqlChanges}). A change type we do not know, or know but cannot replay, and a change
 * missing what it needs, become {@link MigrationStep.NotReplayed} with the line: never skipped in
 * silence.
 */
final class LiquibaseChanges {

  /** Reads one change type. */
  interface Handler {
    void apply(ChangelogElement change, LiquibaseChanges out);
  }

  private static final Map<String, Handler> HANDLERS =
      Map.ofEntries(
          Map.entry("createTable", LiquibaseTableChanges::createTable),
          Map.entry("dropTable", LiquibaseTableChanges::dropTable),
          Map.entry("renameTable", LiquibaseTableChanges::renameTable),
          Map.entry("renameView", LiquibaseTableChanges::renameView),
          Map.entry("addColumn", LiquibaseTableChanges::addColumn),
          Map.entry("dropColumn", LiquibaseTableChanges::dropColumn),
          Map.entry("renameColumn", LiquibaseTableChanges::renameColumn),
          Map.entry("modifyDataType", LiquibaseTableChanges::modifyDataType),
          Map.entry("addNotNullConstraint", LiquibaseTableChanges::addNotNullConstraint),
          Map.entry("dropNotNullConstraint", LiquibaseTableChanges::dropNotNullConstraint),
          Map.entry("addDefaultValue", LiquibaseTableChanges::addDefaultValue),
          Map.entry("dropDefaultValue", LiquibaseTableChanges::dropDefaultValue),
          Map.entry("addAutoIncrement", LiquibaseTableChanges::addAutoIncrement),
          Map.entry("mergeColumns", LiquibaseTableChanges::mergeColumns),
          Map.entry("addForeignKeyConstraint", LiquibaseKeyChanges::addForeignKey),
          Map.entry("addUniqueConstraint", LiquibaseKeyChanges::addUnique),
          Map.entry("addPrimaryKey", LiquibaseKeyChanges::addPrimaryKey),
          Map.entry("dropForeignKeyConstraint", LiquibaseKeyChanges::dropForeignKey),
          Map.entry("dropUniqueConstraint", LiquibaseKeyChanges::dropUnique),
          Map.entry("dropPrimaryKey", LiquibaseKeyChanges::dropPrimaryKey),
          Map.entry("createIndex", LiquibaseKeyChanges::createIndex),
          Map.entry("dropIndex", LiquibaseKeyChanges::dropIndex),
          Map.entry("addLookupTable", LiquibaseKeyChanges::addLookupTable),
          Map.entry("createView", LiquibaseSqlChanges::createView),
          Map.entry("dropView", LiquibaseTableChanges::dropView),
          Map.entry("sql", LiquibaseSqlChanges::sql),
          Map.entry("sqlFile", LiquibaseSqlChanges::sqlFile),
          Map.entry("createProcedure", LiquibaseSqlChanges::createProcedure),
          Map.entry("insert", LiquibaseSqlChanges::insert),
          Map.entry("update", LiquibaseSqlChanges::update),
          Map.entry("delete", LiquibaseSqlChanges::delete),
          Map.entry("loadData", LiquibaseSqlChanges::loadData),
          Map.entry("loadUpdateData", LiquibaseSqlChanges::loadData));

  /** Change types that change nothing the catalog or the graph holds. */
  private static final Set<String> NO_EFFECT =
      Set.of(
          "tagDatabase",
          "empty",
          "output",
          "stop",
          "createSequence",
          "alterSequence",
          "dropSequence",
          "renameSequence",
          "setColumnRemarks",
          "setTableRemarks",
          "dropProcedure");

  /** Change types we know but cannot replay: their effect is unknown to us. */
  private static final Set<String> NOT_SUPPORTED =
      Set.of(
          "customChange",
          "executeCommand",
          "dropAllForeignKeyConstraints",
          "createFunction",
          "dropFunction",
          "createTrigger",
          "dropTrigger",
          "enableTrigger",
          "disableTrigger",
          "renameTrigger",
          "addCheckConstraint",
          "dropCheckConstraint",
          "enableCheckConstraint",
          "disableCheckConstraint",
          "createPackage",
          "createPackageBody",
          "dropPackage",
          "dropPackageBody",
          "createSynonym",
          "dropSynonym",
          "markUnused");

  private final Identifiers ids;
  private final SourceFile changelog;
  private final List<MigrationStep> steps = new ArrayList<>();
  private boolean quoteAll;

  /**
   * @param changelog the changelog being read, for files its changes name
   */
  LiquibaseChanges(Identifiers ids, SourceFile changelog) {
    this.ids = ids;
    this.changelog = changelog;
  }

  /** Reads one change element into steps, or a {@link MigrationStep.NotReplayed}. */
  void read(ChangelogElement change) {
    String type = change.name();
    Handler handler = HANDLERS.get(type);
    if (handler != null) {
      int before = steps.size();
      try {
        handler.apply(change, this);
      } catch (IllegalArgumentException e) {
        steps.subList(before, steps.size()).clear();
        notReplayed(change.line(), type + " at line " + change.line() + " " + e.getMessage());
      }
    } else if (NOT_SUPPORTED.contains(type)) {
      notReplayed(
          change.line(),
          "Liquibase change type '"
              + type
              + "' at line "
              + change.line()
              + " is not supported:"
              + " not replayed");
    } else if (!NO_EFFECT.contains(type)) {
      notReplayed(
          change.line(),
          "unknown Liquibase change type '"
              + type
              + "' at line "
              + change.line()
              + ": not replayed");
    }
  }

  /** Whether names are quoted ({@code objectQuotingStrategy="QUOTE_ALL_OBJECTS"}). */
  void quoteAll(boolean value) {
    quoteAll = value;
  }

  /** The steps read so far. */
  List<MigrationStep> steps() {
    return List.copyOf(steps);
  }

  Identifiers ids() {
    return ids;
  }

  SqlDialect dialect() {
    return ids.dialect();
  }

  SourceFile changelog() {
    return changelog;
  }

  /** Adds a declared change, located at its element. */
  void change(SchemaChange change, ChangelogElement at) {
    steps.add(new MigrationStep.Change(change, at.line(), at.summary()));
  }

  /** Adds a step. */
  void step(MigrationStep step) {
    steps.add(step);
  }

  /** Adds a problem step. */
  void notReplayed(int line, String cause) {
    steps.add(new MigrationStep.NotReplayed(line, cause));
  }

  /**
   * A required attribute; throws {@link IllegalArgumentException} ("without tableName: not
   * replayed") when it is missing.
   */
  String required(ChangelogElement element, String key) {
    String value = element.stripped(key);
    if (value == null) {
      throw new IllegalArgumentException("without " + key + ": not replayed");
    }
    return value;
  }

  /** The table named by {@code nameKey} (and {@code schemaKey}) of an element. */
  TableRef table(ChangelogElement element, String schemaKey, String nameKey) {
    String schema = element.stripped(schemaKey);
    return new TableRef(
        schema == null ? ids.defaultSchema() : name(schema), name(required(element, nameKey)));
  }

  /** The table of an element's {@code schemaName}/{@code tableName}. */
  TableRef table(ChangelogElement element) {
    return table(element, "schemaName", "tableName");
  }

  /**
   * A normalised identifier: unquoted names fold like SQL's, unless the changelog quotes all
   * objects. A changelog parameter we cannot substitute is an error.
   */
  String name(String raw) {
    String name = raw.strip();
    if (name.contains("${")) {
      throw new IllegalArgumentException(
          "uses the changelog parameter " + name + ", which is not substituted: not replayed");
    }
    if (quoteAll && dialect() == SqlDialect.POSTGRES) {
      return name;
    }
    return ids.normalize(name);
  }

  /** A comma-separated list of column names, normalised. */
  List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String part : list.split(",")) {
      if (!part.isBlank()) {
        names.add(name(part));
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("without column names: not replayed");
    }
    return names;
  }

  /** An identifier quoted for generated SQL in the dialect (it is already normalised). */
  String quote(String name) {
    return dialect() == SqlDialect.MYSQL
        ? "`" + name.replace("`", "``") + "`"
        : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A table quoted for generated SQL, with its schema when it is not the default one. */
  String quote(TableRef table) {
    return table.schema().equals(ids.defaultSchema())
        ? quote(table.name())
        : quote(table.schema()) + "." + quote(table.name());
  }
}
