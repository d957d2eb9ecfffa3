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
   * generated table type, plain SQL ({@code DSL.table("users")}), or an implicit-join path from
   * another table ({@code PAYMENT.rental()}).
   *
   * @param constant the table constant, or null
   * @param className the generated class the reference is typed with, or null
   * @param alias the alias given with {@code as("u")}, or null
   * @param plain the plain SQL name, or null
   * @param parent for a path, the table it starts from, else null
   * @param path for a path, the generated path method ({@code rental}), else null
   */
  record Table(
      String constant,
      String className,
      String alias,
      StringTemplate plain,
      Table parent,
      String path)
      implements JooqExpr {

    Table(String constant, String className, String alias, StringTemplate plain) {
      this(constant, className, alias, plain, null, null);
    }

    /** The same table under an alias. */
    Table as(String newAlias) {
      return new Table(constant, className, newAlias, plain, parent, path);
    }
  }

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
