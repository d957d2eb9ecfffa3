package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work that frameworks start by type rather than annotation: Quartz jobs ({@code Job.execute},
 * {@code QuartzJobBean.executeInternal}) are {@code cron}; Spring Batch steps ({@code
 * Tasklet.execute}, {@code ItemReader.read}, {@code ItemProcessor.process}, {@code
 * ItemWriter.write}) are {@code worker}s; {@code CommandLineRunner.run} and {@code
 * ApplicationRunner.run} are {@code script}s.
 */
public final class JobEntryPoints implements EntryPointAdapter {

  private record Kind(EntryPointKind kind, String system, List<String> methods) {}

  private static final Map<String, Kind> SUPERTYPES =
      Map.of(
          "Job", new Kind(EntryPointKind.CRON, "quartz", List.of("execute")),
          "QuartzJobBean", new Kind(EntryPointKind.CRON, "quartz", List.of("executeInternal")),
          "Tasklet", new Kind(EntryPointKind.WORKER, "batch", List.of("execute")),
          "ItemReader", new Kind(EntryPointKind.WORKER, "batch", List.of("read")),
          "ItemProcessor", new Kind(EntryPointKind.WORKER, "batch", List.of("process")),
          "ItemWriter", new Kind(EntryPointKind.WORKER, "batch", List.of("write")),
          "CommandLineRunner", new Kind(EntryPointKind.SCRIPT, "runner", List.of("run")),
          "ApplicationRunner", new Kind(EntryPointKind.SCRIPT, "runner", List.of("run")));

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    if (!(owner instanceof ClassOrInterfaceDeclaration declaration) || declaration.isInterface()) {
      return List.of();
    }
    Optional<Kind> kind =
        java.util.stream.Stream.concat(
                declaration.getExtendedTypes().stream(), declaration.getImplementedTypes().stream())
            .map(ClassOrInterfaceType::getNameAsString)
            .map(SUPERTYPES::get)
            .filter(k -> k != null && k.methods().contains(method.getNameAsString()))
            .findFirst();
    return kind.map(
            k ->
                List.of(
                    new EntryPoint(
                        k.kind(),
                        k.system() + " " + owner.getNameAsString() + "." + method.getNameAsString(),
                        site.location(method.getName()))))
        .orElse(List.of());
  }
}
