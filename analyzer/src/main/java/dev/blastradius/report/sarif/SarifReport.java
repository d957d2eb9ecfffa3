package dev.blastradius.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.report.ReportModel;
import dev.blastradius.report.ToolInfo;
import dev.blastradius.report.json.Json;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.Suppression;
import dev.blastradius.rules.Suppressions;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning (DESIGN §6): one run, full rule metadata, one result per finding
 * located at the offending migration statement with the sites that make it unsafe as related
 * locations, and every problem as a tool execution notification. URIs are relative to {@code
 * %SRCROOT%} (the report root); nothing absolute, nothing time-dependent.
 */
public final class SarifReport {

  /** GitHub displays at most this many related locations well; the message says how many more. */
  static final int MAX_RELATED = 100;

  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String SRCROOT = "%SRCROOT%";

  private SarifReport() {}

  /** The SARIF log as text. */
  public static String render(ReportModel model) {
    AnalysisResult result = model.result();
    ObjectNode log = Json.object();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", ToolInfo.NAME);
    driver.put("semanticVersion", ToolInfo.version());
    driver.put("informationUri", ToolInfo.INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (RuleMetadata rule : result.rules()) {
      ruleIndex.put(rule.id(), rules.size());
      rules.add(rule(rule));
    }

    model.sarifCategory().ifPresent(c -> run.putObject("automationDetails").put("id", c + "/"));
    run.putObject("originalUriBaseIds")
        .putObject(SRCROOT)
        .putObject("description")
        .put("text", "The repository root: every result URI is relative to it (--repo-root).");

    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (AnalysisProblem problem : result.problems()) {
      notifications.add(notification(problem));
    }

    ArrayNode results = run.putArray("results");
    for (Finding finding : result.findings()) {
      Integer index = ruleIndex.get(finding.ruleId());
      if (index == null) {
        throw new IllegalStateException("finding of unknown rule " + finding.ruleId());
      }
      ObjectNode node = result(finding, index);
      if (result.hiddenByBaseline().isPresent()) {
        // Findings the baseline holds are left out; every one shown is new relative to it.
        node.put("baselineState", "new");
      }
      results.add(node);
    }
    // Waived findings stay in the log, marked suppressed, so code scanning shows them as such.
    for (Suppressions.SuppressedFinding waived : result.suppressed()) {
      Integer index = ruleIndex.get(waived.finding().ruleId());
      if (index == null) {
        continue;
      }
      ObjectNode node = result(waived.finding(), index);
      ObjectNode suppression = node.putArray("suppressions").addObject();
      suppression.put(
          "kind", waived.by().scope() == Suppression.Scope.CONFIG ? "external" : "inSource");
      suppression.put("status", "accepted");
      if (!waived.by().reason().isEmpty()) {
        suppression.put("justification", SarifText.plain(waived.by().reason()));
      }
      if (waived.by().scope() != Suppression.Scope.CONFIG) {
        suppression.set(
            "location", Json.object().set("physicalLocation", physical(waived.by().where())));
      }
      results.add(node);
    }
    run.put("columnKind", "utf16CodeUnits");
    return Json.write(log);
  }

  private static ObjectNode rule(RuleMetadata rule) {
    ObjectNode node = Json.object();
    node.put("id", rule.id());
    node.put("name", pascalCase(rule.id()));
    node.putObject("shortDescription").put("text", rule.title());
    node.putObject("fullDescription").put("text", rule.summary());
    node.putObject("help").put("text", rule.documentation()).put("markdown", rule.documentation());
    node.putObject("defaultConfiguration").put("level", rule.severity().jsonName());
    ObjectNode properties = node.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    rule.tags().forEach(tags::add);
    properties.put("precision", "high");
    return node;
  }

  private static ObjectNode result(Finding finding, int ruleIndex) {
    ObjectNode node = Json.object();
    node.put("ruleId", finding.ruleId());
    node.put("ruleIndex", ruleIndex);
    node.put("level", finding.level().jsonName());
    List<RelatedLocation> shown = finding.related().stream().limit(MAX_RELATED).toList();
    StringBuilder message = new StringBuilder(SarifText.plain(finding.message()));
    if (!shown.isEmpty()) {
      message.append(" Sites: ");
      for (int i = 0; i < shown.size(); i++) {
        RelatedLocation site = shown.get(i);
        message
            .append(i == 0 ? "" : ", ")
            .append(SarifText.link(site.label() + " at " + fileAndLine(site.location()), i + 1));
      }
      int cut = finding.related().size() - shown.size();
      message.append(cut > 0 ? " and " + cut + " more not listed." : ".");
    }
    node.putObject("message").put("text", message.toString());
    node.putArray("locations").addObject().set("physicalLocation", physical(finding.location()));
    if (!shown.isEmpty()) {
      ArrayNode related = node.putArray("relatedLocations");
      for (int i = 0; i < shown.size(); i++) {
        ObjectNode location = related.addObject();
        location.put("id", i + 1);
        location.set("physicalLocation", physical(shown.get(i).location()));
        location.putObject("message").put("text", shown.get(i).label());
      }
    }
    node.putObject("partialFingerprints")
        .put("primaryLocationLineHash", finding.fingerprint() + ":1");
    return node;
  }

  private static ObjectNode notification(AnalysisProblem problem) {
    ObjectNode node = Json.object();
    node.put("level", "warning");
    node.putObject("message")
        .put(
            "text",
            "Not analysed ("
                + problem.pass()
                + "): "
                + problem.cause()
                + " Results may be incomplete.");
    ObjectNode physical = Json.object();
    physical
        .putObject("artifactLocation")
        .put("uri", SarifText.uri(problem.path()))
        .put("uriBaseId", SRCROOT);
    problem.knownLine().ifPresent(line -> physical.putObject("region").put("startLine", line));
    node.putArray("locations").addObject().set("physicalLocation", physical);
    node.putObject("descriptor").put("id", "blastradius/" + problem.pass());
    return node;
  }

  private static ObjectNode physical(Location location) {
    ObjectNode node = Json.object();
    node.putObject("artifactLocation")
        .put("uri", SarifText.uri(location.path()))
        .put("uriBaseId", SRCROOT);
    ObjectNode region = node.putObject("region");
    region.put("startLine", location.startLine());
    region.put("startColumn", location.startColumn());
    region.put("endLine", location.endLine());
    region.put(
        "endColumn",
        Math.max(
            location.endColumn(),
            location.endLine() == location.startLine() ? location.startColumn() + 1 : 1));
    return node;
  }

  private static String fileAndLine(Location location) {
    String path = location.path();
    return path.substring(path.lastIndexOf('/') + 1) + ":" + location.startLine();
  }

  /** {@code drop-column-still-read} → {@code DropColumnStillRead}. */
  static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }
}
