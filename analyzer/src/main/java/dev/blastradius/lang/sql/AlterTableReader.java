package dev.blastradius.lang.sql;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AlterColumnDefault;
import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropConstraint;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.change.ValidateConstraint;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code ALTER TABLE} (Postgres and MySQL; libSQL's {@code ALTER COLUMN c TO c definition}
 * where the SQL is known to run on SQLite) into schema changes, one per action. An action we do not
 * know is not skipped: it fails the read, so the statement becomes a problem.
 */
final class AlterTableReader {

  private static final Set<String> NONE = Set.of();
  private static final Set<String> TYPE_END = Set.of("USING", "COLLATE");
  private static final Set<String> MYSQL_POSITION = Set.of("FIRST", "AFTER");

  /** MySQL actions on partitions ({@code REORGANIZE PARTITION p INTO (…)}); no column changes. */
  private static final Set<String> MYSQL_PARTITION_ACTIONS =
      Set.of(
          "ADD",
          "DROP",
          "TRUNCATE",
          "COALESCE",
          "REORGANIZE",
          "EXCHANGE",
          "ANALYZE",
          "CHECK",
          "OPTIMIZE",
          "REBUILD",
          "REPAIR",
          "DISCARD",
          "IMPORT",
          "REMOVE");

  private final DdlContext context;

  AlterTableReader(DdlContext context) {
    this.context = context;
  }

  /** Reads the statement after {@code ALTER TABLE}. */
  List<SchemaChange> read(TokenCursor cursor) {
    cursor.accept("IF", "EXISTS");
    cursor.accept("ONLY");
    TableRef table = context.table(cursor.qualifiedName());
    cursor.acceptType(SqlLexer.OTHER); // Postgres' "name *" (include descendants)
    List<SchemaChange> changes = new ArrayList<>();
    if (cursor.accept("RENAME")) {
      rename(cursor, table, changes);
      return changes;
    }
    do {
      if (mysqlPartitioning(cursor)) {
        // Partition options come last and list partitions with commas of their own.
        changes.add(
            new TableOperation(
                table, TableOperation.Kind.OTHER_ALTER, TokenCursor.text(cursor.rest())));
        break;
      }
      action(new TokenCursor(cursor.until(NONE)), table, changes);
    } while (cursor.acceptType(SqlLexer.COMMA));
    if (!cursor.atEnd()) {
      throw cursor.notUnderstood("unexpected text after ALTER TABLE action");
    }
    return changes;
  }

  private void rename(TokenCursor cursor, TableRef table, List<SchemaChange> changes) {
    if (cursor.accept("TO")) {
      List<String> name = cursor.qualifiedName();
      changes.add(
          new RenameTable(
              table,
              name.size() > 1
                  ? context.table(name)
                  : new TableRef(table.schema(), context.name(name.get(0)))));
    } else if (cursor.accept("CONSTRAINT") || cursor.accept("INDEX") || cursor.accept("KEY")) {
      cursor.identifier();
      cursor.expect("TO");
      cursor.identifier();
      changes.add(
          new TableOperation(table, TableOperation.Kind.OTHER_ALTER, "rename constraint or index"));
    } else {
      cursor.accept("COLUMN");
      String from = context.name(cursor.identifier());
      cursor.expect("TO");
      changes.add(new RenameColumn(table, from, context.name(cursor.identifier())));
    }
  }

