package dev.blastradius.lang.java.jooq;

import dev.blastradius.source.Location;
import java.util.List;

/**
 * One jOOQ DSL chain, kept until every file is read: its calls in order from the {@code DSLContext}
 * outwards, with their arguments.
 */
record JooqQuery(String unitId, Location location, String snippet, List<Step> steps) {

  JooqQuery {
    steps = List.copyOf(steps);
  }

  /** One call of the chain. */
  record Step(String method, List<JooqExpr> arguments) {
    Step {
      arguments = List.copyOf(arguments);
    }
  }
}
