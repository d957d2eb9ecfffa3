package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * NestJS method decorators: routes ({@code @Get(':id')} under {@code @Controller('users')}),
 * schedules ({@code @Cron}, {@code @Interval}, {@code @Timeout}), queue and microservice handlers
 * ({@code @Process}, {@code @EventPattern}, {@code @MessagePattern}, {@code @SqsMessageHandler},
 * {@code @RabbitSubscribe}), {@code @OnEvent} listeners and GraphQL
 * {@code @Query}/{@code @Mutation} resolvers; and {@code process} of a {@code @Processor} class.
 */
public final class NestEntryPoints implements TsAdapter {

  private static final List<String> ROUTES =
      List.of("Get", "Post", "Put", "Patch", "Delete", "All", "Options", "Head");

  private static final Map<String, EntryPointKind> OTHERS =
      Map.ofEntries(
          Map.entry("Cron", EntryPointKind.CRON),
          Map.entry("Interval", EntryPointKind.CRON),
          Map.entry("Timeout", EntryPointKind.CRON),
          Map.entry("Process", EntryPointKind.WORKER),
          Map.entry("EventPattern", EntryPointKind.WORKER),
          Map.entry("MessagePattern", EntryPointKind.WORKER),
          Map.entry("SqsMessageHandler", EntryPointKind.WORKER),
          Map.entry("RabbitSubscribe", EntryPointKind.WORKER),
          Map.entry("OnEvent", EntryPointKind.LISTENER),
          Map.entry("Query", EntryPointKind.HTTP),
          Map.entry("Mutation", EntryPointKind.HTTP));

  @Override
  public void call(TsCall call, TsSite site) {
    if (call.isNew()) {
      return;
    }
    TsNode decorator = call.parent();
    if (!TsSource.type(decorator).equals("decorator")) {
      return;
    }
    String name = call.chain().rootText();
    if (!call.chain().links().isEmpty() && call.chain().links().get(0).name() != null) {
      return; // not a plain @Name(…)
    }
    TsNode first = call.chain().links().isEmpty() ? null : call.chain().links().get(0).first();
    if (name.equals("Processor")) {
      processor(decorator, first, site);
      return;
    }
    TsNode method = decoratedMethod(decorator);
    String unit = method == null ? null : site.unitOf(method);
    if (unit == null) {
      return;
    }
    String argument = first == null ? "" : text(first, site).orElse("");
    var location = site.source().location(method);
    if (ROUTES.contains(name)) {
      String route = join(controllerPath(decorator, site), argument);
      boolean signed = site.callsWithin(method, RoutePaths.SIGNATURE_CHECKS);
      String verb = name.equals("All") ? "ANY" : name.toUpperCase(Locale.ROOT);
      site.entryPoint(
          unit, new EntryPoint(RoutePaths.kind(route, signed), verb + " " + route, location));
    } else if (OTHERS.containsKey(name)) {
      String label =
          name.equals("Query") || name.equals("Mutation")
              ? "graphql " + name.toLowerCase(Locale.ROOT)
              : "@" + name;
      String method2 = site.source().keyName(TsSource.field(method, "name")).orElse("");
      site.entryPoint(
          unit,
          new EntryPoint(
              OTHERS.get(name), label + " " + (argument.isEmpty() ? method2 : argument), location));
    }
  }

  /** A {@code @Processor('queue')} class: its {@code process} method handles the queue's jobs. */
  private static void processor(TsNode decorator, TsNode argument, TsSite site) {
    TsNode classNode = decoratedClass(decorator);
    TsNode body = classNode == null ? null : TsSource.field(classNode, "body");
    if (body == null) {
      return;
    }
    String queue = argument == null ? "" : text(argument, site).orElse("");
    for (TsNode member : TsSource.named(body)) {
      if (member.getType().equals("method_definition")
          && site.source()
              .keyName(TsSource.field(member, "name"))
              .filter("process"::equals)
              .isPresent()) {
        String unit = site.unitOf(member);
        site.entryPoint(
            unit,
            new EntryPoint(
                EntryPointKind.WORKER, "@Processor " + queue, site.source().location(member)));
      }
    }
  }

  /** The method a decorator in a class body decorates: the next method after it. */
  private static TsNode decoratedMethod(TsNode decorator) {
    TsNode next = decorator.getNextNamedSibling();
    while (TsSource.present(next) && next.getType().equals("decorator")) {
      next = next.getNextNamedSibling();
    }
    return TsSource.type(next).equals("method_definition") ? next : null;
  }

  /**
   * The class a class decorator decorates ({@code @X() export class …} or {@code @X() class …}).
   */
  private static TsNode decoratedClass(TsNode decorator) {
    TsNode parent = decorator.getParent();
    if (TsSource.type(parent).equals("export_statement")) {
      return TsSource.field(parent, "declaration");
    }
    return parent != null && parent.getType().contains("class") ? parent : null;
  }

  /** The {@code @Controller('x')} path of the class a method decorator sits in. */
  private static String controllerPath(TsNode methodDecorator, TsSite site) {
    TsNode body = methodDecorator.getParent();
    TsNode classNode = TsSource.present(body) ? body.getParent() : null;
    if (!TsSource.present(classNode)) {
      return "";
    }
    List<TsNode> decorators = new java.util.ArrayList<>(TsSource.named(classNode));
    TsNode parent = classNode.getParent();
    if (TsSource.type(parent).equals("export_statement")) {
      decorators.addAll(TsSource.named(parent));
    }
    for (TsNode decorator : decorators) {
      if (!decorator.getType().equals("decorator")) {
        continue;
      }
      TsNode call = TsSource.named(decorator).stream().findFirst().orElse(null);
      if (!TsSource.type(call).equals("call_expression")) {
        continue;
      }
      TsNode function = TsSource.field(call, "function");
      if (function == null || !site.source().text(function).equals("Controller")) {
        continue;
      }
      TsNode arguments = TsSource.field(call, "arguments");
      TsNode first =
          arguments == null ? null : TsSource.named(arguments).stream().findFirst().orElse(null);
      if (first == null) {
        return "";
      }
      if (site.value(first) instanceof JsValue.Obj options) {
        return options.get("path").flatMap(JsValue::string).orElse("");
      }
      return text(first, site).orElse("");
    }
    return "";
  }

  private static String join(String prefix, String path) {
    String joined = ("/" + prefix + "/" + path).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  private static Optional<String> text(TsNode node, TsSite site) {
    return site.strings().evaluate(node).flatMap(t -> t.constant());
  }
}
