package dev.blastradius.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The findings of an earlier report ({@code --baseline FILE}: a JSON report of {@code check} or a
 * SARIF log of ours), by rule and fingerprint. Findings already in it are hidden, so a team can
 * adopt a rule without fixing every old finding first. Fingerprints ignore line moves and unrelated
 * edits (see {@link Fingerprints}).
 */
public final class Baseline {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOOL = "blastradius";

  private final Set<String> keys;

  private Baseline(Set<String> keys) {
    this.keys = Set.copyOf(keys);
  }

  /**
   * Reads a baseline. Throws {@link IllegalArgumentException} with a user-facing reason when the
   * file cannot be read or is not a report of ours with findings.
   */
  public static Baseline read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "is not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot be read: " + e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("is not a JSON report or SARIF log of blastradius");
    }
    Set<String> keys = new HashSet<>();
    if (root.has("runs")) {
      for (JsonNode run : root.path("runs")) {
        String tool = run.path("tool").path("driver").path("name").asText();
        if (!tool.equals(TOOL)) {
          throw new IllegalArgumentException(
              "is a SARIF log of '" + tool + "', not of " + TOOL + ": its fingerprints differ");
        }
        for (JsonNode result : run.path("results")) {
          String hash = result.path("partialFingerprints").path("primaryLocationLineHash").asText();
          int colon = hash.indexOf(':');
          keys.add(
              key(result.path("ruleId").asText(), colon < 0 ? hash : hash.substring(0, colon)));
        }
      }
      return new Baseline(keys);
    }
    if (!root.path("tool").path("name").asText().equals(TOOL) || !root.has("schemaVersion")) {
      throw new IllegalArgumentException("is not a JSON report or SARIF log of blastradius");
    }
    if (!root.path("findings").isArray()) {
      throw new IllegalArgumentException("is a JSON report without findings (from scan or who?)");
    }
    for (JsonNode finding : root.path("findings")) {
      keys.add(key(finding.path("ruleId").asText(), finding.path("fingerprint").asText()));
    }
    return new Baseline(keys);
  }

  /** Whether the baseline holds this finding: the same rule and fingerprint. */
  public boolean contains(Finding finding) {
    return keys.contains(key(finding.ruleId(), finding.fingerprint()));
  }

  private static String key(String ruleId, String fingerprint) {
    return ruleId + "\n" + fingerprint;
  }
}
