package dev.blastradius.lang.migrations;

import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.DropConstraint;
import dev.blastradius.change.DropIndex;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase's constraint and index change types: foreign keys, unique constraints and primary keys
 * (added and dropped), indexes, {@code addLookupTable}, and the constraints declared inline on an
 * added column. {@code validate="false"} (Liquibase 4) is Postgres' {@code NOT VALID}.
 */
final class LiquibaseKeyChanges {

  /** {@code users(id)} or {@code billing.users(id, tenant_id)} in {@code references}. */
  private static final Pattern REFERENCES =
      Pattern.compile("\\s*([^()\\s]+)\\s*(?:\\(([^)]*)\\))?\\s*");

  /** Words in an index expression that are not column names. */
  private static final Set<String> EXPRESSION_WORDS =
      Set.of("and", "or", "not", "null", "true", "false", "is", "asc", "desc", "collate", "nulls");

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"");

  private LiquibaseKeyChanges() {}

  static void addForeignKey(ChangelogElement change, LiquibaseChanges out) {
    TableRef table = out.table(change, "baseTableSchemaName", "baseTableName");
    TableRef referenced = out.table(change, "referencedTableSchemaName", "referencedTableName");
    out.change(
        new AddConstraint(
            table,
            constraintName(change, out),
            ConstraintKind.FOREIGN_KEY,
            out.names(out.required(change, "baseColumnNames")),
            referenced,
            out.names(out.required(change, "referencedColumnNames")),
            null,
            change.isFalse("validate"),
            null),
        change);
  }

  static void addUnique(ChangelogElement change, LiquibaseChanges out) {
    keyConstraint(change, out, ConstraintKind.UNIQUE);
  }

  static void addPrimaryKey(ChangelogElement change, LiquibaseChanges out) {
    keyConstraint(change, out, ConstraintKind.PRIMARY_KEY);
  }

  private static void keyConstraint(
      ChangelogElement change, LiquibaseChanges out, ConstraintKind kind) {
    String index = change.stripped("forIndexName");
    out.change(
        new AddConstraint(
            out.table(change),
            constraintName(change, out),
            kind,
            out.names(out.required(change, "columnNames")),
            null,
            List.of(),
            null,
            change.isFalse("validate"),
            index == null ? null : out.name(index)),
        change);
  }

  static void dropForeignKey(ChangelogElement change, LiquibaseChanges out) {
    out.change(
        new DropConstraint(
            out.table(change, "baseTableSchemaName", "baseTableName"),
            out.name(out.required(change, "constraintName"))),
        change);
  }

  static void dropUnique(ChangelogElement change, LiquibaseChanges out) {
    out.change(
        new DropConstraint(out.table(change), out.name(out.required(change, "constraintName"))),
        change);
  }

  /** Without a name, the key has the database's default name: {@code t_pkey}, MySQL's PRIMARY. */
  static void dropPrimaryKey(ChangelogElement change, LiquibaseChanges out) {
    TableRef table = out.table(change);
    String name = constraintName(change, out);
    if (name == null) {
      name = out.dialect() == SqlDialect.MYSQL ? "PRIMARY" : table.name() + "_pkey";
    }
    out.change(new DropConstraint(table, name), change);
  }

  /** {@code createIndex}; computed columns contribute the column names in their expression. */
  static void createIndex(ChangelogElement change, LiquibaseChanges out) {
    Set<String> columns = new LinkedHashSet<>();
    for (ChangelogElement column : change.items("columns", "column")) {
      String name = out.required(column, "name");
      if (column.flag("computed")) {
        columns.addAll(namesIn(name, out));
      } else {
        columns.add(out.name(name));
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("without columns: not replayed");
    }
    String index = change.stripped("indexName");
    out.change(
        new CreateIndex(
            out.table(change),
            index == null ? null : out.name(index),
            List.copyOf(columns),
            change.flag("unique"),
            false,
            false,
            null),
        change);
  }

  /** {@code dropIndex}; without {@code tableName} the table is unknown, as in SQL. */
  static void dropIndex(ChangelogElement change, LiquibaseChanges out) {
    String schema = change.stripped("schemaName");
    TableRef table =
        change.stripped("tableName") == null
            ? new TableRef(schema == null ? out.ids().defaultSchema() : out.name(schema), "?")
            : out.table(change);
    out.change(
        new DropIndex(table, out.name(out.required(change, "indexName")), false, false), change);
  }

  /**
   * {@code addLookupTable}: a new table of the distinct values of an existing column, filled from
   * it, with a primary key, and a foreign key from the existing column to it.
   */
  static void addLookupTable(ChangelogElement change, LiquibaseChanges out) {
    TableRef existing = out.table(change, "existingTableSchemaName", "existingTableName");
    String existingColumn = out.name(out.required(change, "existingColumnName"));
    TableRef lookup = out.table(change, "newTableSchemaName", "newTableName");
    String lookupColumn = out.name(out.required(change, "newColumnName"));
    String type = change.stripped("newColumnDataType");
    out.change(
        new CreateTable(
            lookup,
            List.of(
                new Catalog.Column(
                    lookupColumn,
                    type == null ? "" : LiquibaseTableChanges.type(type),
                    true,
                    null))),
        change);
    out.step(
        new MigrationStep.Sql(
            "INSERT INTO "
                + out.quote(lookup)
                + " ("
                + out.quote(lookupColumn)
                + ") SELECT DISTINCT "
                + out.quote(existingColumn)
                + " FROM "
                + out.quote(existing)
                + " WHERE "
                + out.quote(existingColumn)
                + " IS NOT NULL",
            null,
            change.line(),
            false));
    out.change(
        new AddConstraint(
            lookup,
            null,
            ConstraintKind.PRIMARY_KEY,
            List.of(lookupColumn),
            null,
            List.of(),
            null,
            false,
            null),
        change);
    String name = constraintName(change, out);
    out.change(
        new AddConstraint(
            existing,
            name,
            ConstraintKind.FOREIGN_KEY,
            List.of(existingColumn),
            lookup,
            List.of(lookupColumn),
            null,
            false,
            null),
        change);
  }

  /**
   * The constraints a {@code constraints} element declares on an added column: primary key, unique,
   * foreign key ({@code references} or {@code referencedTableName}) and check. NOT NULL is part of
   * the column, as in SQL's ADD COLUMN.
   */
  static List<AddConstraint> inlineConstraints(
      TableRef table, String column, ChangelogElement constraints, LiquibaseChanges out) {
    List<AddConstraint> found = new ArrayList<>();
    if (constraints.flag("primaryKey")) {
      found.add(
          constraint(
              table,
              optionalName(constraints, "primaryKeyName", out),
              ConstraintKind.PRIMARY_KEY,
              column,
              null,
              List.of(),
              null,
              constraints.isFalse("validatePrimaryKey")));
    }
    if (constraints.flag("unique")) {
      found.add(
          constraint(
              table,
              optionalName(constraints, "uniqueConstraintName", out),
              ConstraintKind.UNIQUE,
              column,
              null,
              List.of(),
              null,
              constraints.isFalse("validateUnique")));
    }
    String references = constraints.stripped("references");
    String referencedTable = constraints.stripped("referencedTableName");
    if (references != null || referencedTable != null) {
      TableRef target;
      List<String> targetColumns;
      if (referencedTable != null) {
        target = out.table(constraints, "referencedTableSchemaName", "referencedTableName");
        String listed = constraints.stripped("referencedColumnNames");
        targetColumns = listed == null ? List.of() : out.names(listed);
      } else {
        Matcher matcher = REFERENCES.matcher(references);
        if (!matcher.matches()) {
          throw new IllegalArgumentException(
              "with references '" + references + "' (expected table(column)): not replayed");
        }
        List<String> parts = List.of(matcher.group(1).split("\\."));
        String tableName = out.name(parts.get(parts.size() - 1));
        // Liquibase writes references into the SQL as is: unqualified names resolve like SQL's.
        target =
            new TableRef(
                parts.size() > 1
                    ? out.name(parts.get(parts.size() - 2))
                    : out.ids().defaultSchema(),
                tableName);
        targetColumns = matcher.group(2) == null ? List.of() : out.names(matcher.group(2));
      }
      found.add(
          constraint(
              table,
              optionalName(constraints, "foreignKeyName", out),
              ConstraintKind.FOREIGN_KEY,
              column,
              target,
              targetColumns,
              null,
              constraints.isFalse("validateForeignKey")));
    }
    String check = constraints.stripped("checkConstraint");
    if (check != null) {
      found.add(
          constraint(table, null, ConstraintKind.CHECK, column, null, List.of(), check, false));
    }
    return found;
  }

  private static AddConstraint constraint(
      TableRef table,
      String name,
      ConstraintKind kind,
      String column,
      TableRef referenced,
      List<String> referencedColumns,
      String expression,
      boolean notValid) {
    return new AddConstraint(
        table,
        name,
        kind,
        List.of(column),
        referenced,
        referencedColumns,
        expression,
        notValid,
        null);
  }

  private static String constraintName(ChangelogElement change, LiquibaseChanges out) {
    return optionalName(change, "constraintName", out);
  }

  private static String optionalName(ChangelogElement element, String key, LiquibaseChanges out) {
    String name = element.stripped(key);
    return name == null ? null : out.name(name);
  }

  /** The identifiers of an index expression that are not function names or keywords. */
  private static List<String> namesIn(String expression, LiquibaseChanges out) {
    Set<String> names = new LinkedHashSet<>();
    String cleaned = expression.replaceAll("'[^']*'", "''");
    Matcher matcher = WORD.matcher(cleaned);
    while (matcher.find()) {
      int end = matcher.end();
      while (end < cleaned.length() && cleaned.charAt(end) == ' ') {
        end++;
      }
      boolean call = end < cleaned.length() && cleaned.charAt(end) == '(';
      boolean cast = matcher.start() >= 2 && cleaned.startsWith("::", matcher.start() - 2);
      String word = matcher.group();
      if (!call && !cast && !EXPRESSION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        names.add(out.name(word));
      }
    }
    return List.copyOf(names);
  }
}
