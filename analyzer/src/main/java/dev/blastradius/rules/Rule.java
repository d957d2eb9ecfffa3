package dev.blastradius.rules;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import java.util.List;
import java.util.Set;

/**
 * A check of one proposed schema change. A rule names the change type it consumes and queries the
 * graph through {@link RuleContext}; it never walks files or syntax trees. Its metadata, message
 * and documentation live in {@code rules/<pack>/<id>.yaml} and {@code .md}.
 */
public interface Rule {

  /** The metadata this instance was configured from. */
  RuleMetadata metadata();

  /** The change type this rule looks at; the engine dispatches only those to it. */
  Class<? extends SchemaChange> consumes();

  /** The {@code {placeholders}} this implementation fills in messages. */
  Set<String> placeholders();

  /** The findings for one change; empty when it is safe. */
  List<Finding> check(LocatedChange change, RuleContext context);
}
