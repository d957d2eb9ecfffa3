package dev.blastradius.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.BlastRadius;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.pipeline.Coverage;
import dev.blastradius.pipeline.Note;
import dev.blastradius.report.ReportModel;
import dev.blastradius.report.ToolInfo;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.Suppressions;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.AnalysisProblem;

/**
 * The JSON report, schemaVersion 1 (DESIGN §4; schema in {@code schemas/report.schema.json}). A
 * public contract: fields may be added, never renamed or removed without a new schemaVersion.
 */
public final class JsonReport {

  public static final int SCHEMA_VERSION = 1;

  private JsonReport() {}

  /** The report as text. */
  public static String render(ReportModel model) {
    AnalysisResult result = model.result();
    ObjectNode root = Json.object();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", ToolInfo.NAME);
    tool.put("version", ToolInfo.version());
    ArrayNode columns = root.putArray("columns");
    for (ColumnRef column : model.columns()) {
      columns.add(column(column, result));
    }
    if (model.checked()) {
      ArrayNode findings = root.putArray("findings");
      result.findings().forEach(f -> findings.add(finding(f)));
      ArrayNode suppressed = root.putArray("suppressed");
      for (Suppressions.SuppressedFinding s : result.suppressed()) {
        ObjectNode node = finding(s.finding());
        ObjectNode by = node.putObject("suppressedBy");
        by.put("path", s.by().where().path())
            .put("line", s.by().where().startLine())
            .put("kind", s.by().scope().name().toLowerCase(java.util.Locale.ROOT))
            .put("reason", s.by().reason());
        suppressed.add(node);
      }
      result
          .hiddenByBaseline()
          .ifPresent(hidden -> root.putObject("baseline").put("hidden", hidden));
    }
    root.set("coverage", coverage(result.coverage()));
    ArrayNode notes = root.putArray("notes");
    for (Note note : result.notes()) {
      notes.addObject().put("path", note.path()).put("message", note.message());
    }
    ArrayNode problems = root.putArray("problems");
    for (AnalysisProblem problem : result.problems()) {
      ObjectNode node = problems.addObject();
      node.put("path", problem.path()).put("pass", problem.pass()).put("message", problem.cause());
      problem.knownLine().ifPresent(line -> node.put("line", line));
    }
    return Json.write(root);
  }

  private static ObjectNode column(ColumnRef column, AnalysisResult result) {
    ObjectNode node = Json.object();
    node.put("table", column.table()).put("column", column.column()).put("schema", column.schema());
    BlastRadius radius = result.graph().blastRadius(column);
    node.putObject("blastRadius")
        .put("entryPoints", radius.entryPoints())
        .put("files", radius.files());
    ArrayNode accesses = node.putArray("accesses");
    for (Access access : result.graph().accessesOf(column)) {
      ObjectNode a = accesses.addObject();
      a.put("kind", access.kind().jsonName())
          .put("via", access.via().jsonName())
          .put("confidence", access.confidence().jsonName())
          .put("implicit", access.implicit())
          .put("path", access.location().path())
          .put("line", access.location().startLine())
          .put("endLine", access.location().endLine())
          .put("snippet", access.snippet());
      ArrayNode entryPoints = a.putArray("entryPoints");
      for (EntryPoint entryPoint : access.entryPoints()) {
        entryPoints
            .addObject()
            .put("kind", entryPoint.kind().jsonName())
            .put("name", entryPoint.name())
            .put("path", entryPoint.location().path())
            .put("line", entryPoint.location().startLine());
      }
    }
    return node;
  }

  private static ObjectNode finding(Finding finding) {
    ObjectNode node = Json.object();
    node.put("ruleId", finding.ruleId())
        .put("level", finding.level().jsonName())
        .put("message", finding.message())
        .put("path", finding.location().path())
        .put("line", finding.location().startLine())
        .put("fingerprint", finding.fingerprint());
    ArrayNode related = node.putArray("related");
    for (RelatedLocation site : finding.related()) {
      ObjectNode entry =
          related
              .addObject()
              .put("path", site.location().path())
              .put("line", site.location().startLine())
              .put("label", site.label());
      if (site.atBase()) {
        entry.put("revision", site.revision());
      }
    }
    return node;
  }

  private static ObjectNode coverage(Coverage coverage) {
    ObjectNode node = Json.object();
    node.put("files", coverage.files())
        .put("filesWithProblems", coverage.filesWithProblems())
        .put("sqlStatements", coverage.sql().statements())
        .put("sqlParsed", coverage.sql().parsed())
        .put("sqlFallback", coverage.sql().fallback())
        .put("sqlUnanalysed", coverage.sql().unanalysed());
    return node;
  }
}
