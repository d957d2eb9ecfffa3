package dev.blastradius.lang.python.link;

import dev.blastradius.graph.Via;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ORM model class of the project with its table and fields. Fields of a concrete parent (Django
 * multi-table inheritance) stay in the parent's table and are found through {@link #parent()}.
 *
 * @param fields the model's own mapped attributes, inherited abstract ones included, in order
 * @param parent the concrete model this one extends with a table of its own, or null
 * @param pk the primary key attribute
 */
public record ModelInfo(
    PyValue.ClassRef cls,
    TableRef table,
    Via via,
    Map<String, ModelField> fields,
    ModelInfo parent,
    String pk) {

  public ModelInfo {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The class name. */
  public String name() {
    return cls.cls().name();
  }

  /** A field of this model or of its concrete parents; {@code pk} is the primary key. */
  public Optional<ModelField> field(String name) {
    String wanted = name.equals("pk") ? pk : name;
    for (ModelInfo model = this; model != null; model = model.parent) {
      ModelField field = model.fields.get(wanted);
      if (field != null) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** Every column a whole-object load reads: this table's and its parents'. */
  public List<ColumnRef> loadedColumns() {
    List<ColumnRef> columns = new ArrayList<>();
    for (ModelInfo model = this; model != null; model = model.parent) {
      for (ModelField field : model.fields.values()) {
        if (field.column() != null) {
          columns.add(field.columnRef());
        }
      }
    }
    return columns.stream().distinct().toList();
  }

  /** Every column of this model's own table. */
  public List<ColumnRef> ownColumns() {
    return fields.values().stream()
        .filter(f -> f.column() != null)
        .map(ModelField::columnRef)
        .distinct()
        .toList();
  }
}
