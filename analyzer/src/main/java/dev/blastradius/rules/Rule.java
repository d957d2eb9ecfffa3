package dev.blastradius.rules;

import dev.blastradius.change.Migration;
import java.util.Set;

/**
 * A rule: a {@link ChangeRule} looks at one schema change at a time, a {@link MigrationRule} at a
 * whole proposed migration, a {@link ReleaseRule} at the release (the code since {@code --base}).
 * Rules query the graph and the migration through {@link RuleContext}; they never walk files or
 * syntax trees. A rule's metadata, message and documentation live in {@code rules/<pack>/<id>.yaml}
 * and {@code .md}.
 */
public sealed interface Rule permits ChangeRule, MigrationRule, ReleaseRule {

  /** The metadata this instance was configured from. */
  RuleMetadata metadata();

  /** The {@code {placeholders}} this implementation fills in messages. */
  Set<String> placeholders();

  /** Whether the rule applies to the target database (locking rules are per dialect). */
  default boolean appliesTo(RuleSettings settings) {
    return true;
  }

  /**
   * Whether the rule judges {@code migration} (the locking rules leave SQLite migrations alone:
   * their advice is about Postgres and MySQL locks).
   */
  default boolean appliesTo(Migration migration) {
    return true;
  }
}
