package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsModule;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schedules and queue consumers: {@code node-cron} ({@code cron.schedule}), {@code cron} ({@code
 * new CronJob}, {@code CronJob.from}), {@code node-schedule}, {@code Deno.cron} ({@code cron});
 * BullMQ ({@code new Worker}), Bull ({@code queue.process}), trigger.dev ({@code task}, {@code
 * schemaTask}; {@code schedules.task} is {@code cron}), Inngest ({@code createFunction}, {@code
 * cron} when triggered by one), {@code sqs-consumer}, KafkaJS ({@code consumer.run}), pg-boss
 * ({@code work}) and Agenda ({@code define}) ({@code worker}). tRPC procedures are {@link
 * TrpcProcedures}, job definitions given to an application's own jobs client {@link
 * JobDefinitions}.
 */
public final class JobEntryPoints implements TsAdapter {

  @Override
  public void call(TsCall call, TsSite site) {
    CallChain chain = call.chain();
    CallChain.Link last = chain.last();
    String root = chain.rootText();
    if (call.isNew()) {
      newExpression(call, site);
      return;
    }
    if (last == null || !last.isCall()) {
      return;
    }
    String method = last.name() == null ? root : last.name();
    List<TsNode> args = last.arguments();
    switch (method) {
      case "schedule", "scheduleJob" -> {
        if (from(site, root, "node-cron", "node-schedule") || root.equals("cron")) {
          register(
              call,
              site,
              EntryPointKind.CRON,
              "cron " + text(last.first(), site),
              args.subList(1, args.size()));
        }
      }
      case "cron" -> {
        if (root.equals("Deno") && args.size() >= 3) {
          register(
              call,
              site,
              EntryPointKind.CRON,
              "Deno.cron " + text(args.get(0), site) + " (" + text(args.get(1), site) + ")",
              args.subList(2, args.size()));
        }
      }
      case "from" -> {
        if (root.equals("CronJob") && site.value(last.first()) instanceof JsValue.Obj options) {
          String schedule = options.get("cronTime").flatMap(JsValue::string).orElse("?");
          register(
              call,
              site,
              EntryPointKind.CRON,
              "cron " + schedule,
              property(site, last.first(), "onTick"));
        }
      }
      case "task", "schemaTask" ->
          trigger(
              call, last, site, root.equals("schedules") || chain.names().contains("schedules"));
      case "defineJob" -> trigger(call, last, site, false);
      case "createFunction" -> inngest(call, last, site);
      case "process" -> {
        if (site.importsFrom("bull") && !args.isEmpty()) {
          String queue = args.size() > 1 ? text(args.get(0), site) : root;
          register(
              call,
              site,
              EntryPointKind.WORKER,
              "bull " + queue,
              args.subList(args.size() - 1, args.size()));
        }
      }
      case "create" -> {
        if (root.equals("Consumer")
            && site.importsFrom("sqs-consumer")
            && site.value(last.first()) instanceof JsValue.Obj options) {
          String queue = options.get("queueUrl").flatMap(JsValue::string).orElse("queue");
          List<TsNode> handlers = property(site, last.first(), "handleMessage");
          handlers.addAll(property(site, last.first(), "handleMessageBatch"));
          register(call, site, EntryPointKind.WORKER, "sqs " + queue, handlers);
        }
      }
      case "run" -> {
        if (site.importsFrom("kafkajs") && last.first() != null) {
          List<TsNode> handlers = property(site, last.first(), "eachMessage");
          handlers.addAll(property(site, last.first(), "eachBatch"));
          register(call, site, EntryPointKind.WORKER, "kafka " + root, handlers);
        }
      }
      case "work" -> {
        if (site.importsFrom("pg-boss") && args.size() >= 2) {
          register(
              call,
              site,
              EntryPointKind.WORKER,
              "pg-boss " + text(args.get(0), site),
              args.subList(args.size() - 1, args.size()));
        }
      }
      case "define" -> {
        if (site.importsFrom("agenda") && args.size() >= 2) {
          register(
              call,
              site,
              EntryPointKind.WORKER,
              "agenda " + text(args.get(0), site),
              args.subList(args.size() - 1, args.size()));
        }
      }
      default -> {}
    }
  }

