package dev.blastradius.testing;

import java.util.Set;

/**
 * A fact the analysis reported at a line: an access, a finding's primary location, or a finding's
 * related site.
 *
 * @param entryKinds for accesses, the kinds of the entry points reaching them
 * @param message for findings, the message
 */
public record ActualFact(
    String path, int line, String kind, String subject, Set<String> entryKinds, String message) {

  /** The fact in marker syntax, ready to paste. */
  public String markerText() {
    StringBuilder text = new StringBuilder(kind).append(' ').append(subject);
    if (entryKinds != null) {
      if (entryKinds.isEmpty()) {
        text.append(" @none");
      }
      entryKinds.stream().sorted().forEach(k -> text.append(" @").append(k));
    }
    if (message != null) {
      text.append(" ~ \"").append(message).append('"');
    }
    return text.toString();
  }
}
