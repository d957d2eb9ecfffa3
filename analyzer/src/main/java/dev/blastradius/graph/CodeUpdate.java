package dev.blastradius.graph;

import dev.blastradius.change.RowUpdate;
import dev.blastradius.source.Location;
import java.util.Comparator;

/**
 * The shape of an {@code UPDATE} that code issues, at the site where its accesses are reported, so
 * the backfill rules can judge backfill jobs as they judge migrations. The entry points that run it
 * are those of the write accesses at the same site.
 *
 * @param location the site, as the accesses of the statement report it
 * @param shape how the statement picks its rows and what it sets
 */
public record CodeUpdate(Location location, RowUpdate shape) implements Comparable<CodeUpdate> {

  private static final Comparator<CodeUpdate> ORDER =
      Comparator.comparing(CodeUpdate::location)
          .thenComparing(u -> u.shape().table().displayName())
          .thenComparing(u -> String.join(",", u.shape().setColumns()));

  @Override
  public int compareTo(CodeUpdate other) {
    return ORDER.compare(this, other);
  }
}
