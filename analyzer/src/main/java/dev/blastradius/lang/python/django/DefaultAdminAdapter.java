package dev.blastradius.lang.python.django;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.CallAdapter;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import java.util.List;
import java.util.Set;

/**
 * {@code admin.site.register(Order)} without an admin class: Django's default admin lists, shows
 * and saves every column (implicit reads and writes at the registration).
 */
public final class DefaultAdminAdapter implements CallAdapter {

  @Override
  public void visit(PyExpr.Call call, boolean chained, PySite site) {
    if (call.positional().size() != 1
        || !call.name().filter("register"::equals).isPresent()
        || !(site.value(call.function()) instanceof PyValue.External e)
        || !e.in("django.contrib.admin")) {
      return;
    }
    PyExpr target = call.positional().get(0);
    List<PyExpr> targets = target instanceof PyExpr.Seq seq ? seq.items() : List.of(target);
    for (PyExpr model : targets) {
      if (site.value(model) instanceof PyValue.ClassRef cls) {
        site.project()
            .models()
            .model(cls)
            .filter(m -> m.via() == Via.DJANGO_ORM)
            .ifPresent(
                m -> {
                  m.loadedColumns()
                      .forEach(c -> ModelFieldLists.read(site, c, Confidence.LIKELY, true));
                  ModelFieldLists.editable(m, Set.of())
                      .forEach(c -> ModelFieldLists.write(site, c, Confidence.LIKELY, true));
                });
      }
    }
  }
}
