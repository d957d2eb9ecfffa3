package dev.blastradius.lang.python.django;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.ClassSite;
import dev.blastradius.lang.python.link.ModelField;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code class Meta: model = …; fields = […] | "__all__"; exclude = […]} idiom of DRF
 * serializers, model forms and filter sets, and the field-name lists of admins: which model, and
 * which of its columns a list names.
 */
final class ModelFieldLists {

  private ModelFieldLists() {}

  /** The Django model a {@code model = X} attribute of {@code declaring} names. */
  static Optional<ModelInfo> model(PyClass declaring, ClassSite site) {
    Optional<PyValue> value = site.value(declaring, "model");
    if (value.isPresent() && value.get() instanceof PyValue.ClassRef cls) {
      return site.project().models().model(cls).filter(m -> m.via() == Via.DJANGO_ORM);
    }
    return Optional.empty();
  }

  /** The names a list attribute holds: strings, flattened through nested lists and fieldsets. */
  static List<String> names(PyExpr value) {
    List<String> names = new ArrayList<>();
    collect(value, names, 0);
    return names;
  }

  private static void collect(PyExpr value, List<String> names, int depth) {
    if (depth > 6 || value == null) {
      return;
    }
    if (value instanceof PyExpr.Str str) {
      names.add(str.value());
    } else if (value instanceof PyExpr.Seq seq) {
      seq.items().forEach(i -> collect(i, names, depth + 1));
    } else if (value instanceof PyExpr.Dict dict) {
      // fieldsets: ("Name", {"fields": (…)}); filter sets: {"name": ["exact"]}.
      Optional<PyExpr> fields = dict.get("fields");
      if (fields.isPresent()) {
        collect(fields.get(), names, depth + 1);
      } else {
        dict.keys().forEach(k -> collect(k, names, depth + 1));
      }
    }
  }

  /** The columns of {@code model} that {@code names} name (paths across relations too). */
  static Set<ColumnRef> columns(ModelInfo model, List<String> names, PySite site) {
    Set<ColumnRef> columns = new LinkedHashSet<>();
    for (String name : names) {
      String path = name;
      while (!path.isEmpty() && "^=@-+".indexOf(path.charAt(0)) >= 0) {
        path = path.substring(1);
      }
      columns.addAll(LookupPaths.columns(model, path, site.project().models()));
    }
    return columns;
  }

  /** Every column of the model except the primary key and {@code except}. */
  static Set<ColumnRef> editable(ModelInfo model, Set<ColumnRef> except) {
    Set<ColumnRef> columns = new LinkedHashSet<>();
    ColumnRef pk = model.field(model.pk()).map(ModelField::columnRef).orElse(null);
    for (ModelField field : model.fields().values()) {
      ColumnRef column = field.columnRef();
      if (column != null && !column.equals(pk) && !except.contains(column)) {
        columns.add(column);
      }
    }
    return columns;
  }

  static void read(PySite site, ColumnRef column, Confidence confidence, boolean implicit) {
    site.access(column, AccessKind.READ, Via.DJANGO_ORM, confidence, implicit);
  }

  static void write(PySite site, ColumnRef column, Confidence confidence, boolean implicit) {
    site.access(column, AccessKind.WRITE, Via.DJANGO_ORM, confidence, implicit);
  }
}
