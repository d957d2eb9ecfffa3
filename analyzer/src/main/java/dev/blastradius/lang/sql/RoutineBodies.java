package dev.blastradius.lang.sql;

import dev.blastradius.change.CreateFunction;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of a SQL or PL/pgSQL function or procedure, or of a MySQL routine or trigger: the
 * SQL it runs, placed at its line in the migration file, and (for trigger functions) its NEW/OLD
 * row references. Bodies in languages that can run SQL we cannot read (PL/Python, PL/v8, PL/Perl)
 * are problems.
 */
public final class RoutineBodies {

  /** Languages whose bodies may run SQL we have no reader for. */
  private static final Set<String> OPAQUE_LANGUAGES =
      Set.of("plpython3u", "plpythonu", "plv8", "plperl", "plperlu", "pltcl");

  /**
   * A {@code NEW.col} ({@code write} when assigned) or {@code OLD.col} reference.
   *
   * @param line the line in the migration file
   */
  public record RowReference(String column, boolean write, int line) {}

  /**
   * What a body does.
   *
   * @param statements the SQL it runs, lines in the migration file
   * @param rows the NEW/OLD references of a trigger function
   * @param problems what could not be read, as {@code (line, message)}
   */
  public record Body(
      List<AnalyzedStatement> statements, List<RowReference> rows, List<Problem> problems) {}

  /** Something in a body we could not read. */
  public record Problem(int line, String message) {}

  private RoutineBodies() {}

  /** Reads {@code function}'s body against {@code catalog}. */
  public static Body read(SqlFrontend sql, CreateFunction function, Catalog catalog) {
    String body = function.body();
    int offset = Math.max(0, function.bodyLine() - 1);
    List<AnalyzedStatement> statements = new ArrayList<>();
    List<RowReference> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (body == null) {
      return new Body(statements, rows, problems);
    }
    switch (function.language()) {
      case "sql" ->
          sql.analyzeRoutineSql(body, catalog)
              .statements()
              .forEach(s -> statements.add(s.movedDown(offset, Confidence.CERTAIN)));
      case "plpgsql", "mysql" -> {
        DdlContext context =
            new DdlContext(sql.identifiers(), catalog, query -> java.util.Optional.empty());
        PlpgsqlReader.Result read =
            PlpgsqlReader.read(
                body,
                context,
                function.language().equals("mysql") ? SqlDialect.MYSQL : SqlDialect.POSTGRES);
        for (PlpgsqlReader.Embedded embedded : read.sql()) {
          Confidence cap = embedded.dynamic() ? Confidence.POSSIBLE : Confidence.CERTAIN;
          int lines = offset + embedded.line() - 1;
          sql.analyzeRoutineSql(embedded.sql(), catalog)
              .statements()
              .forEach(s -> statements.add(s.movedDown(lines, cap)));
        }
        read.rows()
            .forEach(r -> rows.add(new RowReference(r.column(), r.write(), offset + r.line())));
        read.problems().forEach(p -> problems.add(new Problem(offset + p.line(), p.message())));
      }
      default -> {
        if (OPAQUE_LANGUAGES.contains(function.language())) {
          problems.add(
              new Problem(
                  function.bodyLine(),
                  "the body of "
                      + function.function().displayName()
                      + "() is "
                      + function.language()
                      + ", which blastradius cannot read: its database accesses are missing"));
        }
      }
    }
    return new Body(statements, rows, problems);
  }
}
