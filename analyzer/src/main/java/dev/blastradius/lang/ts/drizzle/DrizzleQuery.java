package dev.blastradius.lang.ts.drizzle;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.PendingUse;
import dev.blastradius.lang.ts.TsProject;
import dev.blastradius.source.Location;
import java.util.List;

/**
 * A Drizzle query chain, kept as its steps ({@code select({…})}, {@code from(users)}, {@code
 * where(eq(users.id, 1))}, …) until the tables it names are known.
 */
record DrizzleQuery(String unitId, Location location, String snippet, List<Step> steps)
    implements PendingUse {

  /** One link of the chain: its name, whether it is a call, and its arguments' values. */
  record Step(String name, boolean call, List<JsValue> args) {
    Step {
      args = List.copyOf(args);
    }

    JsValue first() {
      return args.isEmpty() ? null : args.get(0);
    }
  }

  DrizzleQuery {
    steps = List.copyOf(steps);
  }

  @Override
  public void resolve(TsProject project, FileFacts.Builder facts) {
    DrizzleUses uses = new DrizzleUses(project, location.path());
    uses.query(steps);
    boolean insert = steps.stream().anyMatch(s -> s.call() && "insert".equals(s.name()));
    for (DrizzleUses.Use use : uses.uses()) {
      facts.access(
          new UnitAccess(
              unitId,
              new Access(
                  use.column(),
                  use.kind(),
                  Via.DRIZZLE,
                  use.confidence(),
                  use.implicit(),
                  location,
                  snippet,
                  List.of(),
                  insert && use.kind() == AccessKind.WRITE && !use.column().isTableLevel())));
    }
    for (DrizzleUses.RawSql raw : uses.rawSql()) {
      SqlAnalysis analysis =
          project.context().sql().analyze(raw.text(), project.context().catalog());
      HostedSql.record(
          facts,
          analysis,
          unitId,
          Via.DRIZZLE,
          raw.complete() ? Confidence.CERTAIN : Confidence.POSSIBLE,
          s -> location,
          s -> snippet,
          "extract");
    }
  }
}
