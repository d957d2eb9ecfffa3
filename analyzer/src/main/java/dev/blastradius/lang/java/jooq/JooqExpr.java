package dev.blastradius.lang.java.jooq;

import dev.blastradius.lang.java.StringTemplate;
import java.util.List;

/**
 * What an argument of a jOOQ DSL call is, as far as the columns it touches go. Table and field
 * references stay symbolic ({@code USERS.EMAIL}) until every file is read and the generated classes
 * can name them.
 */
sealed interface JooqExpr {

  /**
   * A table: a generated table constant ({@code USERS}, {@code Tables.USERS}), a variable of a
   * generated table type, or plain SQL ({@code DSL.table("users")}).
   *
   * @param constant the table constant, or null
   * @param className the generated class the reference is typed with, or null
   * @param alias the alias given with {@code as("u")}, or null
   * @param plain the plain SQL name, or null
   */
  record Table(String constant, String className, String alias, StringTemplate plain)
      implements JooqExpr {}

  /** A field of a table: {@code USERS.EMAIL}, {@code u.EMAIL}. */
  record Field(Table table, String constant) implements JooqExpr {}

  /**
   * Plain SQL ({@code DSL.field("lower(email)")}, {@code DSL.condition("active")}) with the query
   * parts its {@code {0}} placeholders stand for.
   */
  record Plain(StringTemplate sql, List<JooqExpr> arguments) implements JooqExpr {
    public Plain {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code asterisk()} or {@code USERS.asterisk()}: every column (of the table, when given). */
  record Star(Table table) implements JooqExpr {}

  /** Any other expression: the references and plain SQL found inside it, in order. */
  record Composite(List<JooqExpr> parts) implements JooqExpr {
    public Composite {
      parts = List.copyOf(parts);
    }
  }

  /** A value bound to the query (a literal, a Java variable). */
  record Value() implements JooqExpr {}

  /** Something we cannot see into: a query part built elsewhere. */
  record Unknown() implements JooqExpr {}
}
