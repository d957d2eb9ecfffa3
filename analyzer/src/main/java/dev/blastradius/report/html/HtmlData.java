package dev.blastradius.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.graph.Access;
import dev.blastradius.report.ReportModel;
import dev.blastradius.report.Verdict;
import dev.blastradius.report.json.Json;
import dev.blastradius.report.json.JsonReport;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleMetadata;
import java.util.Map;
import java.util.SortedMap;

/**
 * The data block of the HTML report: the JSON report unchanged under {@code report}, plus what only
 * the HTML shows — the verdict, the proposed changes, the titles of the rules, and source excerpts
 * around the sites. The page's script renders everything from this object.
 */
final class HtmlData {

  /** Excerpts are quoted for at most this many sites, to bound the file size. */
  static final int MAX_EXCERPTS = 500;

  private HtmlData() {}

  /** The data object as compact JSON (not yet escaped for a script element). */
  static String json(ReportModel model) {
    ObjectNode data = Json.object();
    data.put("command", model.command());
    model.column().ifPresent(c -> data.put("column", c.displayName()));
    Verdict verdict = Verdict.of(model);
    data.putObject("verdict")
        .put("answer", verdict.answer().jsonName())
        .put("headline", verdict.headline())
        .put("reason", verdict.reason());
    ArrayNode proposed = data.putArray("proposed");
    for (Migration migration : model.result().proposed()) {
      ObjectNode node = proposed.addObject().put("path", migration.path());
      ArrayNode changes = node.putArray("changes");
      for (LocatedChange change : migration.changes()) {
        ArrayNode columns =
            changes
                .addObject()
                .put("line", change.location().startLine())
                .put("endLine", change.location().endLine())
                .put("description", change.change().describe())
                .putArray("columns");
        change.change().columns().forEach(c -> columns.add(c.displayName()));
      }
    }
    ArrayNode rules = data.putArray("rules");
    for (RuleMetadata rule : model.result().rules()) {
      rules
          .addObject()
          .put("id", rule.id())
          .put("title", rule.title())
          .put("severity", rule.severity().jsonName())
          .put("summary", rule.summary());
    }
    data.set("sources", sources(model));
    try {
      data.set("report", Json.MAPPER.readTree(JsonReport.render(model)));
      return Json.MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot re-read the JSON report we just wrote", e);
    }
  }

  /**
   * Excerpts around every finding's statement and sites ({@code check}), or around the column's
   * accesses ({@code who}); {@code scan} shows snippets only.
   */
  private static ObjectNode sources(ReportModel model) {
    SourceExcerpts excerpts = new SourceExcerpts(model.sourceRoot());
    int budget = MAX_EXCERPTS;
    if (model.checked()) {
      for (Finding finding : model.result().findings()) {
        excerpts.add(finding.location());
        for (RelatedLocation site : finding.related()) {
          // Sites in the code at --base are lines of files as they were: quoted from git.
          if (budget-- > 0) {
            if (site.atBase()) {
              excerpts.addAtRevision(site.location(), site.revision());
            } else {
              excerpts.add(site.location());
            }
          }
        }
      }
    } else if (model.column().isPresent()) {
      for (Access access : model.accesses()) {
        if (budget-- > 0) {
          excerpts.add(access.location());
        }
      }
    }
    ObjectNode sources = Json.object();
    for (Map.Entry<String, SortedMap<Integer, String>> file : excerpts.lines().entrySet()) {
      ObjectNode lines = sources.putObject(file.getKey());
      file.getValue().forEach((line, text) -> lines.put(Integer.toString(line), text));
    }
    return sources;
  }
}
