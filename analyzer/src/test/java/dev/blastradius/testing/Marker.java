package dev.blastradius.testing;

import java.util.List;
import java.util.Set;

/**
 * One {@code expect:} (or {@code todo-expect:}) comment, applied to the next non-blank, non-marker
 * line.
 *
 * @param markerLine the line of the comment itself
 * @param targetLine the line its facts are about
 * @param todo true for {@code todo-expect:}: the facts must be absent
 */
public record Marker(int markerLine, int targetLine, boolean todo, List<Fact> facts) {

  /**
   * One expected fact.
   *
   * @param kind read, write, ddl, finding, related or none
   * @param subject a column ({@code users.email}) or a rule id; empty for none
   * @param entryKinds the {@code @kind} suffixes, or null when none were written ({@code @none}
   *     stands for the empty set)
   * @param messageContains for findings, the text after {@code ~}, or null
   */
  public record Fact(String kind, String subject, Set<String> entryKinds, String messageContains) {

    /** True for read, write and ddl. */
    public boolean isAccess() {
      return kind.equals("read") || kind.equals("write") || kind.equals("ddl");
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(kind);
      if (!subject.isEmpty()) {
        text.append(' ').append(subject);
      }
      if (entryKinds != null) {
        if (entryKinds.isEmpty()) {
          text.append(" @none");
        }
        entryKinds.stream().sorted().forEach(k -> text.append(" @").append(k));
      }
      if (messageContains != null) {
        text.append(" ~ \"").append(messageContains).append('"');
      }
      return text.toString();
    }
  }
}
