package dev.blastradius.lang.ops.dashboards;

import dev.blastradius.lang.ops.dashboards.LocatedTree.Arr;
import dev.blastradius.lang.ops.dashboards.LocatedTree.Obj;
import dev.blastradius.lang.ops.dashboards.LocatedTree.Scalar;
import dev.blastradius.lang.ops.dashboards.LocatedTree.Value;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Native SQL of Metabase questions and Redash queries, wherever they sit in an export (one card, a
 * list, an API page's {@code results}, a dashboard's cards or widgets):
 *
 * <ul>
 *   <li>Metabase (API card JSON or serialization YAML): an object with {@code dataset_query: {type:
 *       native, native: {query: …}}}, or a stage {@code {lib/type: mbql.stage/native, native: …}}
 *       of the newer query format; named by its {@code name};
 *   <li>Redash: an object with a string {@code query} and a {@code data_source_id}; named by its
 *       {@code name}.
 * </ul>
 */
final class NativeQuestions {

  private final Predicate<Scalar> linesFollow;

  /**
   * @param linesFollow whether the lines of a SQL value follow its token in the file (a YAML block
   *     scalar)
   */
  NativeQuestions(Predicate<Scalar> linesFollow) {
    this.linesFollow = linesFollow;
  }

  /** Collects the native queries of {@code value} and everything inside it, in document order. */
  void collect(Value value, List<DashboardQuery> queries) {
    if (value instanceof Arr arr) {
      arr.items().forEach(item -> collect(item, queries));
      return;
    }
    if (!(value instanceof Obj obj)) {
      return;
    }
    String name = obj.text("name");
    Optional<Obj> datasetQuery = obj.obj("dataset_query");
    if (datasetQuery.isPresent()) {
      metabase(datasetQuery.get(), name, queries);
    } else if (obj.get("data_source_id").isPresent()) {
      obj.scalar("query")
          .filter(Scalar::string)
          .ifPresent(q -> add(q, "Redash query " + orId(name, obj), queries));
    }
    obj.fields().forEach((field, inner) -> collect(inner, queries));
  }

  private void metabase(Obj datasetQuery, String name, List<DashboardQuery> queries) {
    String label = "Metabase question " + (name.isBlank() ? "(unnamed)" : name);
    if (datasetQuery.text("type").equals("native")) {
      datasetQuery
          .obj("native")
          .flatMap(n -> n.scalar("query"))
          .filter(Scalar::string)
          .ifPresent(q -> add(q, label, queries));
    }
    for (Obj stage : datasetQuery.objects("stages")) {
      if (stage.text("lib/type").equals("mbql.stage/native")) {
        stage.scalar("native").filter(Scalar::string).ifPresent(q -> add(q, label, queries));
      }
    }
  }

  private static String orId(String name, Obj obj) {
    return name.isBlank() ? "#" + obj.text("id") : name;
  }

  private void add(Scalar sql, String name, List<DashboardQuery> queries) {
    if (sql.text().isBlank()) {
      return;
    }
    queries.add(
        new DashboardQuery(
            TemplateTags.neutralise(sql.text()), sql.line(), linesFollow.test(sql), name));
  }
}
