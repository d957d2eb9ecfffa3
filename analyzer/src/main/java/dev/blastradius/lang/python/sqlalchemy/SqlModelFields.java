package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.lang.python.PyExpr;
import java.util.Optional;

/**
 * What a SQLModel field declares. In a {@code class Hero(SQLModel, table=True)} every annotated
 * attribute is a column named after it ({@code name: str}, {@code age: int | None = None}, {@code
 * id: int | None = Field(default=None, primary_key=True)}), a {@code Field(foreign_key="team.id")}
 * is a foreign key, {@code Field(sa_column=Column("db_name", …))} is that column, and {@code
 * Relationship(…)} maps no column; {@code ClassVar}s and private ({@code _x}) attributes are not
 * fields.
 */
final class SqlModelFields {

  private SqlModelFields() {}

  /** A class-body attribute of a SQLModel table class, if it maps a column or relation. */
  static Optional<SqlAlchemyColumns.Declared> attribute(
      String attribute, PyExpr annotation, PyExpr value) {
    if (attribute.startsWith("_") || annotation == null || isClassVar(annotation)) {
      return Optional.empty();
    }
    boolean nullable = SqlAlchemyColumns.allowsNone(annotation);
    if (value instanceof PyExpr.Call call) {
      String name = SqlAlchemyColumns.simpleName(call);
      if (name.equals("Relationship")) {
        return Optional.of(
            new SqlAlchemyColumns.Declared(
                null,
                SqlAlchemyColumns.Kind.RELATION,
                relatedClass(annotation),
                false,
                null,
                true,
                null));
      }
      if (name.equals("Field")) {
        return field(attribute, call, nullable);
      }
      Optional<SqlAlchemyColumns.Declared> plain =
          SqlAlchemyColumns.attribute(attribute, annotation, value);
      if (plain.isPresent()) {
        return plain;
      }
    }
    return Optional.of(
        new SqlAlchemyColumns.Declared(
            attribute, SqlAlchemyColumns.Kind.COLUMN, null, false, null, nullable, null));
  }

  /** {@code Field(…)}: its {@code sa_column}, else a column named after the attribute. */
  private static Optional<SqlAlchemyColumns.Declared> field(
      String attribute, PyExpr.Call call, boolean nullable) {
    if (call.keyword("sa_column").orElse(null) instanceof PyExpr.Call column) {
      return SqlAlchemyColumns.column(column, attribute);
    }
    boolean primaryKey = SqlAlchemyColumns.flag(call, "primary_key");
    Optional<PyExpr> foreignKey = call.keyword("foreign_key").filter(PyExpr.Str.class::isInstance);
    boolean nullableFlag =
        call.keyword("nullable")
            .map(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
            .orElse(nullable && !primaryKey);
    return Optional.of(
        new SqlAlchemyColumns.Declared(
            attribute,
            foreignKey.isPresent()
                ? SqlAlchemyColumns.Kind.FOREIGN_KEY
                : SqlAlchemyColumns.Kind.COLUMN,
            foreignKey.orElse(null),
            primaryKey,
            null,
            nullableFlag,
            null));
  }

  private static boolean isClassVar(PyExpr annotation) {
    PyExpr type = annotation instanceof PyExpr.Subscript s ? s.value() : annotation;
    return PyExpr.dotted(type).orElse("").endsWith("ClassVar");
  }

  /** The class a relationship annotation names: {@code list["Hero"]}, {@code Team | None}. */
  private static PyExpr relatedClass(PyExpr annotation) {
    PyExpr type = annotation;
    while (true) {
      if (type instanceof PyExpr.Subscript subscript && !subscript.index().isEmpty()) {
        type = subscript.index().get(0);
      } else if (type instanceof PyExpr.BinOp union) {
        type =
            union.left() instanceof PyExpr.Literal l && l.text().equals("None")
                ? union.right()
                : union.left();
      } else {
        return type;
      }
    }
  }
}
