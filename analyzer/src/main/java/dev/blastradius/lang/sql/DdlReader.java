package dev.blastradius.lang.sql;

import dev.blastradius.change.AddEnumValue;
import dev.blastradius.change.CreateFunction;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.CreateTrigger;
import dev.blastradius.change.DropDatabase;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.DropView;
import dev.blastradius.change.Reindex;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Our reader for DDL and maintenance statements, over the splitter's tokens. It is the one source
 * of {@link SchemaChange}s: it keeps what rules need and JSqlParser's trees drop or do not have
 * ({@code CONCURRENTLY}, {@code NOT VALID}, {@code USING INDEX}, {@code SET DATA TYPE}, {@code
 * REINDEX}, MySQL {@code MODIFY}), and it still works where JSqlParser fails. Statements it does
 * not recognise return {@link Result#notDdl()}; a DDL statement it cannot follow returns a problem.
 */
final class DdlReader {

  /** What a statement does to the schema. */
  record Result(boolean recognised, List<SchemaChange> changes, String problem) {
    static Result notDdl() {
      return new Result(false, List.of(), null);
    }

    static Result of(List<SchemaChange> changes) {
      return new Result(true, List.copyOf(changes), null);
    }

    static Result failed(String problem) {
      return new Result(true, List.of(), problem);
    }
  }

  /** CREATE/ALTER/DROP objects that change no table or column we track. */
  private static final Set<String> UNTRACKED_OBJECTS =
      Set.of(
          "TYPE",
          "EXTENSION",
          "SCHEMA",
          "SEQUENCE",
          "POLICY",
          "ROLE",
          "USER",
          "DOMAIN",
          "AGGREGATE",
          "OPERATOR",
          "PUBLICATION",
          "SUBSCRIPTION",
          "RULE",
          "CAST",
          "COLLATION",
          "DATABASE",
          "SERVER",
          "EVENT",
          "STATISTICS",
          "TEXT",
          "CONVERSION",
          "LANGUAGE",
          "TABLESPACE",
          "GROUP",
          "OWNED",
          "DEFAULT",
          "PROCEDURE",
          "FUNCTION",
          "ACCESS",
          "FOREIGN",
          "TRANSFORM",
          "TRIGGER",
          "INDEX",
          "SYSTEM");

  /** Statements that touch no table definition and need no reading beyond their first word. */
  private static final Set<String> UNTRACKED_STATEMENTS =
      Set.of("COMMENT", "GRANT", "REVOKE", "SECURITY", "DISCARD", "CHECKPOINT", "LOAD", "REASSIGN");

  private final DdlContext context;

  DdlReader(DdlContext context) {
    this.context = context;
  }

  /** Reads one statement's tokens. */
  Result read(List<SqlToken> tokens) {
    if (tokens.isEmpty()) {
      return Result.notDdl();
    }
    TokenCursor cursor = new TokenCursor(tokens);
    String first = tokens.get(0).upper();
    try {
      return switch (first) {
        case "CREATE" -> create(cursor);
        case "ALTER" -> alter(cursor);
        case "DROP" -> drop(cursor);
        case "RENAME" -> renameTables(cursor);
        case "TRUNCATE" -> truncate(cursor);
        case "REINDEX" -> reindex(cursor);
        case "VACUUM", "ANALYZE", "ANALYSE", "CLUSTER", "LOCK", "REFRESH", "OPTIMIZE" ->
            maintenance(cursor, first);
        default -> UNTRACKED_STATEMENTS.contains(first) ? Result.of(List.of()) : Result.notDdl();
      };
    } catch (TokenCursor.NotUnderstood e) {
      return Result.failed("cannot read " + first + " statement: " + e.getMessage());
    }
  }

  private Result create(TokenCursor cursor) {
    cursor.expect("CREATE");
    boolean orReplace = cursor.accept("OR", "REPLACE");
    skipMysqlViewOptions(cursor);
    cursor.acceptAny(Set.of("GLOBAL", "LOCAL"));
    cursor.acceptAny(Set.of("TEMP", "TEMPORARY", "UNLOGGED"));
    if (cursor.accept("TABLE")) {
      return Result.of(CreateTableReader.read(cursor, context));
    }
    boolean unique = cursor.accept("UNIQUE");
    if (cursor.accept("INDEX")) {
      return Result.of(createIndex(cursor, unique));
    }
    boolean materialized = cursor.accept("MATERIALIZED");
    if (cursor.accept("VIEW")) {
      return Result.of(List.of(ViewReader.read(cursor, context, materialized, orReplace)));
    }
    if (cursor.accept("FUNCTION") || cursor.accept("PROCEDURE")) {
      return Result.of(List.of(createFunction(cursor, orReplace)));
    }
    cursor.accept("CONSTRAINT");
    if (cursor.accept("TRIGGER")) {
      return Result.of(isMysql() ? mysqlTrigger(cursor) : List.of(createTrigger(cursor)));
    }
    SqlToken object = cursor.peek();
    if (object != null && UNTRACKED_OBJECTS.contains(object.upper())) {
      return Result.of(List.of());
    }
    throw cursor.notUnderstood("unknown CREATE statement");
  }

  /**
   * MySQL's options between CREATE and VIEW (or PROCEDURE, FUNCTION, TRIGGER, EVENT), as mysqldump
   * writes them: {@code ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY INVOKER}.
   */
  private static void skipMysqlViewOptions(TokenCursor cursor) {
    while (true) {
      if (cursor.peekWords("ALGORITHM") || cursor.peekWords("DEFINER")) {
        cursor.next();
        cursor.acceptType(SqlLexer.OTHER); // =
        cursor.next(); // the value: MERGE, `app`@`%`, CURRENT_USER or CURRENT_USER()
        if (cursor.peek() != null && cursor.peek().text().equals("@")) {
          cursor.next();
          cursor.next();
        } else if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
          cursor.group();
        }
      } else if (cursor.peekWords("SQL", "SECURITY")) {
        cursor.next();
        cursor.next();
        cursor.next();
      } else {
        return;
      }
    }
  }

  /** The index, then MySQL's trailing ALGORITHM/LOCK options as {@code OTHER_ALTER} operations. */
  private List<SchemaChange> createIndex(TokenCursor cursor, boolean unique) {
    boolean concurrently = cursor.accept("CONCURRENTLY");
    boolean ifNotExists = cursor.accept("IF", "NOT", "EXISTS");
    String name = cursor.peekWords("ON") ? null : context.name(cursor.identifier());
    cursor.expect("ON");
    cursor.accept("ONLY");
    TableRef table = context.table(cursor.qualifiedName());
    if (cursor.accept("USING")) {
      cursor.identifier();
    }
    List<SqlToken> keys = cursor.group();
    List<String> columns = new ArrayList<>();
    for (List<SqlToken> key : TokenCursor.splitCommas(keys)) {
      boolean plain =
          !key.isEmpty()
              && key.get(0).type() != SqlLexer.LPAREN
              && (key.size() == 1 || key.get(1).type() != SqlLexer.LPAREN);
      if (plain) {
        columns.add(context.name(key.get(0).text()));
      } else {
        columns.addAll(context.columnsNamedIn(key, table));
      }
    }
    String where = null;
    List<SchemaChange> options = new ArrayList<>();
    while (!cursor.atEnd()) {
      if (cursor.accept("WHERE")) {
        where = TokenCursor.text(cursor.rest());
      } else if (cursor.peekWords("ALGORITHM") || cursor.peekWords("LOCK")) {
        options.add(AlterTableReader.mysqlOption(cursor, table));
      } else {
        cursor.next(); // INCLUDE (…), WITH (…), TABLESPACE x, NULLS [NOT] DISTINCT
      }
    }
    List<SchemaChange> changes = new ArrayList<>();
    changes.add(new CreateIndex(table, name, columns, unique, concurrently, ifNotExists, where));
    changes.addAll(options);
    return changes;
  }

  private CreateFunction createFunction(TokenCursor cursor, boolean orReplace) {
    TableRef function = context.table(cursor.qualifiedName());
    cursor.group(); // arguments
    if (isMysql()) {
      return mysqlRoutine(cursor, function, orReplace);
    }
    String language = "";
    String body = null;
    int bodyLine = 0;
    while (!cursor.atEnd()) {
      if (cursor.accept("LANGUAGE")) {
        language = context.name(cursor.identifier());
      } else if (cursor.accept("AS")) {
        SqlToken token = cursor.next();
        body = unquoteBody(token);
        bodyLine = token.line();
        if (cursor.acceptType(SqlLexer.COMMA)) {
          cursor.next(); // AS 'obj_file', 'link_symbol'
        }
      } else if (cursor.accept("BEGIN", "ATOMIC")) {
        bodyLine = cursor.peek() == null ? 0 : cursor.peek().line();
        List<SqlToken> atomic = cursor.rest();
        if (!atomic.isEmpty() && atomic.get(atomic.size() - 1).isWord("END")) {
          atomic = atomic.subList(0, atomic.size() - 1);
        }
        body = TokenCursor.raw(atomic);
        language = "sql";
      } else if (cursor.peek().type() == SqlLexer.LPAREN) {
        cursor.group();
      } else {
        cursor.next();
      }
    }
    return new CreateFunction(
        function, language.toLowerCase(Locale.ROOT), body, bodyLine, orReplace);
  }

  /** Words that start a MySQL routine body (a compound statement or a single statement). */
  private static final Set<String> MYSQL_BODY_STARTS =
      Set.of(
          "BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "CALL", "RETURN", "SET",
          "WITH", "IF", "CASE", "WHILE", "REPEAT", "LOOP", "DECLARE");

  /**
   * MySQL's {@code CREATE PROCEDURE|FUNCTION f(…) [RETURNS type] [characteristics] body}: the body
   * is the rest of the statement (a {@code BEGIN … END} block or one statement), language {@code
   * mysql}.
   */
  private CreateFunction mysqlRoutine(TokenCursor cursor, TableRef function, boolean orReplace) {
    while (!cursor.atEnd() && !mysqlBodyStart(cursor)) {
      if (cursor.peek().type() == SqlLexer.LPAREN) {
        cursor.group(); // RETURNS varchar(200)
      } else {
        cursor.next(); // RETURNS type, COMMENT '…', DETERMINISTIC, READS SQL DATA, SQL SECURITY …
      }
    }
    if (cursor.atEnd()) {
      return new CreateFunction(function, "mysql", null, 0, orReplace);
    }
    List<SqlToken> body = cursor.rest();
    return new CreateFunction(
        function, "mysql", TokenCursor.positioned(body), body.get(0).line(), orReplace);
  }

  /** Whether the cursor is at a routine body: a body word, or a label before one. */
  private static boolean mysqlBodyStart(TokenCursor cursor) {
    SqlToken token = cursor.peek();
    if (token.type() != SqlLexer.WORD) {
      return false;
    }
    if (MYSQL_BODY_STARTS.contains(token.upper())) {
      // SQL SECURITY is a characteristic; a body never starts with SET after RETURNS' type.
      return !(token.isWord("SET") && cursor.peekWords("SET", "SECURITY"));
    }
    return cursor.peekLabel();
  }

  /**
   * MySQL's {@code CREATE TRIGGER t {BEFORE|AFTER} {INSERT|UPDATE|DELETE} ON tbl FOR EACH ROW
   * [{FOLLOWS|PRECEDES} other] body}. The body is a routine of its own, named like the trigger, so
   * it is read like a function body (its SQL, and its NEW/OLD references as accesses of the table).
   */
  private List<SchemaChange> mysqlTrigger(TokenCursor cursor) {
    List<String> name = cursor.qualifiedName();
    cursor.acceptAny(Set.of("BEFORE", "AFTER"));
    String event = cursor.acceptAny(Set.of("INSERT", "UPDATE", "DELETE"));
    cursor.expect("ON");
    TableRef table = context.table(cursor.qualifiedName());
    cursor.expect("FOR", "EACH", "ROW");
    if (cursor.acceptAny(Set.of("FOLLOWS", "PRECEDES")) != null) {
      cursor.identifier();
    }
    if (event == null || cursor.atEnd()) {
      throw cursor.notUnderstood("CREATE TRIGGER without an event or a body");
    }
    String triggerName = context.name(name.get(name.size() - 1));
    TableRef routine = new TableRef(table.schema(), triggerName);
    List<SqlToken> body = cursor.rest();
    return List.of(
        new CreateFunction(
            routine, "mysql", TokenCursor.positioned(body), body.get(0).line(), true),
        new CreateTrigger(table, triggerName, List.of(event.toLowerCase(Locale.ROOT)), routine));
  }

  /** The text inside a dollar-quoted or single-quoted function body. */
  static String unquoteBody(SqlToken token) {
    String text = token.text();
    if (token.type() == SqlLexer.DOLLAR_STRING) {
      int open = text.indexOf('$', 1) + 1;
      return text.substring(open, text.length() - open);
    }
    if (token.type() == SqlLexer.STRING && text.length() >= 2) {
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    return null;
  }

  private CreateTrigger createTrigger(TokenCursor cursor) {
    String name = context.name(cursor.identifier());
    List<String> events = new ArrayList<>();
    TableRef table = null;
    TableRef function = null;
    while (!cursor.atEnd()) {
      String event = cursor.acceptAny(Set.of("INSERT", "UPDATE", "DELETE", "TRUNCATE"));
      if (event != null) {
        events.add(event.toLowerCase(Locale.ROOT));
        if (event.equals("UPDATE") && cursor.accept("OF")) {
          cursor.until(Set.of("OR", "ON"));
        }
      } else if (cursor.accept("ON")) {
        table = context.table(cursor.qualifiedName());
      } else if (cursor.accept("EXECUTE")) {
        cursor.acceptAny(Set.of("FUNCTION", "PROCEDURE"));
        function = context.table(cursor.qualifiedName());
        cursor.rest();
      } else {
        cursor.next();
      }
    }
    if (table == null || function == null) {
      throw cursor.notUnderstood("CREATE TRIGGER without ON table or EXECUTE FUNCTION");
    }
    return new CreateTrigger(table, name, events, function);
  }

  private Result alter(TokenCursor cursor) {
    cursor.expect("ALTER");
    if (cursor.accept("TABLE")) {
      return Result.of(new AlterTableReader(context).read(cursor));
    }
    if (cursor.accept("TYPE")) {
      TableRef type = context.table(cursor.qualifiedName());
      if (cursor.accept("ADD", "VALUE")) {
        cursor.accept("IF", "NOT", "EXISTS");
        SqlToken value = cursor.next();
        String label =
            value.type() == SqlLexer.STRING ? DdlReader.unquoteBody(value) : value.text();
        return Result.of(List.of(new AddEnumValue(type, label)));
      }
      return Result.of(List.of());
    }
    boolean materialized = cursor.accept("MATERIALIZED");
    if (cursor.accept("VIEW")) {
      cursor.accept("IF", "EXISTS");
      TableRef view = context.table(cursor.qualifiedName());
      if (cursor.accept("RENAME", "TO")) {
        return Result.of(
            List.of(
                new RenameTable(
                    view, new TableRef(view.schema(), context.name(cursor.identifier())))));
      }
      return Result.of(List.of());
    }
    if (materialized) {
      throw cursor.notUnderstood("expected VIEW");
    }
    SqlToken object = cursor.peek();
    if (object != null && (UNTRACKED_OBJECTS.contains(object.upper()) || object.isWord("LARGE"))) {
      return Result.of(List.of());
    }
    throw cursor.notUnderstood("unknown ALTER statement");
  }

  private Result drop(TokenCursor cursor) {
    cursor.expect("DROP");
    if (cursor.accept("DATABASE") || (isMysql() && cursor.accept("SCHEMA"))) {
      // MySQL's DROP SCHEMA is DROP DATABASE; Postgres' DROP SCHEMA is not tracked.
      cursor.accept("IF", "EXISTS");
      String database = context.name(cursor.identifier());
      cursor.rest(); // WITH (FORCE)
      return Result.of(List.of(new DropDatabase(database)));
    }
    boolean materialized = cursor.accept("MATERIALIZED");
    boolean view = cursor.accept("VIEW");
    boolean table = !view && cursor.accept("TABLE");
    boolean index = !view && !table && cursor.accept("INDEX");
    if (!view && !table && !index) {
      if (materialized) {
        throw cursor.notUnderstood("expected VIEW");
      }
      SqlToken object = cursor.peek();
      if (object != null && UNTRACKED_OBJECTS.contains(object.upper())) {
        return Result.of(List.of());
      }
      throw cursor.notUnderstood("unknown DROP statement");
    }
    boolean concurrently = cursor.accept("CONCURRENTLY");
    boolean ifExists = cursor.accept("IF", "EXISTS");
    List<SchemaChange> changes = new ArrayList<>();
    do {
      List<String> name = cursor.qualifiedName();
      TableRef ref = context.table(name);
      if (view) {
        changes.add(new DropView(ref, materialized));
      } else if (table) {
        changes.add(new DropTable(ref));
      } else {
        String indexName = context.name(name.get(name.size() - 1));
        TableRef indexed = context.catalog().indexTable(indexName).orElse(ref);
        changes.add(new DropIndex(indexed, indexName, concurrently, ifExists));
      }
    } while (cursor.acceptType(SqlLexer.COMMA));
    if (index && cursor.accept("ON")) {
      cursor.qualifiedName(); // MySQL DROP INDEX i ON t
    }
    cursor.acceptAny(Set.of("CASCADE", "RESTRICT"));
    if (!cursor.atEnd()) {
      throw cursor.notUnderstood("unexpected text after DROP");
    }
    return Result.of(changes);
  }

  /** MySQL {@code RENAME TABLE a TO b[, c TO d]}. */
  private Result renameTables(TokenCursor cursor) {
    cursor.expect("RENAME");
    cursor.expect("TABLE");
    List<SchemaChange> changes = new ArrayList<>();
    do {
      TableRef from = context.table(cursor.qualifiedName());
      cursor.expect("TO");
      changes.add(new RenameTable(from, context.table(cursor.qualifiedName())));
    } while (cursor.acceptType(SqlLexer.COMMA));
    return Result.of(changes);
  }

  private Result truncate(TokenCursor cursor) {
    cursor.expect("TRUNCATE");
    cursor.accept("TABLE");
    List<TableRef> tables = new ArrayList<>();
    do {
      cursor.accept("ONLY");
      tables.add(context.table(cursor.qualifiedName()));
      cursor.acceptType(SqlLexer.OTHER);
    } while (cursor.acceptType(SqlLexer.COMMA));
    // RESTART IDENTITY, CONTINUE IDENTITY, CASCADE, RESTRICT: only CASCADE reaches other tables.
    boolean cascade = cursor.rest().stream().anyMatch(t -> t.isWord("CASCADE"));
    return Result.of(
        tables.stream()
            .map(
                t ->
                    (SchemaChange)
                        new TableOperation(
                            t, TableOperation.Kind.TRUNCATE, cascade ? "cascade" : ""))
            .toList());
  }

  private Result reindex(TokenCursor cursor) {
    cursor.expect("REINDEX");
    boolean concurrently = false;
    if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
      concurrently = TokenCursor.text(cursor.group()).contains("concurrently");
    }
    String target = cursor.acceptAny(Set.of("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM"));
    if (target == null) {
      throw cursor.notUnderstood("expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
    }
    concurrently |= cursor.accept("CONCURRENTLY");
    List<String> name = cursor.atEnd() ? List.of("") : cursor.qualifiedName();
    String object = context.name(name.get(name.size() - 1));
    TableRef table =
        target.equals("INDEX")
            ? context.catalog().indexTable(object).orElse(context.table(name))
            : context.table(name);
    return Result.of(
        List.of(new Reindex(target.toLowerCase(Locale.ROOT), object, table, concurrently)));
  }

  private Result maintenance(TokenCursor cursor, String first) {
    cursor.next();
    List<SchemaChange> changes = new ArrayList<>();
    switch (first) {
      case "VACUUM" -> {
        boolean full = false;
        String option;
        while ((option = cursor.acceptAny(VACUUM_OPTIONS)) != null) {
          full |= option.equals("FULL");
        }
        if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
          full |= fullOption(cursor.group());
        }
        TableOperation.Kind kind =
            full ? TableOperation.Kind.VACUUM_FULL : TableOperation.Kind.VACUUM;
        tables(cursor).forEach(t -> changes.add(new TableOperation(t, kind, "")));
      }
      case "ANALYZE", "ANALYSE", "OPTIMIZE" -> {
        if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
          cursor.group();
        }
        cursor.acceptAny(Set.of("VERBOSE", "TABLE", "NO_WRITE_TO_BINLOG", "LOCAL"));
        tables(cursor)
            .forEach(t -> changes.add(new TableOperation(t, TableOperation.Kind.ANALYZE, "")));
      }
      case "CLUSTER" -> {
        cursor.accept("VERBOSE");
        if (!cursor.atEnd()) {
          TableRef table = context.table(cursor.qualifiedName());
          changes.add(
              new TableOperation(
                  table, TableOperation.Kind.CLUSTER, TokenCursor.text(cursor.rest())));
        }
      }
      case "LOCK" -> {
        cursor.accept("TABLE");
        cursor.accept("TABLES");
        if (context.ids().dialect() == SqlDialect.MYSQL) {
          // MySQL: LOCK TABLES t [[AS] alias] READ|WRITE, u …: one mode per table.
          for (List<SqlToken> part : TokenCursor.splitCommas(cursor.rest())) {
            TokenCursor table = new TokenCursor(part);
            TableRef ref = context.table(table.qualifiedName());
            changes.add(
                new TableOperation(ref, TableOperation.Kind.LOCK, TokenCursor.text(table.rest())));
          }
          return Result.of(changes);
        }
        List<TableRef> tables = new ArrayList<>();
        do {
          cursor.accept("ONLY");
          tables.add(context.table(cursor.qualifiedName()));
          cursor.acceptType(SqlLexer.OTHER);
        } while (cursor.acceptType(SqlLexer.COMMA));
        String mode = TokenCursor.text(cursor.rest());
        tables.forEach(t -> changes.add(new TableOperation(t, TableOperation.Kind.LOCK, mode)));
      }
      default -> {
        cursor.expect("MATERIALIZED", "VIEW");
        boolean concurrently = cursor.accept("CONCURRENTLY");
        TableRef view = context.table(cursor.qualifiedName());
        changes.add(
            new TableOperation(
                view,
                TableOperation.Kind.REFRESH_MATERIALIZED_VIEW,
                concurrently ? "concurrently" : ""));
      }
    }
    return Result.of(changes);
  }

  private static final Set<String> VACUUM_OPTIONS =
      Set.of("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE");

  /** {@code (FULL)}, {@code (FULL true)}, but not {@code (FULL false)} or {@code (FULL off)}. */
  private static boolean fullOption(List<SqlToken> options) {
    for (List<SqlToken> option : TokenCursor.splitCommas(options)) {
      if (!option.isEmpty() && option.get(0).isWord("FULL")) {
        String value = option.size() > 1 ? option.get(1).text().toLowerCase(Locale.ROOT) : "true";
        return !Set.of("false", "off", "0").contains(value);
      }
    }
    return false;
  }

  private List<TableRef> tables(TokenCursor cursor) {
    List<TableRef> tables = new ArrayList<>();
    while (!cursor.atEnd()) {
      tables.add(context.table(cursor.qualifiedName()));
      if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
        cursor.group();
      }
      cursor.acceptType(SqlLexer.COMMA);
    }
    return tables;
  }

  private boolean isMysql() {
    return context.ids().dialect() == SqlDialect.MYSQL;
  }

  /** The catalog this reader sees. */
  Catalog catalog() {
    return context.catalog();
  }
}
