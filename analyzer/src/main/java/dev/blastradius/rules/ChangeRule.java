package dev.blastradius.rules;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import java.util.List;

/** A rule about one schema change; the engine dispatches only changes of its type to it. */
public non-sealed interface ChangeRule extends Rule {

  /** The change type this rule looks at. */
  Class<? extends SchemaChange> consumes();

  /** The findings for one change of a proposed migration ({@link RuleContext#migration()}). */
  List<Finding> check(LocatedChange change, RuleContext context);
}