  /** One comma-separated action. */
  private void action(TokenCursor cursor, TableRef table, List<SchemaChange> changes) {
    if (cursor.accept("ADD")) {
      add(cursor, table, changes);
    } else if (cursor.accept("DROP")) {
      drop(cursor, table, changes);
    } else if (cursor.accept("ALTER")) {
      cursor.accept("COLUMN");
      alterColumn(cursor, table, context.name(cursor.identifier()), changes);
    } else if (cursor.accept("MODIFY")) {
      cursor.accept("COLUMN");
      modify(cursor.rest(), table, null, changes);
    } else if (cursor.accept("CHANGE")) {
      cursor.accept("COLUMN");
      String old = context.name(cursor.identifier());
      modify(cursor.rest(), table, old, changes);
    } else if (cursor.accept("RENAME")) {
      rename(cursor, table, changes);
    } else if (cursor.accept("VALIDATE", "CONSTRAINT")) {
      changes.add(new ValidateConstraint(table, context.name(cursor.identifier())));
    } else if (cursor.accept("SET", "SCHEMA")) {
      // Moving a table to another schema renames it as far as every reference is concerned.
      changes.add(
          new RenameTable(table, new TableRef(context.name(cursor.identifier()), table.name())));
    } else if (cursor.accept("SET", "TABLESPACE")) {
      changes.add(
          new TableOperation(
              table, TableOperation.Kind.SET_TABLESPACE, context.name(cursor.identifier())));
    } else if (cursor.accept("SET", "LOGGED")) {
      changes.add(new TableOperation(table, TableOperation.Kind.SET_LOGGED, ""));
    } else if (cursor.accept("SET", "UNLOGGED")) {
      changes.add(new TableOperation(table, TableOperation.Kind.SET_UNLOGGED, ""));
    } else if (cursor.accept("ATTACH", "PARTITION")) {
      changes.add(
          new TableOperation(
              table, TableOperation.Kind.ATTACH_PARTITION, TokenCursor.text(cursor.rest())));
    } else if (cursor.accept("DETACH", "PARTITION")) {
      changes.add(
          new TableOperation(
              table, TableOperation.Kind.DETACH_PARTITION, TokenCursor.text(cursor.rest())));
    } else if (cursor.peekWords("ENABLE")
        || cursor.peekWords("DISABLE")
        || cursor.peekWords("FORCE")
        || cursor.peekWords("NO", "FORCE")) {
      String text = TokenCursor.text(cursor.rest());
      TableOperation.Kind kind =
          text.contains("row level security")
              ? TableOperation.Kind.ROW_LEVEL_SECURITY
              : TableOperation.Kind.TRIGGER_STATE;
      changes.add(new TableOperation(table, kind, text));
    } else if (cursor.peekWords("ALGORITHM") || cursor.peekWords("LOCK")) {
      // MySQL ALGORITHM=INPLACE, LOCK=NONE: options of the statement, kept for the locking rules.
      changes.add(mysqlOption(cursor, table));
    } else if (cursor.peekWords("OWNER")
        || cursor.peekWords("SET")
        || cursor.peekWords("RESET")
        || cursor.peekWords("CLUSTER")
        || cursor.peekWords("REPLICA")
        || cursor.peekWords("INHERIT")
        || cursor.peekWords("NO", "INHERIT")
        || cursor.peekWords("OF")
        || cursor.peekWords("NOT", "OF")
        || cursor.peekWords("ENGINE")
        || cursor.peekWords("COMMENT")
        || cursor.peekWords("AUTO_INCREMENT")
        || cursor.peekWords("CONVERT")
        || cursor.peekWords("DEFAULT")
        || cursor.peekWords("CHARACTER")) {
      changes.add(
          new TableOperation(
              table, TableOperation.Kind.OTHER_ALTER, TokenCursor.text(cursor.rest())));
    } else {
      throw cursor.notUnderstood("unknown ALTER TABLE action");
    }
  }

  /**
   * MySQL partition maintenance: {@code ADD|DROP|TRUNCATE|REORGANIZE|… PARTITION …}, {@code REMOVE
   * PARTITIONING} and re-partitioning with {@code PARTITION BY}. Postgres has columns that may be
   * named {@code partition}, so this only applies to MySQL and needs something after the word.
   */
  private boolean mysqlPartitioning(TokenCursor cursor) {
    if (context.ids().dialect() != SqlDialect.MYSQL) {
      return false;
    }
    SqlToken action = cursor.peek();
    SqlToken object = cursor.peek(1);
    boolean maintenance =
        action != null
            && action.type() == SqlLexer.WORD
            && MYSQL_PARTITION_ACTIONS.contains(action.upper())
            && object != null
            && (object.isWord("PARTITIONING")
                || (object.isWord("PARTITION") && cursor.peek(2) != null));
    return maintenance || cursor.peekWords("PARTITION", "BY");
  }

