package dev.blastradius.rules;

import java.util.List;

/**
 * A rule about the release as a whole: how the code changed between {@code --base REV} and the
 * working tree, whatever the migrations do. It runs once per {@code check}, even when no migration
 * changed, and finds nothing without {@code --base}.
 */
public non-sealed interface ReleaseRule extends Rule {

  /** The findings for the release in {@code context}. */
  List<Finding> check(ReleaseContext context);
}
