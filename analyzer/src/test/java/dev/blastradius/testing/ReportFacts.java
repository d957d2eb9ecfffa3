package dev.blastradius.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts of a JSON report (DESIGN §4), so markers are checked against the public contract rather
 * than internal objects.
 */
public final class ReportFacts {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportFacts() {}

  /**
   * Every access, finding and related site in a JSON report, except related sites in the code at
   * the {@code --base} revision (see {@link #atBase}).
   */
  public static List<ActualFact> of(String jsonReport) {
    JsonNode root = parse(jsonReport);
    List<ActualFact> facts = new ArrayList<>();
    for (JsonNode column : root.path("columns")) {
      String schema = column.path("schema").asText();
      String name =
          (schema.equals("public") ? "" : schema + ".")
              + column.path("table").asText()
              + "."
              + column.path("column").asText();
      for (JsonNode access : column.path("accesses")) {
        Set<String> kinds = new TreeSet<>();
        access.path("entryPoints").forEach(e -> kinds.add(e.path("kind").asText()));
        facts.add(
            new ActualFact(
                access.path("path").asText(),
                access.path("line").asInt(),
                access.path("kind").asText(),
                name,
                kinds,
                null));
      }
    }
    for (JsonNode finding : root.path("findings")) {
      String rule = finding.path("ruleId").asText();
      facts.add(
          new ActualFact(
              finding.path("path").asText(),
              finding.path("line").asInt(),
              "finding",
              rule,
              null,
              finding.path("message").asText()));
      for (JsonNode related : finding.path("related")) {
        if (related.has("revision")) {
          continue;
        }
        facts.add(
            new ActualFact(
                related.path("path").asText(),
                related.path("line").asInt(),
                "related",
                rule,
                null,
                null));
      }
    }
    return facts;
  }

  /**
   * The related sites in the code at the {@code --base} revision: their lines are lines of the
   * files as they were then.
   */
  public static List<ActualFact> atBase(String jsonReport) {
    List<ActualFact> facts = new ArrayList<>();
    for (JsonNode finding : parse(jsonReport).path("findings")) {
      for (JsonNode related : finding.path("related")) {
        if (related.has("revision")) {
          facts.add(
              new ActualFact(
                  related.path("path").asText(),
                  related.path("line").asInt(),
                  "related",
                  finding.path("ruleId").asText(),
                  null,
                  null));
        }
      }
    }
    return facts;
  }

  private static JsonNode parse(String jsonReport) {
    try {
      return MAPPER.readTree(jsonReport);
    } catch (IOException e) {
      throw new UncheckedIOException("the JSON report does not parse", e);
    }
  }
}
