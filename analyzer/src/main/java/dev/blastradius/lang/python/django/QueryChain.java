package dev.blastradius.lang.python.django;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.ModelField;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.ModelRegistry;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.SqlText;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Django queryset chain, {@code User.objects.filter(…).values(…)}: the model, from the innermost
 * part of the chain that is a query (a manager, a queryset variable, a related manager), and the
 * method calls made on it. Lookups, {@code Q()}, {@code F()}, {@code order_by}, aggregates and
 * {@code values} are explicit reads; {@code update} and {@code create} explicit writes; a chain
 * that loads objects reads every column (implicitly, LIKELY) unless {@code values}/{@code only}
 * narrow it; {@code create}/{@code bulk_create}/{@code get_or_create} insert every column; {@code
 * delete} writes the table.
 */
final class QueryChain {

  /** Methods after which the chain loads no model objects. */
  private static final Set<String> NO_LOAD =
      Set.of(
          "count",
          "exists",
          "update",
          "delete",
          "aggregate",
          "create",
          "bulk_create",
          "bulk_update",
          "explain",
          "values",
          "values_list",
          "raw",
          "contains",
          "as_manager");

  /** Methods that insert rows with every column. */
  private static final Set<String> INSERTS =
      Set.of("create", "bulk_create", "get_or_create", "update_or_create");

  private final ModelInfo model;
  private final List<PyExpr.Call> steps;
  private final ModelRegistry registry;

  private QueryChain(ModelInfo model, List<PyExpr.Call> steps, ModelRegistry registry) {
    this.model = model;
    this.steps = steps;
    this.registry = registry;
  }

  ModelInfo model() {
    return model;
  }

  /** The chain of {@code steps}, innermost first, over {@code model}. */
  static QueryChain of(ModelInfo model, List<PyExpr.Call> steps, ModelRegistry registry) {
    return new QueryChain(model, List.copyOf(steps), registry);
  }

  /** The chain that ends in {@code outer}, if its innermost query part is a model's. */
  static Optional<QueryChain> of(PyExpr.Call outer, PySite site) {
    List<PyExpr> nodes = new ArrayList<>();
    PyExpr current = outer;
    while (true) {
      nodes.add(current);
      if (current instanceof PyExpr.Call call && call.function() instanceof PyExpr.Attr attr) {
        current = attr.object();
      } else if (current instanceof PyExpr.Subscript subscript) {
        current = subscript.value();
      } else if (current instanceof PyExpr.Attr attr && current != outer) {
        current = attr.object();
      } else {
        break;
      }
    }
    for (int i = nodes.size() - 1; i >= 1; i--) {
      if (!(site.value(nodes.get(i)) instanceof PyValue.Query query)) {
        continue;
      }
      Optional<ModelInfo> model = site.project().models().model(query.modelRef());
      if (model.isEmpty()) {
        return Optional.empty();
      }
      List<PyExpr.Call> steps = new ArrayList<>();
      for (int j = i - 1; j >= 0; j--) {
        if (nodes.get(j) instanceof PyExpr.Call call) {
          steps.add(call);
        }
      }
      return Optional.of(new QueryChain(model.get(), steps, site.project().models()));
    }
    return Optional.empty();
  }

  /**
   * {@code get_object_or_404(Model, **lookups)} and {@code get_list_or_404}: a {@code get} or
   * {@code filter} on the model (or queryset) passed first.
   */
  static Optional<QueryChain> shortcut(PyExpr.Call call, PySite site) {
    Optional<PyExpr> first = call.positional(0);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    PyValue target = site.value(first.get());
    PyValue.ClassRef model = null;
    if (target instanceof PyValue.ClassRef cls) {
      model = cls;
    } else if (target instanceof PyValue.Query query) {
      model = query.modelRef();
    }
    if (model == null) {
      return Optional.empty();
    }
    List<PyExpr.Arg> lookups = call.args().subList(1, call.args().size());
    PyExpr.Call get = new PyExpr.Call(new PyExpr.Attr(first.get(), "get"), lookups, call.line());
    return site.project()
        .models()
        .model(model)
        .filter(m -> m.via() == Via.DJANGO_ORM)
        .map(m -> new QueryChain(m, List.of(get), site.project().models()));
  }

