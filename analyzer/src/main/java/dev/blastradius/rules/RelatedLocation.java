package dev.blastradius.rules;

import dev.blastradius.source.Location;

/** A site that makes a finding true, with what happens there: "users.name read by http GET /x". */
public record RelatedLocation(Location location, String label)
    implements Comparable<RelatedLocation> {

  @Override
  public int compareTo(RelatedLocation other) {
    int byLocation = location.compareTo(other.location);
    return byLocation != 0 ? byLocation : label.compareTo(other.label);
  }
}
