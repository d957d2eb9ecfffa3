package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Message consumers: queue and topic listeners that drain work ({@code @KafkaListener},
 * {@code @RabbitListener}, {@code @SqsListener}, Azure {@code @ServiceBusListener}) are {@code
 * worker} entry points; {@code @JmsListener} and in-process events ({@code @EventListener},
 * {@code @TransactionalEventListener}) are {@code listener}s. Each is named by its topic, queue or
 * event type.
 */
public final class MessagingEntryPoints implements EntryPointAdapter {

  private record Listener(EntryPointKind kind, String system, List<String> members) {}

  private static final Map<String, Listener> LISTENERS =
      Map.of(
          "KafkaListener",
              new Listener(
                  EntryPointKind.WORKER, "kafka", List.of("topics", "topicPattern", "value")),
          "JmsListener",
              new Listener(EntryPointKind.LISTENER, "jms", List.of("destination", "value")),
          "RabbitListener",
              new Listener(EntryPointKind.WORKER, "rabbit", List.of("queues", "value")),
          "SqsListener", new Listener(EntryPointKind.WORKER, "sqs", List.of("value", "queueNames")),
          "ServiceBusListener",
              new Listener(EntryPointKind.WORKER, "servicebus", List.of("destination", "value")),
          "EventListener",
              new Listener(EntryPointKind.LISTENER, "event", List.of("classes", "value")),
          "TransactionalEventListener",
              new Listener(EntryPointKind.LISTENER, "event", List.of("classes", "value")));

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    List<EntryPoint> result = new ArrayList<>();
    for (AnnotationExpr annotation : method.getAnnotations()) {
      Listener listener = LISTENERS.get(annotation.getName().getIdentifier());
      if (listener == null) {
        continue;
      }
      List<String> sources =
          Annotations.strings(annotation, listener.members().toArray(String[]::new));
      if (sources.isEmpty()
          && listener.system().equals("event")
          && method.getParameters().size() == 1) {
        // @EventListener void on(UserCreated event): the event type names it.
        sources = List.of(method.getParameter(0).getType().asString());
      }
      String source =
          sources.isEmpty()
              ? owner.getNameAsString() + "." + method.getNameAsString()
              : String.join(",", sources).replace(".class", "");
      result.add(
          new EntryPoint(
              listener.kind(), listener.system() + " " + source, site.location(method.getName())));
    }
    return result;
  }
}