  /** Records the chain's accesses at {@code site}. */
  void read(PySite site) {
    if (steps.isEmpty()) {
      return;
    }
    boolean narrowed = false;
    Set<ColumnRef> deferred = new LinkedHashSet<>();
    for (PyExpr.Call step : steps) {
      String method = step.name().orElse("");
      switch (method) {
        case "filter", "exclude", "get", "filter_by" -> lookups(step, site, null);
        case "get_or_create", "update_or_create" -> {
          lookups(step, site, "defaults");
          step.keyword("defaults").ifPresent(d -> dictWrites(d, site));
        }
        case "order_by", "distinct", "latest", "earliest" -> paths(step.positional(), site);
        case "values", "values_list", "only" -> {
          List<PyExpr> fields = step.positional();
          narrowed = true;
          if (fields.isEmpty() && !method.equals("only")) {
            model
                .loadedColumns()
                .forEach(c -> DjangoOrmAdapter.read(site, c, Confidence.LIKELY, true));
          } else {
            paths(fields, site);
            if (method.equals("only")) {
              pk(site);
            }
          }
        }
        case "defer" -> {
          for (PyExpr field : step.positional()) {
            PyExpr.string(field)
                .flatMap(model::field)
                .map(ModelField::columnRef)
                .ifPresent(deferred::add);
          }
        }
        case "annotate", "aggregate", "alias" -> expressions(step, site);
        case "select_related" -> related(step, site);
        case "update" -> {
          for (PyExpr.Arg arg : step.keywords()) {
            model
                .field(arg.keyword())
                .filter(f -> f.column() != null)
                .ifPresent(
                    f -> DjangoOrmAdapter.write(site, f.columnRef(), Confidence.CERTAIN, false));
            references(arg.value(), site);
          }
        }
        case "create" -> step.keywords().forEach(arg -> keywordWrite(arg, site));
        case "bulk_update" -> {
          for (String name : step.argument(1, "fields").map(PyExpr::strings).orElse(List.of())) {
            model
                .field(name)
                .filter(f -> f.column() != null)
                .ifPresent(
                    f -> DjangoOrmAdapter.write(site, f.columnRef(), Confidence.CERTAIN, false));
          }
          pk(site);
        }
        case "delete" ->
            DjangoOrmAdapter.write(
                site, model.table().column(ColumnRef.TABLE_LEVEL), Confidence.CERTAIN, false);
        case "count", "exists" ->
            DjangoOrmAdapter.read(
                site, model.table().column(ColumnRef.TABLE_LEVEL), Confidence.CERTAIN, false);
        case "raw" ->
            step.positional(0)
                .flatMap(site::string)
                .filter(SqlText::hasText)
                .ifPresent(sql -> site.sql(sql, Via.DJANGO_ORM, Confidence.CERTAIN));
        default -> {}
      }
      if (INSERTS.contains(method)) {
        // Django's INSERT names every concrete field, given or defaulted in Python.
        for (ColumnRef column : model.loadedColumns()) {
          DjangoOrmAdapter.insert(site, column, Confidence.LIKELY, true);
        }
      }
    }
    String last = steps.get(steps.size() - 1).name().orElse("");
    boolean loads =
        !narrowed && steps.stream().noneMatch(s -> NO_LOAD.contains(s.name().orElse("")));
    if (loads || last.equals("get_or_create") || last.equals("update_or_create")) {
      for (ColumnRef column : model.loadedColumns()) {
        if (!deferred.contains(column)) {
          DjangoOrmAdapter.read(site, column, Confidence.LIKELY, true);
        }
      }
    }
  }

  private void pk(PySite site) {
    model
        .field(model.pk())
        .map(ModelField::columnRef)
        .ifPresent(c -> DjangoOrmAdapter.read(site, c, Confidence.LIKELY, true));
  }

