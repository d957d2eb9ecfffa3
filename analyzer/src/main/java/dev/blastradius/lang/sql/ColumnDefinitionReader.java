package dev.blastradius.lang.sql;

import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a column definition — {@code name type [constraints…]} — from tokens, for CREATE TABLE and
 * ADD COLUMN (Postgres and MySQL). Inline constraints other than NOT NULL are returned as {@link
 * AddConstraint}s so rules see them like table-level ones.
 */
final class ColumnDefinitionReader {

  /** Words that end the type and start a column constraint or option. */
  private static final Set<String> CONSTRAINT_WORDS =
      Set.of(
          "NOT",
          "NULL",
          "DEFAULT",
          "PRIMARY",
          "UNIQUE",
          "CHECK",
          "REFERENCES",
          "CONSTRAINT",
          "GENERATED",
          "COLLATE",
          "AUTO_INCREMENT",
          "COMMENT",
          "ON",
          "FIRST",
          "AFTER",
          "CHARACTER",
          "CHARSET",
          "VISIBLE",
          "INVISIBLE",
          "STORAGE",
          "COMPRESSION");

  /** A column definition with the constraints declared on it. */
  record Definition(Catalog.Column column, List<AddConstraint> constraints) {}

  private ColumnDefinitionReader() {}

  /** Reads one definition spanning all of {@code tokens}. */
  static Definition read(List<SqlToken> tokens, TableRef table, DdlContext context) {
    TokenCursor cursor = new TokenCursor(tokens);
    String name = context.name(cursor.identifier());
    List<SqlToken> typeTokens = new ArrayList<>();
    while (!cursor.atEnd()
        && !(cursor.peek().type() == SqlLexer.WORD
            && CONSTRAINT_WORDS.contains(cursor.peek().upper())
            && !typeTokens.isEmpty())) {
      SqlToken token = cursor.peek();
      if (token.type() == SqlLexer.LPAREN) {
        typeTokens.add(token);
        List<SqlToken> inner = cursor.group();
        typeTokens.addAll(inner);
        typeTokens.add(new SqlToken(SqlLexer.RPAREN, ")", token.line(), token.column()));
      } else {
        typeTokens.add(cursor.next());
      }
    }
    String type = TokenCursor.text(typeTokens);
    boolean notNull = false;
    String defaultExpression = null;
    List<AddConstraint> constraints = new ArrayList<>();
    String constraintName = null;
    while (!cursor.atEnd()) {
      if (cursor.accept("CONSTRAINT")) {
        constraintName = context.name(cursor.identifier());
      } else if (cursor.accept("NOT", "NULL")) {
        notNull = true;
      } else if (cursor.accept("NULL")) {
        notNull = false;
      } else if (cursor.accept("DEFAULT")) {
        defaultExpression = TokenCursor.text(cursor.until(CONSTRAINT_WORDS));
      } else if (cursor.accept("PRIMARY", "KEY")) {
        notNull = true;
        constraints.add(
            constraint(
                table, constraintName, ConstraintKind.PRIMARY_KEY, name, null, List.of(), null));
        constraintName = null;
      } else if (cursor.accept("UNIQUE")) {
        cursor.accept("KEY");
        constraints.add(
            constraint(table, constraintName, ConstraintKind.UNIQUE, name, null, List.of(), null));
        constraintName = null;
      } else if (cursor.accept("CHECK")) {
        String body = TokenCursor.text(cursor.group());
        cursor.accept("NO", "INHERIT");
        constraints.add(
            constraint(table, constraintName, ConstraintKind.CHECK, name, null, List.of(), body));
        constraintName = null;
      } else if (cursor.accept("REFERENCES")) {
        TableRef referenced = context.table(cursor.qualifiedName());
        List<String> referencedColumns =
            cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN
                ? context.columnList(cursor.group())
                : List.of();
        skipReferentialActions(cursor);
        constraints.add(
            constraint(
                table,
                constraintName,
                ConstraintKind.FOREIGN_KEY,
                name,
                referenced,
                referencedColumns,
                null));
        constraintName = null;
      } else if (cursor.accept("GENERATED")) {
        // GENERATED ALWAYS AS (expr) STORED, or GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(…)]
        List<SqlToken> rest = cursor.until(CONSTRAINT_WORDS_WITHOUT_GENERATED);
        String generated = TokenCursor.text(rest);
        defaultExpression = "generated " + generated;
        if (generated.contains("identity")) {
          notNull = true;
        }
      } else if (cursor.accept("AUTO_INCREMENT")) {
        // MySQL fills it like an identity column: writers may omit it.
        defaultExpression = "auto_increment";
      } else {
        // COLLATE x, COMMENT 'x', ON UPDATE …, FIRST/AFTER: no effect on access.
        cursor.next();
      }
    }
    if (type.equals("serial") || type.equals("bigserial") || type.equals("smallserial")) {
      notNull = true;
    }
    return new Definition(new Catalog.Column(name, type, notNull, defaultExpression), constraints);
  }

  private static final Set<String> CONSTRAINT_WORDS_WITHOUT_GENERATED =
      Set.of(
          "NOT",
          "NULL",
          "DEFAULT",
          "PRIMARY",
          "UNIQUE",
          "CHECK",
          "REFERENCES",
          "CONSTRAINT",
          "COLLATE");

  /** ON DELETE/UPDATE actions, MATCH, DEFERRABLE … after REFERENCES. */
  static void skipReferentialActions(TokenCursor cursor) {
    while (!cursor.atEnd()) {
      if (cursor.accept("ON", "DELETE") || cursor.accept("ON", "UPDATE")) {
        if (!(cursor.accept("NO", "ACTION")
            || cursor.accept("SET", "NULL")
            || cursor.accept("SET", "DEFAULT"))) {
          cursor.next();
        }
      } else if (cursor.accept("MATCH")) {
        cursor.next();
      } else if (cursor.accept("NOT", "DEFERRABLE")
          || cursor.accept("DEFERRABLE")
          || cursor.accept("INITIALLY", "DEFERRED")
          || cursor.accept("INITIALLY", "IMMEDIATE")) {
        continue;
      } else {
        return;
      }
    }
  }

  private static AddConstraint constraint(
      TableRef table,
      String name,
      ConstraintKind kind,
      String column,
      TableRef referenced,
      List<String> referencedColumns,
      String expression) {
    return new AddConstraint(
        table, name, kind, List.of(column), referenced, referencedColumns, expression, false, null);
  }
}
