package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.lang.python.PyExpr;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a SQLAlchemy column declaration says, read from its call: {@code Column("db_name",
 * String(50), ForeignKey("users.id"), nullable=False)}, {@code mapped_column(name="db_name")}, a
 * bare {@code Mapped[str]} annotation, and {@code relationship(...)}, which maps no column. Shared
 * by the declarative models, Core tables and Alembic operations, which all use the same calls.
 */
public final class SqlAlchemyColumns {

  /** Calls that declare a column. */
  private static final Set<String> COLUMNS = Set.of("Column", "mapped_column");

  /** Calls that wrap a column declaration and keep it mapped. */
  private static final Set<String> WRAPPERS = Set.of("column_property", "deferred");

  /** Calls that map a relation to another class, without a column of their own. */
  private static final Set<String> RELATIONS =
      Set.of("relationship", "relation", "dynamic_loader", "backref");

  /** SQLAlchemy type classes and the SQL type they stand for (parameters are appended). */
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("string", "varchar"),
          Map.entry("unicode", "varchar"),
          Map.entry("varchar", "varchar"),
          Map.entry("text", "text"),
          Map.entry("unicodetext", "text"),
          Map.entry("integer", "integer"),
          Map.entry("int", "integer"),
          Map.entry("biginteger", "bigint"),
          Map.entry("bigint", "bigint"),
          Map.entry("smallinteger", "smallint"),
          Map.entry("boolean", "boolean"),
          Map.entry("date", "date"),
          Map.entry("time", "time"),
          Map.entry("numeric", "numeric"),
          Map.entry("float", "double precision"),
          Map.entry("json", "json"),
          Map.entry("jsonb", "jsonb"),
          Map.entry("uuid", "uuid"),
          Map.entry("uuidtype", "uuid"),
          Map.entry("largebinary", "bytea"),
          Map.entry("enum", "varchar"),
          Map.entry("interval", "interval"));

  private SqlAlchemyColumns() {}

  /** What an attribute maps to. */
  public enum Kind {
    COLUMN,
    FOREIGN_KEY,
    RELATION
  }

  /**
   * One declaration.
   *
   * @param column the column name, or null for a relation
   * @param target the related class of a relation, or the {@code "table.column"} a foreign key
   *     references, as written; or null
   * @param type the SQL type, or null when not known
   * @param nullable whether the column allows NULL (SQLAlchemy's default: yes, unless a key)
   * @param serverDefault the server default as SQL, or null
   */
  public record Declared(
      String column,
      Kind kind,
      PyExpr target,
      boolean primaryKey,
      String type,
      boolean nullable,
      String serverDefault) {}

  /** The simple name of a called function: {@code Column} for {@code sa.Column(…)}. */
  public static String simpleName(PyExpr.Call call) {
    String dotted = PyExpr.dotted(call.function()).orElse("");
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /** A class-body attribute, if it maps a column or relation. */
  public static Optional<Declared> attribute(String attribute, PyExpr annotation, PyExpr value) {
    if (value instanceof PyExpr.Call call) {
      String name = simpleName(call);
      if (WRAPPERS.contains(name)
          && call.positional(0).orElse(null) instanceof PyExpr.Call inner
          && COLUMNS.contains(simpleName(inner))) {
        return column(inner, attribute);
      }
      if (COLUMNS.contains(name)) {
        return column(call, attribute);
      }
      if (RELATIONS.contains(name)) {
        PyExpr target = call.positional(0).orElse(null);
        return Optional.of(
            new Declared(
                null,
                Kind.RELATION,
                target != null ? target : mappedClass(annotation),
                false,
                null,
                true,
                null));
      }
      return Optional.empty();
    }
    if (value == null
        && annotation instanceof PyExpr.Subscript subscript
        && PyExpr.dotted(subscript.value()).orElse("").endsWith("Mapped")) {
      boolean optional =
          subscript.index().stream()
              .anyMatch(i -> PyExpr.dotted(i).orElse("").contains("Optional") || allowsNone(i));
      return Optional.of(new Declared(attribute, Kind.COLUMN, null, false, null, optional, null));
    }
    return Optional.empty();
  }

  /** The class a {@code Mapped[list["Order"]]} or {@code Mapped[Optional[User]]} names. */
  private static PyExpr mappedClass(PyExpr annotation) {
    PyExpr type = annotation;
    while (type instanceof PyExpr.Subscript subscript && !subscript.index().isEmpty()) {
      type = subscript.index().get(0);
    }
    return type == annotation ? null : type;
  }

  /** Whether a type allows None: {@code int | None}, {@code Optional[int]}, {@code None}. */
  static boolean allowsNone(PyExpr expr) {
    if (expr instanceof PyExpr.BinOp union) {
      return allowsNone(union.left()) || allowsNone(union.right());
    }
    if (expr instanceof PyExpr.Subscript subscript) {
      return PyExpr.dotted(subscript.value()).orElse("").endsWith("Optional");
    }
    return expr instanceof PyExpr.Literal l && l.text().equals("None");
  }

  /**
   * A {@code Column(…)} or {@code mapped_column(…)} call: the name is its first string argument or
   * {@code name=}, else the attribute's; a {@code ForeignKey} argument makes it a foreign key.
   */
  public static Optional<Declared> column(PyExpr.Call call, String attribute) {
    String name =
        call.positional(0)
            .flatMap(PyExpr::string)
            .or(() -> call.keyword("name").flatMap(PyExpr::string))
            .orElse(attribute);
    if (name == null) {
      return Optional.empty();
    }
    Kind kind = Kind.COLUMN;
    PyExpr target = null;
    String type = null;
    for (PyExpr argument : call.positional()) {
      if (argument instanceof PyExpr.Call inner && simpleName(inner).equals("ForeignKey")) {
        kind = Kind.FOREIGN_KEY;
        target = inner.positional(0).orElse(null);
      } else if (type == null && !(argument instanceof PyExpr.Str)) {
        type = type(argument);
      }
    }
    type = call.keyword("type_").map(SqlAlchemyColumns::type).orElse(type);
    boolean primaryKey = flag(call, "primary_key");
    boolean nullable =
        call.keyword("nullable")
            .map(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
            .orElse(!primaryKey);
    String serverDefault = call.keyword("server_default").map(SqlAlchemyColumns::sql).orElse(null);
    return Optional.of(new Declared(name, kind, target, primaryKey, type, nullable, serverDefault));
  }

  /** Whether a keyword argument is literally {@code True}. */
  public static boolean flag(PyExpr.Call call, String keyword) {
    return call.keyword(keyword)
        .filter(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
        .isPresent();
  }

  /**
   * Whether a class keyword ({@code class Hero(SQLModel, table=True)}) is literally {@code True}.
   */
  public static boolean flag(Map<String, PyExpr> keywords, String keyword) {
    return keywords.get(keyword) instanceof PyExpr.Literal l && l.text().equals("True");
  }

  /** The SQL type of {@code String(50)}, {@code sa.Integer}, {@code DateTime(timezone=True)}. */
  public static String type(PyExpr expr) {
    PyExpr.Call call = expr instanceof PyExpr.Call c ? c : null;
    PyExpr named = call == null ? expr : call.function();
    String dotted = PyExpr.dotted(named).orElse(null);
    if (dotted == null) {
      return null;
    }
    String simple = dotted.substring(dotted.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (simple.equals("datetime") || simple.equals("timestamp")) {
      return call != null && flag(call, "timezone") ? "timestamptz" : "timestamp";
    }
    String sql = TYPES.get(simple);
    if (sql == null || call == null) {
      return sql;
    }
    StringBuilder parameters = new StringBuilder();
    for (PyExpr argument : call.positional()) {
      if (argument instanceof PyExpr.Literal literal && literal.text().matches("\\d+")) {
        parameters.append(parameters.length() == 0 ? "" : ",").append(literal.text());
      }
    }
    return parameters.length() == 0 || sql.equals("text") ? sql : sql + "(" + parameters + ")";
  }

  /** A server default as SQL: a string literal is quoted, {@code text("now()")} is the SQL. */
  static String sql(PyExpr value) {
    if (value instanceof PyExpr.Str str) {
      return "'" + str.value().replace("'", "''") + "'";
    }
    if (value instanceof PyExpr.Call call
        && simpleName(call).equals("text")
        && call.positional(0).orElse(null) instanceof PyExpr.Str str) {
      return str.value();
    }
    if (value instanceof PyExpr.Literal literal) {
      return literal.text();
    }
    return null;
  }
}
