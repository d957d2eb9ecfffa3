package dev.blastradius.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable finding fingerprints: a hash of the rule, the subject (usually a column) and the statement
 * text with whitespace and case normalised, so adding unrelated lines above the statement does not
 * change it.
 */
public final class Fingerprints {

  private Fingerprints() {}

  /** A 16-hex-digit fingerprint. */
  public static String of(String ruleId, String subject, String statement) {
    String normalised = statement.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (ruleId + "\n" + subject + "\n" + normalised).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
