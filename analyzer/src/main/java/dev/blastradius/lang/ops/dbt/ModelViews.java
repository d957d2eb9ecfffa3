package dev.blastradius.lang.ops.dbt;

import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * dbt models as views, so that a model reading {@code ref('stg_users')} reads the source columns
 * behind it: each referenced model is analysed as {@code CREATE VIEW <relation> AS <its SQL>} (its
 * own refs first) and the resulting view is added to the catalog of the model that refs it; the SQL
 * frontend then reports the base columns of every view column read, {@code via view}. Views are
 * kept per project for the last {@link ExtractContext} seen; a ref cycle or a model we cannot read
 * leaves that ref unknown (its columns are dropped).
 */
final class ModelViews {

  private ExtractContext context;
  private final Map<String, Optional<Catalog.Table>> views = new HashMap<>();

  /** The run's catalog with the models {@code refs} names, as views. */
  synchronized Catalog catalogWith(DbtProject project, Set<String> refs, ExtractContext context) {
    if (this.context != context) {
      this.context = context;
      views.clear();
    }
    return with(project, refs, new HashSet<>());
  }

  private Catalog with(DbtProject project, Set<String> refs, Set<String> visiting) {
    if (refs.isEmpty()) {
      return context.catalog();
    }
    Catalog.Builder catalog = context.catalog().toBuilder();
    for (String ref : refs) {
      view(project, ref, visiting)
          .ifPresent(t -> catalog.createView(t.ref(), t.columns(), t.sources()));
    }
    return catalog.build();
  }

  private Optional<Catalog.Table> view(DbtProject project, String model, Set<String> visiting) {
    String key = project.dir() + "/" + model;
    if (views.containsKey(key)) {
      return views.get(key);
    }
    if (!visiting.add(model)) {
      return Optional.empty();
    }
    Optional<Catalog.Table> view = define(project, model, visiting);
    visiting.remove(model);
    views.put(key, view);
    return view;
  }

  private Optional<Catalog.Table> define(DbtProject project, String model, Set<String> visiting) {
    SourceFile file = project.models().get(model);
    if (file == null) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file.absolutePath(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The model's own extraction reports the unreadable file.
      return Optional.empty();
    }
    ModelSql sql = ModelSql.of(text, project);
    Catalog catalog = with(project, sql.refs(), visiting);
    String relation = ModelSql.relation(model);
    SqlAnalysis analysis =
        context.sql().analyze("CREATE VIEW " + relation + " AS " + sql.sql(), catalog);
    return analysis.catalogAfter().tables().stream()
        .filter(t -> t.view() && t.ref().name().equalsIgnoreCase(relation))
        .findFirst();
  }
}
