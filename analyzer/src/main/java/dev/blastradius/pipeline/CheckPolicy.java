package dev.blastradius.pipeline;

import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.rules.ColumnPair;
import dev.blastradius.rules.Level;
import dev.blastradius.rules.Suppression;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code blastradius.yaml} says about judging a change, beyond what to scan: waivers, levels,
 * declared replacement columns and entry points we cannot recognise on our own.
 *
 * @param ignores {@code ignore:} entries, as configuration suppressions
 * @param levels {@code severity:} rule id → level; an empty optional turns the rule off
 * @param pairs {@code pairs:} old column → the columns that replace it
 * @param entryPoints {@code entryPoints:} files matching a glob are entry points of a kind
 */
public record CheckPolicy(
    List<Suppression> ignores,
    Map<String, Optional<Level>> levels,
    List<ColumnPair> pairs,
    List<GlobEntryPoint> entryPoints) {

  /** No configuration beyond the defaults. */
  public static final CheckPolicy NONE = new CheckPolicy(List.of(), Map.of(), List.of(), List.of());

  public CheckPolicy {
    ignores = List.copyOf(ignores);
    levels = Map.copyOf(levels);
    pairs = List.copyOf(pairs);
    entryPoints = List.copyOf(entryPoints);
  }

  /** Every code unit in a file matching {@code glob} is an entry point of {@code kind}. */
  public record GlobEntryPoint(String glob, EntryPointKind kind) {}
}
