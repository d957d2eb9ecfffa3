package dev.blastradius.graph;

import dev.blastradius.source.Location;
import java.util.Comparator;

/**
 * A place where execution starts: an HTTP route, a cron job, a queue worker, a script.
 *
 * @param name what a user recognises: {@code GET /users/{id}}, {@code DigestJob.send (cron 0 7 * *
 *     *)}
 * @param location the declaration (the annotated method, the migration file)
 */
public record EntryPoint(EntryPointKind kind, String name, Location location)
    implements Comparable<EntryPoint> {

  private static final Comparator<EntryPoint> ORDER =
      Comparator.comparing(EntryPoint::kind)
          .thenComparing(EntryPoint::name)
          .thenComparing(EntryPoint::location);

  /** {@code http GET /users/{id}}. */
  public String label() {
    return kind.jsonName() + " " + name;
  }

  @Override
  public int compareTo(EntryPoint other) {
    return ORDER.compare(this, other);
  }
}
