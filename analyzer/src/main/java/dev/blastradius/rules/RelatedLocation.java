package dev.blastradius.rules;

import dev.blastradius.source.Location;
import java.util.Comparator;

/**
 * A site that makes a finding true, with what happens there: "users.name read by http GET /x".
 *
 * @param revision the {@code --base} revision when the site is in the code at that revision (its
 *     line is a line at that revision), else empty: the working tree
 */
public record RelatedLocation(Location location, String label, String revision)
    implements Comparable<RelatedLocation> {

  private static final Comparator<RelatedLocation> ORDER =
      Comparator.comparing(RelatedLocation::location)
          .thenComparing(RelatedLocation::label)
          .thenComparing(RelatedLocation::revision);

  public RelatedLocation {
    revision = revision == null ? "" : revision;
  }

  /** A site in the working tree. */
  public RelatedLocation(Location location, String label) {
    this(location, label, "");
  }

  /** Whether the site is in the code at the {@code --base} revision rather than the work tree. */
  public boolean atBase() {
    return !revision.isEmpty();
  }

  @Override
  public int compareTo(RelatedLocation other) {
    return ORDER.compare(this, other);
  }
}
