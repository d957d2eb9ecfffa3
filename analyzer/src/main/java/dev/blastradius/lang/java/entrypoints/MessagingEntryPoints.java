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
 * Message consumers: {@code @KafkaListener} methods are {@code worker} entry points (they drain a
 * queue), {@code @JmsListener} methods are {@code listener}s; both named by their topic or queue.
 */
public final class MessagingEntryPoints implements EntryPointAdapter {

  private record Listener(EntryPointKind kind, String system, List<String> members) {}

  private static final Map<String, Listener> LISTENERS =
      Map.of(
          "KafkaListener",
              new Listener(
                  EntryPointKind.WORKER, "kafka", List.of("topics", "topicPattern", "value")),
          "JmsListener",
              new Listener(EntryPointKind.LISTENER, "jms", List.of("destination", "value")));

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
      String source =
          sources.isEmpty()
              ? owner.getNameAsString() + "." + method.getNameAsString()
              : String.join(",", sources);
      result.add(
          new EntryPoint(
              listener.kind(), listener.system() + " " + source, site.location(method.getName())));
    }
    return result;
  }
}
