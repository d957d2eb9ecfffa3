package dev.blastradius.lang.python.django;

import dev.blastradius.graph.Confidence;
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
 * DRF model serializers, Django model forms and django-filter filter sets: {@code Meta.fields} (or
 * {@code "__all__"}, or all but {@code Meta.exclude}) are read — named ones explicitly, all of them
 * implicitly. Serializers and forms also save what they validate: the same fields, except {@code
 * read_only_fields} and the key, are LIKELY writes (a read-only use of the class writes nothing). A
 * serializer field's {@code source="…"} is read.
 */
public final class ModelMetaAdapter implements ClassAdapter {

  private static final Set<String> SERIALIZERS =
      Set.of("ModelSerializer", "HyperlinkedModelSerializer");

  private static final Set<String> FORMS = Set.of("ModelForm");

  private static final Set<String> FILTER_SETS = Set.of("FilterSet");

  @Override
  public void visit(PyValue.ClassRef cls, ClassSite site) {
    var resolver = site.project().resolver();
    boolean serializer = resolver.derivesFrom(cls, "rest_framework", SERIALIZERS);
    boolean form = resolver.derivesFrom(cls, "django", FORMS);
    boolean filterSet =
        resolver.derivesFrom(cls, "django_filters", FILTER_SETS)
            || resolver.derivesFrom(cls, "rest_framework_filters", FILTER_SETS);
    if (!serializer && !form && !filterSet) {
      return;
    }
    PyClass meta = cls.cls().nested().get("Meta");
    if (meta == null) {
      return;
    }
    Optional<ModelInfo> model = ModelFieldLists.model(meta, site);
    if (model.isEmpty()) {
      return;
    }
    PySite at = site.at(meta, meta.value("fields").isPresent() ? "fields" : "exclude");
    Set<ColumnRef> readOnly =
        meta.value("read_only_fields")
            .map(v -> ModelFieldLists.columns(model.get(), ModelFieldLists.names(v), at))
            .orElse(Set.of());
    Optional<PyExpr> fields = meta.value("fields");
    boolean all =
        fields.flatMap(PyExpr::string).filter("__all__"::equals).isPresent() || fields.isEmpty();
    Set<ColumnRef> named = new LinkedHashSet<>();
    Set<ColumnRef> implicit = new LinkedHashSet<>();
    if (all) {
      Set<ColumnRef> excluded =
          meta.value("exclude")
              .map(v -> ModelFieldLists.columns(model.get(), ModelFieldLists.names(v), at))
              .orElse(Set.of());
      implicit.addAll(model.get().loadedColumns());
      implicit.removeAll(excluded);
    } else {
      named.addAll(ModelFieldLists.columns(model.get(), ModelFieldLists.names(fields.get()), at));
    }
    named.forEach(c -> ModelFieldLists.read(at, c, Confidence.CERTAIN, false));
    implicit.forEach(c -> ModelFieldLists.read(at, c, Confidence.LIKELY, true));
    if (!filterSet) {
      Set<ColumnRef> saved = new LinkedHashSet<>(named);
      saved.addAll(implicit);
      saved.retainAll(ModelFieldLists.editable(model.get(), readOnly));
      for (ColumnRef column : saved) {
        ModelFieldLists.write(at, column, Confidence.LIKELY, implicit.contains(column));
      }
    }
    if (serializer) {
      sources(cls, model.get(), site);
    }
  }

  /** Declared serializer fields with {@code source="…"}. */
  private static void sources(PyValue.ClassRef cls, ModelInfo model, ClassSite site) {
    for (PyClass.Attribute attribute : cls.cls().attributes().values()) {
      if (!(attribute.value() instanceof PyExpr.Call call)) {
        continue;
      }
      Optional<String> source = call.keyword("source").flatMap(PyExpr::string);
      if (source.isEmpty() || source.get().equals("*")) {
        continue;
      }
      PySite at = site.at(cls.cls(), attribute.name());
      String path =
          source.get().replace('.', '_').equals(source.get())
              ? source.get()
              : source.get().replace(".", "__");
      for (ColumnRef column : ModelFieldLists.columns(model, List.of(path), at)) {
        ModelFieldLists.read(at, column, Confidence.CERTAIN, false);
      }
    }
  }
}
