package dev.blastradius.lang.sql;

import dev.blastradius.change.CreateTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the rest of {@code CREATE TABLE}: column definitions and table constraints, {@code AS
 * query}, {@code PARTITION OF parent}, {@code LIKE other}. Table-level constraints make their
 * columns NOT NULL (primary keys) but are not separate changes: a new table has no rows to lock.
 */
final class CreateTableReader {

  private static final Set<String> CONSTRAINT_STARTS =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE");
  private static final Set<String> MYSQL_INDEX_STARTS =
      Set.of("KEY", "INDEX", "FULLTEXT", "SPATIAL");

  private CreateTableReader() {}

  static List<SchemaChange> read(TokenCursor cursor, DdlContext context) {
    cursor.accept("IF", "NOT", "EXISTS");
    TableRef table = context.table(cursor.qualifiedName());
    if (cursor.accept("PARTITION", "OF")) {
      TableRef parent = context.table(cursor.qualifiedName());
      cursor.rest();
      return List.of(
          new CreateTable(
              table,
              context.catalog().table(parent).map(Catalog.Table::columns).orElse(List.of())));
    }
    if (cursor.accept("AS")) {
      return List.of(new CreateTable(table, asQuery(cursor, context)));
    }
    List<Catalog.Column> columns = new ArrayList<>();
    Set<String> primaryKey = new HashSet<>();
    if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
      for (List<SqlToken> element : TokenCursor.splitCommas(cursor.group())) {
        element(element, table, context, columns, primaryKey);
      }
    }
    if (cursor.accept("AS")) {
      // MySQL: CREATE TABLE t (…) AS SELECT …; the query's columns come after the declared ones.
      columns.addAll(asQuery(cursor, context));
    }
    cursor.rest(); // INHERITS, PARTITION BY, WITH, TABLESPACE, ENGINE=…, options
    List<Catalog.Column> finished =
        columns.stream().map(c -> primaryKey.contains(c.name()) ? c.withNotNull(true) : c).toList();
    return List.of(new CreateTable(table, finished));
  }

  private static void element(
      List<SqlToken> element,
      TableRef table,
      DdlContext context,
      List<Catalog.Column> columns,
      Set<String> primaryKey) {
    if (element.isEmpty()) {
      return;
    }
    SqlToken first = element.get(0);
    if (first.type() == SqlLexer.WORD && first.isWord("LIKE")) {
      TokenCursor cursor = new TokenCursor(element);
      cursor.next();
      TableRef other = context.table(cursor.qualifiedName());
      context.catalog().table(other).ifPresent(t -> columns.addAll(t.columns()));
      return;
    }
    if (first.type() == SqlLexer.WORD && CONSTRAINT_STARTS.contains(first.upper())) {
      TokenCursor cursor = new TokenCursor(element);
      var constraint = TableConstraintReader.read(cursor, table, context);
      if (constraint.kind() == dev.blastradius.change.ConstraintKind.PRIMARY_KEY) {
        primaryKey.addAll(constraint.columnNames());
      }
      return;
    }
    if (first.type() == SqlLexer.WORD
        && MYSQL_INDEX_STARTS.contains(first.upper())
        && element.size() > 1
        && element.get(element.size() - 1).type() == SqlLexer.RPAREN
        && !isTypeName(element)) {
      return; // MySQL inline KEY/INDEX declarations
    }
    columns.add(ColumnDefinitionReader.read(element, table, context).column());
  }

  /** "key text" is a column named key; "KEY idx (a)" is an index. */
  private static boolean isTypeName(List<SqlToken> element) {
    return element.size() == 2;
  }

  private static List<Catalog.Column> asQuery(TokenCursor cursor, DdlContext context) {
    List<SqlToken> query = cursor.rest();
    // WITH [NO] DATA ends a CREATE TABLE AS; it is not part of the query.
    int end = query.size();
    for (int i = 0; i + 1 < query.size(); i++) {
      if (query.get(i).isWord("WITH")
          && (query.get(i + 1).isWord("DATA") || query.get(i + 1).isWord("NO"))) {
        end = i;
        break;
      }
    }
    return context
        .queryShapes()
        .of(TokenCursor.raw(query.subList(0, end)))
        .map(QueryShape::columns)
        .orElse(List.of())
        .stream()
        .map(name -> new Catalog.Column(name, "", false, null))
        .toList();
  }
}
