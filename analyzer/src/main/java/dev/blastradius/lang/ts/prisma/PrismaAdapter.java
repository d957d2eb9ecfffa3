package dev.blastradius.lang.ts.prisma;

import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prisma Client calls: {@code <client>.<model>.<operation>({…})} on any client ({@code prisma},
 * {@code db}, a transaction's {@code tx}), with the fluent relation calls after it. Which model the
 * accessor names is only known from the schema, so the call is finished when every file is read
 * ({@link PrismaCall}). Raw queries ({@code $queryRaw}) are read by the raw SQL adapter.
 */
public final class PrismaAdapter implements TsAdapter {

  static final Set<String> OPERATIONS =
      Set.of(
          "findUnique",
          "findUniqueOrThrow",
          "findFirst",
          "findFirstOrThrow",
          "findMany",
          "count",
          "aggregate",
          "groupBy",
          "create",
          "createMany",
          "createManyAndReturn",
          "update",
          "updateMany",
          "updateManyAndReturn",
          "upsert",
          "delete",
          "deleteMany");

  @Override
  public void call(TsCall call, TsSite site) {
    if (!call.chainHead() || call.isNew()) {
      return;
    }
    CallChain chain = call.chain();
    List<CallChain.Link> links = chain.links();
    for (int i = 1; i < links.size(); i++) {
      CallChain.Link operation = links.get(i);
      CallChain.Link accessor = links.get(i - 1);
      if (!operation.isCall()
          || operation.name() == null
          || !OPERATIONS.contains(operation.name())
          || accessor.isCall()
          || accessor.name() == null
          || accessor.name().isEmpty()
          || accessor.name().startsWith("$")
          || (i >= 2 && "query".equals(links.get(i - 2).name()))) {
        continue; // db.query.users.findMany is Drizzle's relational API
      }
      JsValue args =
          operation.first() == null
              ? new JsValue.Obj(List.of())
              : site.resolvedValue(operation.first());
      List<String> fluent = new ArrayList<>();
      for (int j = i + 1; j < links.size(); j++) {
        if (links.get(j).isCall() && links.get(j).name() != null) {
          fluent.add(links.get(j).name());
        }
      }
      boolean looksLikePrisma =
          site.importsFrom("@prisma/client")
              || chain.rootText().toLowerCase(java.util.Locale.ROOT).contains("prisma");
      site.module()
          .pending
          .add(
              new PrismaCall(
                  call.unitId(),
                  site.site(call.node()),
                  site.snippet(call.node()),
                  accessor.name(),
                  operation.name(),
                  args,
                  fluent,
                  looksLikePrisma));
      return;
    }
  }
}
