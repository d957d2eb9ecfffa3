package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spring MVC request mappings on {@code @RestController}/{@code @Controller} classes: class-level
 * {@code @RequestMapping} prefixes joined with method-level {@code @GetMapping} and friends. Routes
 * under {@code /admin} or in admin classes are {@code admin}; routes that say webhook or callback
 * are {@code webhook}; the rest are {@code http}.
 */
public final class SpringWebEntryPoints implements EntryPointAdapter {

  private static final Set<String> CONTROLLERS = Set.of("RestController", "Controller");
  private static final Set<String> REQUEST_MAPPING = Set.of("RequestMapping");
  private static final Map<String, String> VERB_MAPPINGS =
      Map.of(
          "GetMapping", "GET",
          "PostMapping", "POST",
          "PutMapping", "PUT",
          "DeleteMapping", "DELETE",
          "PatchMapping", "PATCH");

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    if (!Annotations.has(owner, CONTROLLERS) && !Annotations.has(owner, REQUEST_MAPPING)) {
      return List.of();
    }
    List<String> prefixes =
        Annotations.find(owner, REQUEST_MAPPING)
            .map(a -> Annotations.strings(a, "value", "path"))
            .filter(p -> !p.isEmpty())
            .orElse(List.of(""));
    List<EntryPoint> result = new ArrayList<>();
    for (AnnotationExpr annotation : method.getAnnotations()) {
      String name = annotation.getName().getIdentifier();
      List<String> verbs;
      if (VERB_MAPPINGS.containsKey(name)) {
        verbs = List.of(VERB_MAPPINGS.get(name));
      } else if (name.equals("RequestMapping")) {
        verbs = requestMethods(annotation);
      } else {
        continue;
      }
      List<String> paths = Annotations.strings(annotation, "value", "path");
      for (String prefix : prefixes) {
        for (String path : paths.isEmpty() ? List.of("") : paths) {
          String route = join(prefix, path);
          for (String verb : verbs) {
            result.add(
                new EntryPoint(
                    kind(route, owner, method),
                    verb + " " + route,
                    site.location(method.getName())));
          }
        }
      }
    }
    return result;
  }

  private static List<String> requestMethods(AnnotationExpr annotation) {
    Optional<Expression> methods = Annotations.member(annotation, "method");
    if (methods.isEmpty()) {
      return List.of("ANY");
    }
    List<String> verbs = new ArrayList<>();
    methods
        .get()
        .walk(
            com.github.javaparser.ast.expr.SimpleName.class,
            n -> {
              String id = n.getIdentifier();
              if (id.equals(id.toUpperCase(Locale.ROOT)) && !id.equals("RequestMethod")) {
                verbs.add(id);
              }
            });
    return verbs.isEmpty() ? List.of("ANY") : verbs;
  }

  /** Joins a class prefix and a method path into one route starting with {@code /}. */
  static String join(String prefix, String path) {
    String left = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    String right = path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    String route = left + right;
    if (route.isEmpty()) {
      return "/";
    }
    return route.startsWith("/") ? route : "/" + route;
  }

  /** Signature checks and headers that mark a route as a webhook. */
  private static final Set<String> SIGNATURE_WORDS =
      Set.of("signature", "constructevent", "verifywebhook", "hmac");

  /**
   * The kind of a route: {@code webhook} when its path, class or code says so (a signature header,
   * a signature check such as Stripe's {@code Webhook.constructEvent}), {@code admin} under {@code
   * /admin} or in admin classes and packages, else {@code http}.
   */
  static EntryPointKind kind(String route, TypeDeclaration<?> owner, MethodDeclaration method) {
    String lowerRoute = route.toLowerCase(Locale.ROOT);
    String typeName = owner.getNameAsString().toLowerCase(Locale.ROOT);
    if (lowerRoute.contains("webhook")
        || lowerRoute.contains("callback")
        || typeName.contains("webhook")
        || verifiesSignature(method)) {
      return EntryPointKind.WEBHOOK;
    }
    String packageName =
        owner
            .findCompilationUnit()
            .flatMap(cu -> cu.getPackageDeclaration())
            .map(p -> p.getNameAsString().toLowerCase(Locale.ROOT))
            .orElse("");
    if (lowerRoute.equals("/admin")
        || lowerRoute.startsWith("/admin/")
        || typeName.startsWith("admin")
        || packageName.endsWith(".admin")
        || packageName.contains(".admin.")) {
      return EntryPointKind.ADMIN;
    }
    return EntryPointKind.HTTP;
  }

  private static boolean verifiesSignature(MethodDeclaration method) {
    for (var parameter : method.getParameters()) {
      for (var annotation : parameter.getAnnotations()) {
        if (annotation.getName().getIdentifier().equals("RequestHeader")
            && Annotations.strings(annotation, "value", "name").stream()
                .anyMatch(h -> h.toLowerCase(Locale.ROOT).contains("signature"))) {
          return true;
        }
      }
    }
    return method.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
        .map(c -> c.getNameAsString().toLowerCase(Locale.ROOT))
        .anyMatch(name -> SIGNATURE_WORDS.stream().anyMatch(name::contains));
  }
}