  private void add(TokenCursor cursor, TableRef table, List<SchemaChange> changes) {
    boolean constraintFollows =
        cursor.peekWords("CONSTRAINT")
            || cursor.peekWords("PRIMARY", "KEY")
            || cursor.peekWords("UNIQUE")
            || cursor.peekWords("CHECK")
            || cursor.peekWords("FOREIGN", "KEY")
            || cursor.peekWords("EXCLUDE");
    if (constraintFollows) {
      changes.add(TableConstraintReader.read(cursor, table, context));
      return;
    }
    if (cursor.peekWords("INDEX")
        || cursor.peekWords("KEY")
        || cursor.peekWords("FULLTEXT")
        || cursor.peekWords("SPATIAL")) {
      mysqlIndex(cursor, table, changes);
      return;
    }
    cursor.accept("COLUMN");
    cursor.accept("IF", "NOT", "EXISTS");
    if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
      // MySQL: ADD (a int, b int)
      for (List<SqlToken> part : TokenCursor.splitCommas(cursor.group())) {
        addColumn(part, table, changes);
      }
      return;
    }
    addColumn(cursor.rest(), table, changes);
  }

  private void addColumn(List<SqlToken> tokens, TableRef table, List<SchemaChange> changes) {
    ColumnDefinitionReader.Definition definition =
        ColumnDefinitionReader.read(tokens, table, context);
    changes.add(new AddColumn(table, definition.column(), position(tokens)));
    changes.addAll(definition.constraints());
  }

  /** MySQL's trailing {@code FIRST} or {@code AFTER col}, lower case, or null. */
  private String position(List<SqlToken> tokens) {
    int size = tokens.size();
    if (size >= 1 && tokens.get(size - 1).isWord("FIRST")) {
      return "first";
    }
    if (size >= 2 && tokens.get(size - 2).isWord("AFTER")) {
      return "after " + context.name(tokens.get(size - 1).text());
    }
    return null;
  }

  /**
   * MySQL {@code ALGORITHM [=] value} or {@code LOCK [=] value} as an {@code OTHER_ALTER} operation
   * with the detail {@code algorithm=inplace} / {@code lock=none}.
   */
  static TableOperation mysqlOption(TokenCursor cursor, TableRef table) {
    String option = cursor.next().upper().toLowerCase(java.util.Locale.ROOT);
    cursor.acceptType(SqlLexer.OTHER); // "="
    String value = cursor.atEnd() ? "" : cursor.next().upper().toLowerCase(java.util.Locale.ROOT);
    return new TableOperation(table, TableOperation.Kind.OTHER_ALTER, option + "=" + value);
  }

  private void mysqlIndex(TokenCursor cursor, TableRef table, List<SchemaChange> changes) {
    cursor.acceptAny(Set.of("FULLTEXT", "SPATIAL"));
    cursor.acceptAny(Set.of("INDEX", "KEY"));
    String name = cursor.atIdentifier() ? context.name(cursor.identifier()) : null;
    List<SqlToken> group = cursor.group();
    changes.add(new CreateIndex(table, name, context.columnList(group), false, false, false, null));
    cursor.rest();
  }

  private void drop(TokenCursor cursor, TableRef table, List<SchemaChange> changes) {
    if (cursor.accept("CONSTRAINT") || cursor.accept("FOREIGN", "KEY") || cursor.accept("CHECK")) {
      cursor.accept("IF", "EXISTS");
      changes.add(new DropConstraint(table, context.name(cursor.identifier())));
    } else if (cursor.accept("PRIMARY", "KEY")) {
      changes.add(new DropConstraint(table, "PRIMARY"));
    } else if (cursor.accept("INDEX") || cursor.accept("KEY")) {
      changes.add(new DropIndex(table, context.name(cursor.identifier()), false, false));
    } else {
      cursor.accept("COLUMN");
      cursor.accept("IF", "EXISTS");
      changes.add(new DropColumn(table, context.name(cursor.identifier())));
    }
    cursor.acceptAny(Set.of("CASCADE", "RESTRICT"));
    if (!cursor.atEnd()) {
      throw cursor.notUnderstood("unexpected text after DROP");
    }
  }

  private void alterColumn(
      TokenCursor cursor, TableRef table, String column, List<SchemaChange> changes) {
    if (context.sqlite() && cursor.accept("TO")) {
      libsqlRedefine(cursor.rest(), table, column, changes);
      return;
    }
    if (cursor.accept("SET", "DATA", "TYPE") || cursor.accept("TYPE")) {
      String type = TokenCursor.text(cursor.until(TYPE_END));
      String using = null;
      if (cursor.accept("COLLATE")) {
        cursor.identifier();
      }
      if (cursor.accept("USING")) {
        using = TokenCursor.text(cursor.rest());
      }
      changes.add(new AlterColumnType(table, column, type, using));
    } else if (cursor.accept("SET", "NOT", "NULL")) {
      changes.add(new AlterColumnNullability(table, column, true));
    } else if (cursor.accept("DROP", "NOT", "NULL")) {
      changes.add(new AlterColumnNullability(table, column, false));
    } else if (cursor.accept("SET", "DEFAULT")) {
      changes.add(new AlterColumnDefault(table, column, TokenCursor.text(cursor.rest())));
    } else if (cursor.accept("DROP", "DEFAULT")) {
      changes.add(new AlterColumnDefault(table, column, null));
    } else if (cursor.peekWords("SET")
        || cursor.peekWords("DROP")
        || cursor.peekWords("ADD")
        || cursor.peekWords("RESET")
        || cursor.peekWords("RESTART")) {
      // SET STATISTICS/STORAGE/(options), ADD/DROP IDENTITY, DROP EXPRESSION, SET GENERATED …
      changes.add(
          new TableOperation(
              table,
              TableOperation.Kind.OTHER_ALTER,
              "alter column " + column + " " + TokenCursor.text(cursor.rest())));
    } else {
      throw cursor.notUnderstood("unknown ALTER COLUMN action");
    }
    if (!cursor.atEnd()) {
      throw cursor.notUnderstood("unexpected text after ALTER COLUMN");
    }
  }

  /**
   * libSQL's {@code ALTER COLUMN c TO c definition}: the column takes the new definition whole, so
   * it is MySQL's {@code CHANGE c c definition} (rename, type, nullability) plus its default, which
   * the definition replaces too.
   */
  private void libsqlRedefine(
      List<SqlToken> tokens, TableRef table, String column, List<SchemaChange> changes) {
    var before = context.catalog().table(table).flatMap(t -> t.column(column));
    modify(tokens, table, column, changes);
    ColumnDefinitionReader.Definition definition =
        ColumnDefinitionReader.read(tokens, table, context);
    String expression = definition.column().defaultExpression();
    if (before.isEmpty()
        || !java.util.Objects.equals(before.get().defaultExpression(), expression)) {
      changes.add(new AlterColumnDefault(table, definition.column().name(), expression));
    }
  }

  /**
   * MySQL {@code MODIFY col def} and {@code CHANGE old new def}: a rename (CHANGE with a new name),
   * a type change, and a nullability change, compared with the catalog.
   */
  private void modify(
      List<SqlToken> tokens, TableRef table, String oldName, List<SchemaChange> changes) {
    List<SqlToken> definitionTokens = new ArrayList<>(tokens);
    while (!definitionTokens.isEmpty()) {
      SqlToken last = definitionTokens.get(definitionTokens.size() - 1);
      if (last.type() != SqlLexer.WORD || !MYSQL_POSITION.contains(last.upper())) {
        break;
      }
      definitionTokens.remove(definitionTokens.size() - 1);
    }
    ColumnDefinitionReader.Definition definition =
        ColumnDefinitionReader.read(definitionTokens, table, context);
    String name = definition.column().name();
    String current = oldName == null ? name : oldName;
    if (!current.equals(name)) {
      changes.add(new RenameColumn(table, current, name));
    }
    var before = context.catalog().table(table).flatMap(t -> t.column(current));
    if (before.isEmpty() || !before.get().type().equals(definition.column().type())) {
      changes.add(new AlterColumnType(table, name, definition.column().type(), null));
    }
    if (before.isEmpty() || before.get().notNull() != definition.column().notNull()) {
      changes.add(new AlterColumnNullability(table, name, definition.column().notNull()));
    }
    changes.addAll(definition.constraints());
  }
}
