package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsModule;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Background job definitions that an application's own jobs client runs ({@code worker}): an object
 * literal with an {@code id} or {@code name}, a {@code trigger} and a {@code handler} (or {@code
 * run}) function.
 *
 * <ul>
 *   <li>Given in place to a definition call ({@code defineJob({…})}, {@code createJob}, {@code
 *       registerJob}, {@code jobs.define({…})}), it is an entry point at once.
 *   <li>Bound to a module-level constant ({@code export const SEND_EMAIL_JOB = {…} as const}), it
 *       becomes one only when the constant is given to a jobs client: an array argument of a call
 *       or {@code new} whose callee names jobs ({@code new JobClient([SEND_EMAIL_JOB, …])}) or the
 *       array of a {@code jobs:} property ({@code new Client({ jobs: [SEND_EMAIL_JOB] })}), in the
 *       same file or one that imports it. An object with a {@code handler} that nothing registers
 *       is not a job.
 * </ul>
 *
 * The entry point is named {@code job <id>} (else its name); the handler's function and what it
 * calls, including a handler module it loads with {@code await import('./x.handler')}, are reached
 * from it.
 */
public final class JobDefinitions implements TsAdapter {

  /** Calls that define (and register) the job object they are given. */
  private static final Set<String> DEFINE = Set.of("defineJob", "createJob", "registerJob");

  @Override
  public void call(TsCall call, TsSite site) {
    List<TsNode> args;
    String callee;
    if (call.isNew()) {
      TsNode constructor = TsSource.field(call.node(), "constructor");
      TsNode arguments = TsSource.field(call.node(), "arguments");
      if (constructor == null || arguments == null) {
        return;
      }
      callee = site.source().text(constructor);
      args = TsSource.named(arguments);
    } else {
      CallChain.Link last = call.chain().last();
      if (last == null || !last.isCall()) {
        return;
      }
      callee = last.name() == null ? call.chain().rootText() : last.name();
      args = last.arguments();
      boolean defines =
          DEFINE.contains(callee)
              || (callee.equals("define")
                  && call.chain().rootText().toLowerCase(Locale.ROOT).contains("job"));
      TsNode object =
          defines && args.size() == 1 && !site.importsFrom("@trigger.dev/sdk")
              ? jobObject(site, args.get(0))
              : null;
      if (object != null) {
        site.registration(entryPoint(site, object, callee), call.node(), handlers(site, object));
        return;
      }
    }
    boolean jobsClient = callee.toLowerCase(Locale.ROOT).contains("job");
    for (TsNode arg : args) {
      TsNode value = expression(arg);
      if (jobsClient && TsSource.type(value).equals("array")) {
        registered(site, value);
      } else if (TsSource.type(value).equals("object")) {
        JobEntryPoints.property(site, value, "jobs").stream()
            .map(JobDefinitions::expression)
            .filter(v -> TsSource.type(v).equals("array"))
            .forEach(v -> registered(site, v));
      }
    }
  }

  @Override
  public void module(TsSite site) {
    for (TsNode statement : TsSource.named(site.source().root())) {
      TsNode declaration = statement;
      if (statement.getType().equals("export_statement")) {
        declaration = TsSource.field(statement, "declaration");
      }
      String type = TsSource.type(declaration);
      if (!type.equals("lexical_declaration") && !type.equals("variable_declaration")) {
        continue;
      }
      for (TsNode declarator : TsSource.named(declaration)) {
        if (!declarator.getType().equals("variable_declarator")) {
          continue;
        }
        TsNode name = TsSource.field(declarator, "name");
        TsNode object = jobObject(site, TsSource.field(declarator, "value"));
        if (object == null || !TsSource.type(name).equals("identifier")) {
          continue;
        }
        String local = site.source().text(name);
        EntryPoint entryPoint = entryPoint(site, object, local);
        String unit = site.pendingRegistration(entryPoint, object, handlers(site, object));
        site.module().jobDefinitions.put(local, new TsModule.JobDefinition(unit, entryPoint));
      }
    }
  }

  /**
   * The names in an array given to a jobs client: each that is bound (here or through imports) to a
   * job definition makes that definition an entry point.
   */
  private static void registered(TsSite site, TsNode array) {
    String path = site.path();
    for (TsNode element : TsSource.named(array)) {
      if (!element.getType().equals("identifier")) {
        continue;
      }
      String local = site.source().text(element);
      site.module()
          .pending
          .add(
              (project, facts) ->
                  project
                      .binding(path, local)
                      .flatMap(
                          b -> project.module(b.path()).map(m -> m.jobDefinitions.get(b.local())))
                      .ifPresent(d -> facts.entryPoint(d.unitId(), d.entryPoint())));
    }
  }

  /**
   * The object literal {@code node} is (through {@code as const}, {@code satisfies}) if job-shaped.
   */
  private static TsNode jobObject(TsSite site, TsNode node) {
    TsNode object = expression(node);
    if (!TsSource.type(object).equals("object")) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    for (TsNode entry : TsSource.named(object)) {
      TsNode key =
          switch (entry.getType()) {
            case "pair" -> TsSource.field(entry, "key");
            case "method_definition" -> TsSource.field(entry, "name");
            case "shorthand_property_identifier" -> entry;
            default -> null;
          };
      if (entry.getType().equals("shorthand_property_identifier")) {
        keys.add(site.source().text(entry));
      } else if (key != null) {
        site.source().keyName(key).ifPresent(keys::add);
      }
    }
    boolean named = keys.contains("id") || keys.contains("name");
    boolean handled = keys.contains("handler") || keys.contains("run");
    return named && keys.contains("trigger") && handled ? object : null;
  }

  private static List<TsNode> handlers(TsSite site, TsNode object) {
    List<TsNode> handlers = JobEntryPoints.property(site, object, "handler");
    handlers.addAll(JobEntryPoints.property(site, object, "run"));
    return handlers;
  }

  private static EntryPoint entryPoint(TsSite site, TsNode object, String fallback) {
    String name =
        constant(site, object, "id").or(() -> constant(site, object, "name")).orElse(fallback);
    return new EntryPoint(EntryPointKind.WORKER, "job " + name, site.source().location(object));
  }

  private static Optional<String> constant(TsSite site, TsNode object, String key) {
    return JobEntryPoints.property(site, object, key).stream()
        .findFirst()
        .flatMap(v -> site.strings().evaluate(v))
        .flatMap(t -> t.constant());
  }

  /** The expression under parentheses, {@code as}/{@code satisfies} assertions and {@code !}. */
  private static TsNode expression(TsNode node) {
    TsNode current = node;
    while (TsSource.present(current)) {
      switch (current.getType()) {
        case "parenthesized_expression",
            "as_expression",
            "satisfies_expression",
            "non_null_expression" -> {
          List<TsNode> children = TsSource.named(current);
          current = children.isEmpty() ? null : children.get(0);
        }
        default -> {
          return current;
        }
      }
    }
    return null;
  }
}
