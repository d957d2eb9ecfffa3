package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spring's {@code @Scheduled} methods: {@code cron} entry points named with their schedule, and the
 * ShedLock lock name when {@code @SchedulerLock} makes one instance at a time run them.
 */
public final class ScheduledEntryPoints implements EntryPointAdapter {

  private static final Set<String> SCHEDULED = Set.of("Scheduled", "Schedules");

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    Optional<AnnotationExpr> annotation = Annotations.find(method, SCHEDULED);
    if (annotation.isEmpty()) {
      return List.of();
    }
    List<String> details = new java.util.ArrayList<>();
    schedule(annotation.get()).ifPresent(details::add);
    // ShedLock: one instance at a time runs it, under this lock name.
    Annotations.find(method, Set.of("SchedulerLock"))
        .map(lock -> Annotations.strings(lock, "name"))
        .filter(names -> !names.isEmpty())
        .ifPresent(names -> details.add("ShedLock " + names.get(0)));
    String name =
        owner.getNameAsString()
            + "."
            + method.getNameAsString()
            + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    return List.of(new EntryPoint(EntryPointKind.CRON, name, site.location(method.getName())));
  }

  private static Optional<String> schedule(AnnotationExpr annotation) {
    for (String member :
        List.of("cron", "fixedRate", "fixedDelay", "fixedRateString", "fixedDelayString")) {
      List<String> values = Annotations.strings(annotation, member);
      if (!values.isEmpty()) {
        String label = member.startsWith("cron") ? "cron" : member.replace("String", "");
        return Optional.of(label + " " + String.join(",", values));
      }
    }
    return Optional.empty();
  }
}