  private static void newExpression(TsCall call, TsSite site) {
    TsNode constructor = TsSource.field(call.node(), "constructor");
    TsNode arguments = TsSource.field(call.node(), "arguments");
    if (constructor == null || arguments == null) {
      return;
    }
    String name = site.source().text(constructor);
    List<TsNode> args = TsSource.named(arguments);
    if (name.equals("Worker") && from(site, name, "bullmq") && args.size() >= 2) {
      register(
          call,
          site,
          EntryPointKind.WORKER,
          "bullmq " + text(args.get(0), site),
          args.subList(1, 2));
    } else if (name.equals("CronJob") && !args.isEmpty()) {
      register(
          call,
          site,
          EntryPointKind.CRON,
          "cron " + text(args.get(0), site),
          args.subList(Math.min(1, args.size()), Math.min(2, args.size())));
    }
  }

  /** trigger.dev {@code task({ id, run })}; {@code schedules.task({ id, cron, run })} is a cron. */
  private static void trigger(TsCall call, CallChain.Link link, TsSite site, boolean scheduled) {
    if (!site.importsFrom("@trigger.dev/sdk")
        || !(site.value(link.first()) instanceof JsValue.Obj options)) {
      return;
    }
    String id = options.get("id").flatMap(JsValue::string).orElse("?");
    Optional<String> cron =
        options
            .get("cron")
            .flatMap(
                c ->
                    c instanceof JsValue.Obj o
                        ? o.get("pattern").flatMap(JsValue::string)
                        : c.string());
    List<TsNode> handlers = property(site, link.first(), "run");
    if (scheduled) {
      register(
          call,
          site,
          EntryPointKind.CRON,
          "trigger.dev " + id + cron.map(c -> " (" + c + ")").orElse(""),
          handlers);
    } else {
      register(call, site, EntryPointKind.WORKER, "trigger.dev " + id, handlers);
    }
  }

  /** Inngest {@code createFunction({ id }, { event } | { cron }, handler)}. */
  private static void inngest(TsCall call, CallChain.Link link, TsSite site) {
    List<TsNode> args = link.arguments();
    if (args.size() < 3 || !(site.value(args.get(0)) instanceof JsValue.Obj config)) {
      return;
    }
    String id = config.get("id").or(() -> config.get("name")).flatMap(JsValue::string).orElse("?");
    JsValue trigger = site.value(args.get(1));
    Optional<String> cron =
        trigger instanceof JsValue.Obj t
            ? t.get("cron").flatMap(JsValue::string)
            : Optional.empty();
    if (cron.isPresent()) {
      register(
          call,
          site,
          EntryPointKind.CRON,
          "inngest " + id + " (" + cron.get() + ")",
          args.subList(2, 3));
    } else {
      register(call, site, EntryPointKind.WORKER, "inngest " + id, args.subList(2, 3));
    }
  }

  private static void register(
      TsCall call, TsSite site, EntryPointKind kind, String name, List<TsNode> handlers) {
    if (handlers.isEmpty()) {
      return;
    }
    site.registration(
        new EntryPoint(kind, name, site.source().location(call.node())), call.node(), handlers);
  }

  /** The value of property {@code key} of an object literal argument (a function, usually). */
  static List<TsNode> property(TsSite site, TsNode object, String key) {
    List<TsNode> found = new ArrayList<>();
    TsNode inner = TsSource.unwrap(object);
    if (!TsSource.type(inner).equals("object")) {
      return found;
    }
    for (TsNode entry : TsSource.named(inner)) {
      switch (entry.getType()) {
        case "pair" -> {
          if (site.source().keyName(TsSource.field(entry, "key")).filter(key::equals).isPresent()) {
            found.add(TsSource.field(entry, "value"));
          }
        }
        case "method_definition" -> {
          if (site.source()
              .keyName(TsSource.field(entry, "name"))
              .filter(key::equals)
              .isPresent()) {
            found.add(entry);
          }
        }
        case "shorthand_property_identifier" -> {
          if (site.source().text(entry).equals(key)) {
            found.add(entry);
          }
        }
        default -> {}
      }
    }
    return found;
  }

  /** Whether {@code name} is imported from one of the packages (or the file imports them). */
  private static boolean from(TsSite site, String name, String... packages) {
    TsModule.Import imported = site.importOf(name);
    for (String each : packages) {
      if (imported != null ? imported.specifier().equals(each) : site.importsFrom(each)) {
        return true;
      }
    }
    return false;
  }

  private static String text(TsNode node, TsSite site) {
    return node == null
        ? "?"
        : site.strings().evaluate(node).flatMap(t -> t.constant()).orElse(site.source().text(node));
  }
}
