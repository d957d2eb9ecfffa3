package dev.blastradius.lang.python.sqlalchemy;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.Binding;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A SQLAlchemy Core table, {@code users = Table("users", metadata, Column("email", String))}, found
 * through the variable a query names ({@code users.c.email}, {@code users.update()}).
 *
 * @param columns the declared columns, in order
 */
record CoreTable(TableRef table, List<ColumnRef> columns) {

  /** The table a name or attribute is bound to, if it is bound to a {@code Table(…)} call. */
  static Optional<CoreTable> of(PyExpr expr, PySite site) {
    if (!(expr instanceof PyExpr.Name) && !(expr instanceof PyExpr.Attr)) {
      return Optional.empty();
    }
    for (Binding binding : site.definitions(expr)) {
      if (binding.value() instanceof PyExpr.Call call) {
        Optional<CoreTable> table = of(call, site.project().context().sql().identifiers());
        if (table.isPresent()) {
          return table;
        }
      }
    }
    return Optional.empty();
  }

  /** The table a {@code Table("name", metadata, Column(…), …)} call declares. */
  static Optional<CoreTable> of(PyExpr.Call call, Identifiers ids) {
    if (!SqlAlchemyColumns.simpleName(call).equals("Table")) {
      return Optional.empty();
    }
    Optional<String> name = call.positional(0).flatMap(PyExpr::string);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    call.keyword("schema").flatMap(PyExpr::string).ifPresent(s -> parts.add(quoted(s)));
    parts.add(quoted(name.get()));
    TableRef table = ids.table(parts);
    List<ColumnRef> columns = new ArrayList<>();
    for (PyExpr argument : call.positional()) {
      if (argument instanceof PyExpr.Call column
          && SqlAlchemyColumns.simpleName(column).equals("Column")) {
        SqlAlchemyColumns.column(column, null)
            .ifPresent(d -> columns.add(table.column(ids.normalize(quoted(d.column())))));
      }
    }
    return Optional.of(new CoreTable(table, columns));
  }

  /** A name as SQLAlchemy sends it: quoted when it is not all lower case. */
  private static String quoted(String name) {
    return name.equals(name.toLowerCase(Locale.ROOT)) ? name : "\"" + name + "\"";
  }

  /** A column of this table by name, declared or not (the catalog may know more). */
  ColumnRef column(String name, Identifiers ids) {
    for (ColumnRef column : columns) {
      if (column.column().equals(ids.normalize(quoted(name)))) {
        return column;
      }
    }
    return table.column(ids.normalize(quoted(name)));
  }
}
