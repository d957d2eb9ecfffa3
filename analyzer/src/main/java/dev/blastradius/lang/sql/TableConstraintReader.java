package dev.blastradius.lang.sql;

import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * Reads a table constraint: {@code [CONSTRAINT name] PRIMARY KEY (…) | UNIQUE (…) | UNIQUE USING
 * INDEX idx | CHECK (…) | FOREIGN KEY (…) REFERENCES t (…) | EXCLUDE …}, then {@code NOT VALID} and
 * deferrability.
 */
final class TableConstraintReader {

  /**
   * MySQL index options that take one value: {@code COMMENT 'text'}, {@code KEY_BLOCK_SIZE = 8}.
   */
  private static final java.util.Set<String> MYSQL_VALUED_INDEX_OPTIONS =
      java.util.Set.of(
          "COMMENT", "KEY_BLOCK_SIZE", "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE");

  private TableConstraintReader() {}

  static AddConstraint read(TokenCursor cursor, TableRef table, DdlContext context) {
    String name = null;
    if (cursor.accept("CONSTRAINT")) {
      name = context.name(cursor.identifier());
    }
    ConstraintKind kind;
    List<String> columns = List.of();
    TableRef referenced = null;
    List<String> referencedColumns = List.of();
    String expression = null;
    String usingIndex = null;
    if (cursor.accept("PRIMARY", "KEY") || cursor.accept("UNIQUE")) {
      kind = cursor.previousIsWord("UNIQUE") ? ConstraintKind.UNIQUE : ConstraintKind.PRIMARY_KEY;
      cursor.accept("NULLS", "NOT", "DISTINCT");
      cursor.acceptAny(java.util.Set.of("KEY", "INDEX"));
      if (cursor.accept("USING", "INDEX")) {
        usingIndex = context.name(cursor.identifier());
      } else {
        if (cursor.atIdentifier() && !cursor.peekWords("USING")) {
          cursor.identifier(); // MySQL index name
        }
        columns = context.columnList(cursor.group());
      }
    } else if (cursor.accept("CHECK")) {
      kind = ConstraintKind.CHECK;
      List<SqlToken> body = cursor.group();
      expression = TokenCursor.text(body);
      columns = context.columnsNamedIn(body, table);
    } else if (cursor.accept("FOREIGN", "KEY")) {
      kind = ConstraintKind.FOREIGN_KEY;
      if (cursor.atIdentifier()) {
        cursor.identifier(); // MySQL index name
      }
      columns = context.columnList(cursor.group());
      cursor.expect("REFERENCES");
      referenced = context.table(cursor.qualifiedName());
      if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
        referencedColumns = context.columnList(cursor.group());
      }
      ColumnDefinitionReader.skipReferentialActions(cursor);
    } else if (cursor.accept("EXCLUDE")) {
      kind = ConstraintKind.EXCLUDE;
      List<SqlToken> rest = cursor.until(java.util.Set.of("NOT", "DEFERRABLE", "INITIALLY"));
      expression = TokenCursor.text(rest);
      columns = context.columnsNamedIn(rest, table);
    } else {
      throw cursor.notUnderstood("unknown constraint");
    }
    boolean notValid = false;
    while (!cursor.atEnd()) {
      if (cursor.accept("NOT", "VALID")) {
        notValid = true;
      } else if (cursor.accept("NOT", "DEFERRABLE")
          || cursor.accept("DEFERRABLE")
          || cursor.accept("INITIALLY", "DEFERRED")
          || cursor.accept("INITIALLY", "IMMEDIATE")
          || cursor.accept("NO", "INHERIT")
          || cursor.accept("ENFORCED")
          || cursor.accept("NOT", "ENFORCED")) {
        continue;
      } else if (cursor.accept("USING") || cursor.accept("WITH") || cursor.accept("INCLUDE")) {
        cursor.rest();
      } else if (cursor.accept("VISIBLE") || cursor.accept("INVISIBLE")) {
        continue; // MySQL index options
      } else if (cursor.acceptAny(MYSQL_VALUED_INDEX_OPTIONS) != null) {
        if (cursor.peek() != null && cursor.peek().text().equals("=")) {
          cursor.next();
        }
        if (cursor.atEnd()) {
          throw cursor.notUnderstood("index option without a value");
        }
        cursor.next();
      } else {
        throw cursor.notUnderstood("unexpected text after constraint");
      }
    }
    return new AddConstraint(
        table,
        name,
        kind,
        columns,
        referenced,
        referencedColumns,
        expression,
        notValid,
        usingIndex);
  }
}
