package dev.blastradius.rules;

import dev.blastradius.source.Location;
import java.util.Comparator;
import java.util.List;

/**
 * One rule violation.
 *
 * @param location the offending migration statement (or code site)
 * @param related the sites that make the change unsafe, sorted
 * @param fingerprint stable across unrelated edits: rule, subject and normalised statement text
 */
public record Finding(
    String ruleId,
    Level level,
    String message,
    Location location,
    List<RelatedLocation> related,
    String fingerprint)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message)
          .thenComparing(Finding::fingerprint);

  public Finding {
    related = related.stream().sorted().distinct().toList();
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }
}
