package dev.blastradius.lang.python.django;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyModule;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import dev.blastradius.lang.python.link.ExprWalk;
import dev.blastradius.lang.python.link.Project;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which models an admin class manages: {@code @admin.register(Order)} on the class, or {@code
 * admin.site.register(Order, OrderAdmin)} in its module; inlines name theirs with {@code model =
 * …}. Registrations without an admin class use Django's default one.
 */
public final class AdminRegistrations {

  static final Set<String> ADMIN_CLASSES =
      Set.of(
          "ModelAdmin",
          "TabularInline",
          "StackedInline",
          "InlineModelAdmin",
          "GenericTabularInline",
          "GenericStackedInline");

  private AdminRegistrations() {}

  /** Whether a class is a model admin or inline. */
  public static boolean isAdmin(PyValue.ClassRef cls, Project project) {
    return project.resolver().derivesFrom(cls, "django", ADMIN_CLASSES)
        || project.resolver().externalBases(cls).stream().anyMatch(b -> b.endsWith("ModelAdmin"));
  }

  /** The model classes an admin class is registered for, or an inline's {@code model}. */
  public static List<PyValue.ClassRef> models(PyValue.ClassRef admin, Project project) {
    List<PyValue.ClassRef> models = new ArrayList<>();
    Scope moduleScope = project.resolver().moduleScope(admin.module());
    for (PyExpr decorator : admin.cls().decorators()) {
      if (decorator instanceof PyExpr.Call call && isRegister(call, moduleScope, project)) {
        for (PyExpr argument : call.positional()) {
          add(project.resolver().value(argument, moduleScope), models);
        }
      }
    }
    registrations(
        admin.module(),
        project,
        (unit, statement, call, scope) -> {
          if (call.positional().size() >= 2
              && project.resolver().value(call.positional().get(1), scope)
                  instanceof PyValue.ClassRef c
              && c.cls() == admin.cls()) {
            PyExpr target = call.positional().get(0);
            List<PyExpr> targets = target instanceof PyExpr.Seq seq ? seq.items() : List.of(target);
            targets.forEach(t -> add(project.resolver().value(t, scope), models));
          }
        });
    admin
        .cls()
        .value("model")
        .map(
            v ->
                project
                    .resolver()
                    .value(v, project.resolver().scope(admin.module(), admin.cls().body())))
        .ifPresent(v -> add(v, models));
    return models;
  }

  private static void add(PyValue value, List<PyValue.ClassRef> models) {
    if (value instanceof PyValue.ClassRef cls) {
      models.add(cls);
    }
  }

  /** A call of {@code admin.site.register(…)}. */
  public interface Registration {
    void found(PyUnit unit, PyStatement statement, PyExpr.Call call, Scope scope);
  }

  /** Every {@code admin.site.register(…)} call in a module. */
  public static void registrations(PyModule module, Project project, Registration visitor) {
    for (PyUnit unit : module.units()) {
      Scope scope = project.resolver().scope(module, unit);
      for (PyStatement statement : unit.statements()) {
        ExprWalk.calls(
            statement.value(),
            (call, chained) -> {
              if (isRegister(call, scope, project)) {
                visitor.found(unit, statement, call, scope);
              }
            });
      }
    }
  }

  private static boolean isRegister(PyExpr.Call call, Scope scope, Project project) {
    return call.name().filter("register"::equals).isPresent()
        && project.resolver().value(call.function(), scope) instanceof PyValue.External e
        && e.in("django.contrib.admin");
  }
}
