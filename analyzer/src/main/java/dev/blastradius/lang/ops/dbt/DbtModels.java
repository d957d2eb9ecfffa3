package dev.blastradius.lang.ops.dbt;

import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.lang.sql.SqlFileFrontend;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import java.util.Optional;

/**
 * The SQL files of a dbt project. A model ({@code models/**}.sql, and analyses and snapshots) is a
 * {@code dashboard} entry point named {@code dbt model <name>}; a data test a {@code test} entry
 * point; macros are skipped (they access nothing until a model calls them). Jinja is removed by
 * {@link ModelSql}: {@code {{ source('app', 'users') }}} becomes the table its {@code sources:}
 * entry names; a column read through {@code {{ ref('stg_users') }}} counts as a read of the source
 * columns behind it ({@link ModelViews}), while the model's own columns, relations of the warehouse
 * rather than of the application database, are never reported.
 */
public final class DbtModels {

  private final DbtProjects projects = new DbtProjects();
  private final ModelViews views = new ModelViews();

  /**
   * The facts of {@code file} when it is a SQL file of a dbt project; empty when it is not, and the
   * caller reads it as plain SQL.
   */
  public Optional<FileFacts> extract(SourceFile file, String text, ExtractContext context) {
    Optional<DbtProject> project = projects.projectOf(file, context);
    if (project.isEmpty()) {
      return Optional.empty();
    }
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    DbtProject.Role role = project.get().role(file.path());
    if (role == DbtProject.Role.MACRO) {
      return Optional.of(facts.build());
    }
    String unitId = SqlFileFrontend.unitId(file.path());
    Location start = Location.ofLine(file.path(), 1);
    facts.unit(new CodeUnit(unitId, file.fileName(), unitId, 0, start));
    String name = file.fileName().substring(0, file.fileName().length() - ".sql".length());
    facts.entryPoint(
        unitId,
        role == DbtProject.Role.TEST
            ? new EntryPoint(EntryPointKind.TEST, "dbt test " + name, start)
            : new EntryPoint(EntryPointKind.DASHBOARD, "dbt model " + name, start));
    ModelSql model = ModelSql.of(text, project.get());
    for (String source : model.unresolved()) {
      facts.problem(
          new AnalysisProblem(
              file.path(),
              "extract",
              source
                  + " is not declared in a sources: list of the dbt project"
                  + (project.get().dir().isEmpty() ? "" : " at " + project.get().dir())
                  + errors(project.get())
                  + "; the columns read from it are not known",
              0));
    }
    SqlAnalysis analysis =
        context.sql().analyze(model.sql(), views.catalogWith(project.get(), model.refs(), context));
    HostedSql.record(
        facts,
        analysis,
        unitId,
        Via.SQL,
        Confidence.CERTAIN,
        s -> SqlFileFrontend.statementLocation(file.path(), s),
        s ->
            HostedSql.snippet(
                String.join(
                    " ",
                    text.lines()
                        .skip(s.startLine() - 1L)
                        .limit(Math.max(1, s.endLine() - s.startLine() + 1L))
                        .toList())),
        "extract");
    return Optional.of(facts.build());
  }

  private static String errors(DbtProject project) {
    return project.errors().isEmpty() ? "" : " (" + String.join("; ", project.errors()) + ")";
  }
}
