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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL files of a dbt project. A model ({@code models/**}.sql, and analyses and snapshots) is a
 * {@code dashboard} entry point named {@code dbt model <name>}; a data test a {@code test} entry
 * point; macros are skipped (they access nothing until a model calls them). Jinja is removed by
 * {@link JinjaText}: {@code {{ source('app', 'users') }}} becomes the table its {@code sources:}
 * entry names, {@code {{ ref('stg_users') }}} a name built on {@link HostedSql#DYNAMIC_PART}, so
 * columns read through another model are dropped (a model is a relation of the warehouse, not of
 * the application database: only source columns count), {@code {{ config(…) }}} is blanked and any
 * other expression becomes {@link HostedSql#DYNAMIC_PART}.
 */
public final class DbtModels {

  private static final Set<String> BLANKED_CALLS = Set.of("config", "log", "print");

  private final DbtProjects projects = new DbtProjects();

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
    List<String> unresolved = new ArrayList<>();
    String sql = JinjaText.strip(text, e -> expression(e, project.get(), unresolved));
    for (String source : unresolved) {
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
    SqlAnalysis analysis = context.sql().analyze(sql, context.catalog());
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

  /** The SQL for a Jinja expression, or null to blank it. */
  private static String expression(String expression, DbtProject project, List<String> unresolved) {
    Optional<JinjaCall> call = JinjaCall.parse(expression);
    if (call.isEmpty()) {
      return HostedSql.DYNAMIC_PART;
    }
    List<String> strings = call.get().strings();
    switch (call.get().name()) {
      case "source":
        if (strings.size() == 2) {
          Optional<String> table = project.source(strings.get(0), strings.get(1));
          if (table.isPresent()) {
            return table.get();
          }
          unresolved.add("source('" + strings.get(0) + "', '" + strings.get(1) + "')");
        }
        return HostedSql.DYNAMIC_PART;
      case "ref":
        return strings.isEmpty()
            ? HostedSql.DYNAMIC_PART
            : HostedSql.DYNAMIC_PART + "_" + strings.get(strings.size() - 1);
      default:
        return BLANKED_CALLS.contains(call.get().name()) ? null : HostedSql.DYNAMIC_PART;
    }
  }
}
