package dev.blastradius.lang.ts;

/**
 * One framework's reading of a TypeScript/JavaScript file: the data calls it recognises (raw SQL,
 * Supabase, Prisma, …) or the entry points it declares (Next.js routes, Express, cron, …). One
 * adapter per framework, registered in {@link ModuleReader}'s list.
 */
public interface TsAdapter {

  /** Looks at one call; most adapters only care about {@link TsCall#chainHead()} calls. */
  default void call(TsCall call, TsSite site) {}

  /** Looks at the file as a whole once every call is seen (its path, exports, directives). */
  default void module(TsSite site) {}
}
