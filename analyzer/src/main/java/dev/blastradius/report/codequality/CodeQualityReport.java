package dev.blastradius.report.codequality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blastradius.report.ReportModel;
import dev.blastradius.report.json.Json;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Level;
import dev.blastradius.rules.RelatedLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * GitLab Code Quality (a subset of the Code Climate issue format): a JSON array with one issue per
 * finding, at the offending migration statement. GitLab needs {@code description}, {@code
 * check_name}, {@code fingerprint} (unique per issue: it tells new issues from old ones), {@code
 * severity} and {@code location.path} + {@code location.lines.begin}. {@code scan} and {@code who}
 * judge nothing and write {@code []}. Findings come sorted, so the output is deterministic.
 */
public final class CodeQualityReport {

  private CodeQualityReport() {}

  /** The report as a JSON array. */
  public static String render(ReportModel model) {
    ArrayNode issues = Json.MAPPER.createArrayNode();
    if (model.checked()) {
      Map<String, Integer> seen = new HashMap<>();
      for (Finding finding : model.result().findings()) {
        issues.add(issue(finding, seen));
      }
    }
    return Json.write(issues);
  }

  private static ObjectNode issue(Finding finding, Map<String, Integer> seen) {
    ObjectNode issue = Json.object();
    issue.put("type", "issue");
    issue.put("description", description(finding));
    issue.put("check_name", finding.ruleId());
    issue.putArray("categories").add("Bug Risk");
    issue.put("fingerprint", uniqueFingerprint(finding.fingerprint(), seen));
    issue.put("severity", severity(finding.level()));
    ObjectNode location = issue.putObject("location");
    location.put("path", finding.location().path());
    location
        .putObject("lines")
        .put("begin", finding.location().startLine())
        .put("end", finding.location().endLine());
    return issue;
  }

  /** The message, then the first sites: GitLab shows only this one line per issue. */
  private static String description(Finding finding) {
    StringBuilder text = new StringBuilder(finding.message());
    int shown = 0;
    for (RelatedLocation site : finding.related()) {
      if (shown == 3) {
        text.append(" …and ").append(finding.related().size() - shown).append(" more");
        break;
      }
      text.append(shown == 0 ? " Sites: " : "; ").append(site.location().shortForm());
      shown++;
    }
    return text.toString();
  }

  /**
   * Our fingerprint hashes the rule, subject and statement text, so the same statement repeated in
   * two files gives two equal ones; GitLab would merge them. Later repeats get a suffix.
   */
  private static String uniqueFingerprint(String fingerprint, Map<String, Integer> seen) {
    int count = seen.merge(fingerprint, 1, Integer::sum);
    return count == 1 ? fingerprint : fingerprint + "-" + count;
  }

  /** error → critical, warning → major, note → info. */
  static String severity(Level level) {
    return switch (level) {
      case ERROR -> "critical";
      case WARNING -> "major";
      case NOTE -> "info";
    };
  }
}
