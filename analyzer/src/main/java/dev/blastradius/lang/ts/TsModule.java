package dev.blastradius.lang.ts;

import dev.blastradius.lang.LinkState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one TypeScript/JavaScript file declares for others and uses from them: its imports and
 * exports (ES modules and CommonJS), its units by local binding name, the calls it makes by name,
 * its string constants, and data uses that need another file (an ORM model, a Drizzle table, a
 * constant). Collected while the file is read; resolved by {@link TsLinker}. A file the prefilter
 * kept away from tree-sitter has only its module specifiers.
 */
public final class TsModule implements LinkState {

  /** A binding this file imports: {@code imported} is a name, {@code default}, or {@code *}. */
  public record Import(String local, String specifier, String imported) {}

  /**
   * {@code export … from}: {@code imported} is a name or {@code *}; {@code exported} is the name it
   * is exported under, or null for {@code export * from}.
   */
  public record ReExport(String specifier, String imported, String exported) {}

  /**
   * A call (or a reference to a function, such as a callback passed on) made by a unit.
   *
   * @param target the callee's dotted name as written: {@code [f]}, {@code [users, find]}, {@code
   *     [this, users, find]}, or {@code [new, C]}
   * @param owner the class of the calling method, for {@code this}; null outside classes
   */
  public record Call(String callerId, List<String> target, String owner) {
    public Call {
      target = List.copyOf(target);
    }
  }

  /** The first part of a {@link Call} target that names what this module exports. */
  public static final String EXPORT_TARGET = "<export>";

  /** The name under which the file's module-level code is a unit. */
  public static final String MODULE_UNIT = "<module>";

  public final String path;

  /** False when the prefilter kept the file from tree-sitter: only {@link #specifiers} is known. */
  public final boolean parsed;

  /** Every module specifier the file names. */
  public final List<String> specifiers = new ArrayList<>();

  public final List<Import> imports = new ArrayList<>();

  /** Exported name → the local binding it exports. */
  public final Map<String, String> exports = new LinkedHashMap<>();

  public final List<ReExport> reExports = new ArrayList<>();

  /**
   * Local binding → unit id: functions ({@code getUser}), methods ({@code UserService.find}, {@code
   * repo.find}), {@code default} and {@link #MODULE_UNIT}.
   */
  public final Map<String, String> units = new LinkedHashMap<>();

  public final List<Call> calls = new ArrayList<>();

  /** {@code Class.member} or a variable → the simple name of its declared or constructed type. */
  public final Map<String, String> types = new LinkedHashMap<>();

  /** Module-level string constants, also members of constant objects ({@code TABLES.users}). */
  public final Map<String, SqlText> constants = new LinkedHashMap<>();

  /** Drizzle tables this file declares, by binding name. */
  public final Map<String, dev.blastradius.lang.ts.drizzle.DrizzleTable> drizzleTables =
      new LinkedHashMap<>();

  /** Drizzle {@code relations(table, …)}: the table's binding → relation name → target binding. */
  public final Map<String, Map<String, String>> drizzleRelations = new LinkedHashMap<>();

  /** TypeORM entity classes (and mapped base classes) this file declares, by class name. */
  public final Map<String, dev.blastradius.lang.ts.typeorm.TypeOrmEntity> typeormEntities =
      new LinkedHashMap<>();

  /** Whether the file configures TypeORM with {@code new SnakeNamingStrategy()}. */
  public boolean typeormSnakeNaming;

  /**
   * Module-level job definitions ({@code const X_JOB = { id, trigger, handler }}) by binding name:
   * the unit that runs the handler and the entry point it becomes once given to a jobs client.
   */
  public final Map<String, JobDefinition> jobDefinitions = new LinkedHashMap<>();

  /** A job definition's handler unit and its pending entry point. */
  public record JobDefinition(String unitId, dev.blastradius.graph.EntryPoint entryPoint) {}

  /**
   * tRPC routers mounted by name: {@code router({ webhook: webhookRouter })} in the router bound to
   * {@code appRouter} is {@code (appRouter, webhook, webhookRouter)}.
   */
  public final List<TrpcMount> trpcMounts = new ArrayList<>();

  /**
   * @param router the module-level binding of the outermost router holding the mount
   * @param keys the dotted key path from that router to the mounted name
   * @param value the local name mounted (a router or a procedure, here or imported)
   */
  public record TrpcMount(String router, String keys, String value) {}

  /** tRPC procedures inside module-level bindings, for server-side callers. */
  public final List<TrpcProcedure> trpcProcedures = new ArrayList<>();

  /**
   * @param router the module-level binding holding the procedure (a router or the procedure)
   * @param keys the dotted key path from that binding to the procedure; empty for the binding
   * @param unit the unit that stands for the procedure's registration
   */
  public record TrpcProcedure(String router, String keys, String unit) {}

  /** Data uses finished when every file is read. */
  public final List<PendingUse> pending = new ArrayList<>();

  /** Whether the file runs in the browser ({@code 'use client'}, Vite app sources). */
  public boolean browser;

  /**
   * Units that are server actions: a call from browser code reaches them over HTTP, so the
   * browser's entry point does not extend into them.
   */
  public final java.util.Set<String> serverActions = new java.util.HashSet<>();

  /** Whether every export of the file is a server action ({@code 'use server'} at its top). */
  public boolean serverActionFile;

  /** Whether the file reads or writes the database itself (then its importers matter). */
  public boolean touchesDatabase;

  public TsModule(String path, boolean parsed) {
    this.path = path;
    this.parsed = parsed;
  }

  /** The import that binds {@code local}, if any. */
  public Import importOf(String local) {
    for (Import each : imports) {
      if (each.local().equals(local)) {
        return each;
      }
    }
    return null;
  }

  /** The id of this file's module-level unit. */
  public String moduleUnit() {
    return units.get(MODULE_UNIT);
  }
}
