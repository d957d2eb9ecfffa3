package dev.blastradius.lang.python.django;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.CallAdapter;
import dev.blastradius.lang.python.link.ModelField;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Django ORM calls: queryset chains from a manager ({@code User.objects}, custom managers, related
 * managers, queryset variables) read through {@link QueryChain}; and calls on loaded instances —
 * {@code save()} writes every column (or {@code update_fields}), {@code delete()} the row, {@code
 * refresh_from_db()} reads every column (or {@code fields}). Querysets kept in local variables are
 * read where they are evaluated, by {@link LazyQuerysetAdapter}.
 */
public final class DjangoOrmAdapter implements CallAdapter {

  @Override
  public void visit(PyExpr.Call call, boolean chained, PySite site) {
    if (chained || LazyQuerysets.of(site).handles(call, site.statement())) {
      return;
    }
    if (call.function() instanceof PyExpr.Attr attr) {
      PyValue receiver = site.value(attr.object());
      if (receiver instanceof PyValue.Instance instance) {
        site.project()
            .models()
            .model(new PyValue.ClassRef(instance.module(), instance.cls()))
            .filter(m -> m.via() == Via.DJANGO_ORM)
            .ifPresent(m -> instanceCall(m, attr.name(), call, site));
        return;
      }
    }
    if (site.value(call.function()) instanceof PyValue.External shortcut
        && shortcut.name().startsWith("django.shortcuts.get_")
        && shortcut.name().endsWith("_or_404")) {
      QueryChain.shortcut(call, site).ifPresent(c -> c.read(site));
      return;
    }
    QueryChain.of(call, site)
        .filter(c -> c.model().via() == Via.DJANGO_ORM)
        .ifPresent(c -> c.read(site));
  }

  private static void instanceCall(ModelInfo model, String method, PyExpr.Call call, PySite site) {
    switch (method) {
      case "save" -> {
        Optional<PyExpr> fields = call.keyword("update_fields");
        if (fields.isPresent() && fields.get() instanceof PyExpr.Seq) {
          for (String name : PyExpr.strings(fields.get())) {
            model
                .field(name)
                .filter(f -> f.column() != null)
                .ifPresent(f -> write(site, f.columnRef(), Confidence.CERTAIN, false));
          }
        } else {
          model.loadedColumns().forEach(c -> write(site, c, Confidence.LIKELY, true));
        }
      }
      case "delete" ->
          write(site, model.table().column(ColumnRef.TABLE_LEVEL), Confidence.CERTAIN, false);
      case "refresh_from_db" -> {
        List<String> fields = call.keyword("fields").map(PyExpr::strings).orElse(List.of());
        if (fields.isEmpty()) {
          model.loadedColumns().forEach(c -> read(site, c, Confidence.LIKELY, true));
        } else {
          List<ColumnRef> columns = new ArrayList<>();
          fields.forEach(f -> model.field(f).map(ModelField::columnRef).ifPresent(columns::add));
          columns.forEach(c -> read(site, c, Confidence.CERTAIN, false));
        }
      }
      default -> {}
    }
  }

  static void read(PySite site, ColumnRef column, Confidence confidence, boolean implicit) {
    site.access(column, AccessKind.READ, Via.DJANGO_ORM, confidence, implicit);
  }

  static void write(PySite site, ColumnRef column, Confidence confidence, boolean implicit) {
    site.access(column, AccessKind.WRITE, Via.DJANGO_ORM, confidence, implicit);
  }

  /** A write that supplies the column of the rows the call creates (Django inserts every field). */
  static void insert(PySite site, ColumnRef column, Confidence confidence, boolean implicit) {
    site.insert(column, Via.DJANGO_ORM, confidence, implicit);
  }
}
