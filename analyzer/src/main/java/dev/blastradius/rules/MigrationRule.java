package dev.blastradius.rules;

import java.util.List;

/**
 * A rule about a proposed migration as a whole: its transactions, session settings, and how its
 * statements combine.
 */
public non-sealed interface MigrationRule extends Rule {

  /** The findings for the migration in {@link RuleContext#migration()}. */
  List<Finding> check(RuleContext context);

  /**
   * Whether the rule judges the run as a whole, once, after every other rule has run on every
   * proposed migration ({@code unused-ignore}); its context is the last migration's.
   */
  default boolean runsLast() {
    return false;
  }

  /**
   * Whether the rule judges the proposed release as a whole, once, with the last migration's
   * context ({@link RuleContext#earlierProposed()} holds the others), after the per-migration rules
   * and before the {@link #runsLast()} ones.
   */
  default boolean wholeRelease() {
    return false;
  }
}
