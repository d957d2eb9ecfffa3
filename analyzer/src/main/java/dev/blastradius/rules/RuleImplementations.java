package dev.blastradius.rules;

import dev.blastradius.rules.expandcontract.ColumnStillReferenced;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one explicit list of rule implementations, by the {@code impl} name rule YAML files use.
 * Several rules may share one parameterised implementation.
 */
public final class RuleImplementations {

  private static final Map<String, Function<RuleMetadata, Rule>> FACTORIES =
      Map.of("ColumnStillReferenced", ColumnStillReferenced::new);

  private RuleImplementations() {}

  /** A rule instance for {@code metadata}, or empty when its {@code impl} is unknown. */
  public static Optional<Rule> create(RuleMetadata metadata) {
    return Optional.ofNullable(FACTORIES.get(metadata.impl())).map(f -> f.apply(metadata));
  }

  /** Every known implementation name. */
  public static Set<String> names() {
    return FACTORIES.keySet();
  }
}