  /** Keyword lookups ({@code email__iexact=…}) and positional {@code Q(…)} objects. */
  private void lookups(PyExpr.Call step, PySite site, String skip) {
    for (PyExpr.Arg arg : step.args()) {
      if (arg.keyword() != null) {
        if (!arg.keyword().equals(skip)) {
          path(arg.keyword(), site);
          references(arg.value(), site);
        }
      } else {
        references(arg.value(), site);
      }
    }
  }

  private void paths(List<PyExpr> arguments, PySite site) {
    for (PyExpr argument : arguments) {
      Optional<String> text = PyExpr.string(argument);
      if (text.isPresent()) {
        String name = text.get();
        while (name.startsWith("-") || name.startsWith("+")) {
          name = name.substring(1);
        }
        if (!name.equals("?")) {
          path(name, site);
        }
      } else {
        references(argument, site);
      }
    }
  }

  private void path(String path, PySite site) {
    for (ColumnRef column : LookupPaths.columns(model, path, registry)) {
      DjangoOrmAdapter.read(site, column, Confidence.CERTAIN, false);
    }
  }

  /**
   * Field references inside expressions: {@code Q(a=1) | Q(b__gt=2)}, {@code F("price")}, {@code
   * Count("orders")}, {@code Sum("items__price")}.
   */
  private void references(PyExpr expr, PySite site) {
    java.util.Deque<PyExpr> work = new java.util.ArrayDeque<>();
    work.push(expr);
    while (!work.isEmpty()) {
      PyExpr next = work.pop();
      if (next instanceof PyExpr.Call call) {
        String name = call.name().orElse("");
        PyValue function = site.value(call.function());
        boolean django =
            function instanceof PyValue.External e && e.name().startsWith("django.db.models");
        if (django && name.equals("Q")) {
          for (PyExpr.Arg arg : call.keywords()) {
            path(arg.keyword(), site);
          }
        } else if (django) {
          call.positional().forEach(a -> PyExpr.string(a).ifPresent(p -> path(p, site)));
          call.keyword("filter").ifPresent(work::push);
        }
        call.args().forEach(a -> work.push(a.value()));
        continue;
      }
      next.parts().forEach(work::push);
    }
  }

  private void expressions(PyExpr.Call step, PySite site) {
    for (PyExpr.Arg arg : step.args()) {
      references(arg.value(), site);
    }
  }

  private void related(PyExpr.Call step, PySite site) {
    for (PyExpr argument : step.positional()) {
      Optional<String> text = PyExpr.string(argument);
      if (text.isEmpty()) {
        continue;
      }
      path(text.get(), site);
      ModelInfo current = model;
      for (String part : text.get().split("__")) {
        Optional<ModelField> field = current.field(part);
        if (field.isEmpty() || field.get().kind() == ModelField.Kind.COLUMN) {
          break;
        }
        Optional<ModelInfo> target = registry.related(current, field.get());
        if (target.isEmpty()) {
          break;
        }
        current = target.get();
        current
            .loadedColumns()
            .forEach(c -> DjangoOrmAdapter.read(site, c, Confidence.LIKELY, true));
      }
    }
  }

  private void dictWrites(PyExpr defaults, PySite site) {
    if (defaults instanceof PyExpr.Dict dict) {
      for (int i = 0; i < dict.keys().size(); i++) {
        Optional<String> key =
            dict.keys().get(i) == null ? Optional.empty() : PyExpr.string(dict.keys().get(i));
        key.flatMap(model::field)
            .filter(f -> f.column() != null)
            .ifPresent(f -> DjangoOrmAdapter.write(site, f.columnRef(), Confidence.CERTAIN, false));
      }
    }
  }

  private void keywordWrite(PyExpr.Arg arg, PySite site) {
    model
        .field(arg.keyword())
        .or(
            () ->
                model.fields().values().stream()
                    .filter(f -> arg.keyword().equals(f.name() + "_id"))
                    .findFirst())
        .filter(f -> f.column() != null)
        .ifPresent(f -> DjangoOrmAdapter.write(site, f.columnRef(), Confidence.CERTAIN, false));
  }
}
