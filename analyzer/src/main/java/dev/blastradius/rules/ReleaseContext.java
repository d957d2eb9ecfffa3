package dev.blastradius.rules;

import dev.blastradius.change.Migration;
import dev.blastradius.graph.ColumnAccessGraph;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ReleaseRule} may consult.
 *
 * @param graph the access graph of the code as it is (the new release)
 * @param base the code at {@code --base REV}; empty without {@code --base}
 * @param proposed the proposed migrations of the release, in order
 */
public record ReleaseContext(
    ColumnAccessGraph graph,
    Optional<BaseRevision> base,
    List<Migration> proposed,
    RuleSettings settings) {

  public ReleaseContext {
    proposed = List.copyOf(proposed);
  }
}
