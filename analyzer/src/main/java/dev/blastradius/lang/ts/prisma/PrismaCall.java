package dev.blastradius.lang.ts.prisma;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.PendingUse;
import dev.blastradius.lang.ts.TsProject;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * A Prisma Client call waiting for the schema: {@code accessor} names the model, {@code operation}
 * what is done, {@code args} its argument object, {@code fluent} the relations read after it
 * ({@code findUnique(…).posts()}).
 *
 * @param looksLikePrisma the client is evidently Prisma's: without a schema that is a problem
 */
record PrismaCall(
    String unitId,
    Location location,
    String snippet,
    String accessor,
    String operation,
    JsValue args,
    List<String> fluent,
    boolean looksLikePrisma)
    implements PendingUse {

  /** Operations that create rows of the model: their written columns are supplied values. */
  private static final java.util.Set<String> CREATES =
      java.util.Set.of("create", "createMany", "createManyAndReturn", "upsert");

  @Override
  public void resolve(TsProject project, FileFacts.Builder facts) {
    PrismaSchema schema = project.prisma();
    Optional<PrismaSchema.Model> model = schema.byAccessor(accessor);
    if (model.isEmpty()) {
      if (schema.isEmpty() && looksLikePrisma) {
        facts.problem(
            new AnalysisProblem(
                location.path(),
                "extract",
                "prisma."
                    + accessor
                    + "."
                    + operation
                    + "(): no schema.prisma defines its model, so its columns are unknown",
                location.startLine()));
      }
      return;
    }
    PrismaUses uses = new PrismaUses(schema, project.names());
    uses.operation(model.get(), operation, args, fluent);
    boolean creates = CREATES.contains(operation);
    for (PrismaUses.Use use : uses.uses()) {
      facts.access(
          new UnitAccess(
              unitId,
              new Access(
                  use.column(),
                  use.kind(),
                  Via.PRISMA,
                  use.confidence(),
                  use.implicit(),
                  location,
                  snippet,
                  List.of(),
                  creates
                      && use.kind() == AccessKind.WRITE
                      && !use.column().isTableLevel()
                      && use.column().table().equalsIgnoreCase(model.get().table()))));
    }
  }
}
