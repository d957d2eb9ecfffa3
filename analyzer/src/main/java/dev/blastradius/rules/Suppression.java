package dev.blastradius.rules;

import dev.blastradius.source.Location;
import java.util.List;

/**
 * One suppression: a {@code blastradius-ignore: id[, id] -- reason} comment on the line above a
 * finding's statement or a code site, a file-level {@code blastradius-ignore-file: id[, id]}, or an
 * {@code ignore:} entry of {@code blastradius.yaml} (whose {@code pathGlob} says where it applies).
 *
 * @param ruleIds the rule ids it names, in the order written
 * @param reason the text after {@code --}, or "" when none was given
 * @param where the comment (or the configuration entry) that declares it
 * @param targetLine the line it covers: the first line below the comment that is not blank or
 *     itself a comment; 0 for file-level and configuration suppressions
 * @param scope what it covers
 * @param pathGlob for configuration suppressions, the glob of the paths they cover; else null
 */
public record Suppression(
    List<String> ruleIds,
    String reason,
    Location where,
    int targetLine,
    Scope scope,
    String pathGlob) {

  /** What a suppression covers. */
  public enum Scope {
    /** The statement or code site on the line below. */
    LINE,
    /** Everything in the file that declares it. */
    FILE,
    /** Every path matching a configured glob. */
    CONFIG
  }

  public Suppression {
    ruleIds = List.copyOf(ruleIds);
  }
}
