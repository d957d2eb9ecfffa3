package dev.blastradius.rules;

import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.List;

/**
 * A replacement in progress: {@code old} is being replaced by {@code replacements}, so every writer
 * of {@code old} must also write them until the old column is dropped.
 *
 * @param declared where the pair was declared ({@code pairs:} in {@code blastradius.yaml}) or found
 *     (the backfill that copies the old column into the new one)
 */
public record ColumnPair(ColumnRef old, List<ColumnRef> replacements, Location declared) {
  public ColumnPair {
    replacements = List.copyOf(replacements);
  }
}
