package dev.blastradius.lang.python.django;

import dev.blastradius.lang.python.link.ModelField;
import dev.blastradius.lang.python.link.ModelInfo;
import dev.blastradius.lang.python.link.ModelRegistry;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Django's {@code __} paths ({@code author__profile__city__iexact}): each step names a field of the
 * current model, a relation to follow (its key column is read for the join), or a reverse relation;
 * the first name that is none of these is a lookup or transform and ends the path.
 */
final class LookupPaths {

  private LookupPaths() {}

  /** The columns a path reads, in order; empty when its first step is not a field. */
  static List<ColumnRef> columns(ModelInfo model, String path, ModelRegistry registry) {
    List<ColumnRef> columns = new ArrayList<>();
    ModelInfo current = model;
    String[] parts = path.split("__");
    for (int i = 0; i < parts.length && current != null; i++) {
      String part = parts[i];
      Optional<ModelField> field = current.field(part).or(byColumn(current, part));
      if (field.isPresent()) {
        ModelField f = field.get();
        if (f.column() != null) {
          columns.add(f.columnRef());
        }
        boolean more = i + 1 < parts.length && !isTerminal(parts[i + 1]);
        if (f.kind() == ModelField.Kind.COLUMN || !more) {
          return columns;
        }
        current = registry.related(current, f).orElse(null);
        continue;
      }
      ModelRegistry.Reverse reverse = reverse(current, part, registry);
      if (reverse == null) {
        return columns;
      }
      if (reverse.field().column() != null) {
        columns.add(reverse.field().columnRef());
      }
      current = reverse.source();
      if (i + 1 >= parts.length) {
        columns.add(current.field(current.pk()).map(ModelField::columnRef).orElse(null));
        columns.removeIf(java.util.Objects::isNull);
      }
    }
    return columns;
  }

  /** {@code author_id} names the key column of {@code author}. */
  private static java.util.function.Supplier<Optional<ModelField>> byColumn(
      ModelInfo model, String name) {
    return () ->
        model.fields().values().stream()
            .filter(f -> f.kind() == ModelField.Kind.FOREIGN_KEY && name.equals(f.name() + "_id"))
            .findFirst();
  }

  private static ModelRegistry.Reverse reverse(
      ModelInfo model, String name, ModelRegistry registry) {
    for (ModelRegistry.Reverse reverse : registry.reverse(model)) {
      if (reverse.name().equals(name)) {
        return reverse;
      }
    }
    return null;
  }

  /** Lookups and transforms that end a path. */
  private static final Set<String> LOOKUPS =
      Set.of(
          "exact",
          "iexact",
          "contains",
          "icontains",
          "in",
          "gt",
          "gte",
          "lt",
          "lte",
          "startswith",
          "istartswith",
          "endswith",
          "iendswith",
          "range",
          "isnull",
          "regex",
          "iregex",
          "date",
          "year",
          "iso_year",
          "month",
          "day",
          "week",
          "week_day",
          "iso_week_day",
          "quarter",
          "time",
          "hour",
          "minute",
          "second",
          "search",
          "unaccent",
          "trigram_similar",
          "has_key",
          "has_keys",
          "has_any_keys",
          "contained_by",
          "overlap",
          "len",
          "lower",
          "upper");

  private static boolean isTerminal(String part) {
    return LOOKUPS.contains(part);
  }
}
