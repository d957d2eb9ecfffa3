package dev.blastradius.lang.python.django;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.ClassAdapter;
import dev.blastradius.lang.python.link.ClassSite;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.schema.ColumnRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Django admin classes and inlines: the change list and change form load whole objects (implicit
 * reads); {@code list_display}, {@code list_filter}, {@code search_fields}, {@code ordering},
 * {@code date_hierarchy}, {@code readonly_fields}, {@code raw_id_fields} and {@code
 * autocomplete_fields} are explicit reads; the form saves {@code fields}/{@code fieldsets} (all
 * editable columns when neither is given) minus {@code readonly_fields} and {@code exclude}, and
 * {@code list_editable}.
 */
public final class DjangoAdminAdapter implements ClassAdapter {

  private static final List<String> READS =
      List.of(
          "list_display",
          "list_display_links",
          "list_filter",
          "search_fields",
          "ordering",
          "date_hierarchy",
          "readonly_fields",
          "raw_id_fields",
          "autocomplete_fields",
          "list_select_related");

  @Override
  public void visit(PyValue.ClassRef cls, ClassSite site) {
    if (!AdminRegistrations.isAdmin(cls, site.project())) {
      return;
    }
    for (PyValue.ClassRef modelClass : AdminRegistrations.models(cls, site.project())) {
      site.project()
          .models()
          .model(modelClass)
          .filter(m -> m.via() == Via.DJANGO_ORM)
          .ifPresent(model -> admin(cls.cls(), model, site));
    }
  }

  private static void admin(PyClass admin, ModelInfo model, ClassSite site) {
    PySite atClass = site.atClass();
    model.loadedColumns().forEach(c -> ModelFieldLists.read(atClass, c, Confidence.LIKELY, true));
    for (String attribute : READS) {
      Optional<PyExpr> value = admin.value(attribute);
      if (value.isPresent()) {
        PySite at = site.at(admin, attribute);
        for (ColumnRef column :
            ModelFieldLists.columns(model, ModelFieldLists.names(value.get()), at)) {
          ModelFieldLists.read(at, column, Confidence.CERTAIN, false);
        }
      }
    }
    Set<ColumnRef> readOnly = columns(admin, "readonly_fields", model, site);
    Set<ColumnRef> excluded = columns(admin, "exclude", model, site);
    String formFields =
        admin.value("fields").isPresent()
            ? "fields"
            : admin.value("fieldsets").isPresent() ? "fieldsets" : null;
    if (formFields != null) {
      PySite at = site.at(admin, formFields);
      Set<ColumnRef> saved = columns(admin, formFields, model, site);
      saved.removeAll(readOnly);
      saved.removeAll(excluded);
      for (ColumnRef column : saved) {
        ModelFieldLists.read(at, column, Confidence.CERTAIN, false);
        ModelFieldLists.write(at, column, Confidence.CERTAIN, false);
      }
    } else {
      Set<ColumnRef> except = new LinkedHashSet<>(readOnly);
      except.addAll(excluded);
      ModelFieldLists.editable(model, except)
          .forEach(c -> ModelFieldLists.write(atClass, c, Confidence.LIKELY, true));
    }
    if (admin.value("list_editable").isPresent()) {
      PySite at = site.at(admin, "list_editable");
      columns(admin, "list_editable", model, site)
          .forEach(c -> ModelFieldLists.write(at, c, Confidence.CERTAIN, false));
    }
  }

  private static Set<ColumnRef> columns(
      PyClass admin, String attribute, ModelInfo model, ClassSite site) {
    Optional<PyExpr> value = admin.value(attribute);
    return value.isEmpty()
        ? new LinkedHashSet<>()
        : new LinkedHashSet<>(
            ModelFieldLists.columns(
                model, ModelFieldLists.names(value.get()), site.at(admin, attribute)));
  }
}
