package dev.blastradius.lang.python.django;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model state Django's migrations build up: per model its table and its fields' columns. It is
 * what makes {@code RemoveField(model_name="order", name="customer")} the drop of {@code
 * shop_order.customer_id}.
 */
final class DjangoState {

  /** A field: its column (null for many-to-many), type and nullability. */
  record Field(
      String name,
      String column,
      String type,
      boolean nullable,
      boolean explicitColumn,
      boolean indexed) {
    /** A field without an index of its own. */
    Field(String name, String column, String type, boolean nullable, boolean explicitColumn) {
      this(name, column, type, nullable, explicitColumn, false);
    }

    Field withName(String newName) {
      return new Field(newName, column, type, nullable, explicitColumn, indexed);
    }

    Field withColumn(String newColumn) {
      return new Field(name, newColumn, type, nullable, explicitColumn, indexed);
    }
  }

  /** A model: its table, whether the table was named explicitly, and its fields in order. */
  static final class Model {
    final String app;
    String name;
    String table;
    boolean explicitTable;
    boolean proxy;
    final Map<String, Field> fields = new LinkedHashMap<>();

    Model(String app, String name, String table, boolean explicitTable) {
      this.app = app;
      this.name = name;
      this.table = table;
      this.explicitTable = explicitTable;
    }

    Model copy() {
      Model copy = new Model(app, name, table, explicitTable);
      copy.proxy = proxy;
      copy.fields.putAll(fields);
      return copy;
    }
  }

  private final Map<String, Model> models = new LinkedHashMap<>();

  /**
   * The models this state may change in place: those it made, or copied since it was last copied. A
   * copy shares the others (replaying a history copies the state once per migration, and copying
   * every model each time made that quadratic); a shared model is copied when it is looked up.
   */
  private final Set<Model> owned = Collections.newSetFromMap(new IdentityHashMap<>());

  DjangoState copy() {
    DjangoState copy = new DjangoState();
    copy.models.putAll(models);
    owned.clear();
    return copy;
  }

  static String key(String app, String model) {
    return app + "." + model.toLowerCase(Locale.ROOT);
  }

  /** A model, which the caller may change. */
  Model model(String app, String name) {
    String key = key(app, name);
    Model model = models.get(key);
    if (model == null || owned.contains(model)) {
      return model;
    }
    Model own = model.copy();
    models.put(key, own);
    owned.add(own);
    return own;
  }

  /** A model by {@code app.Model} or, within {@code app}, by name. */
  Model reference(String app, String reference) {
    int dot = reference.indexOf('.');
    return dot < 0
        ? model(app, reference)
        : model(reference.substring(0, dot), reference.substring(dot + 1));
  }

  void put(Model model) {
    models.put(key(model.app, model.name), model);
    owned.add(model);
  }

  void remove(String app, String name) {
    owned.remove(models.remove(key(app, name)));
  }

  /** The table Django names for a model without {@code db_table}. */
  static String defaultTable(String app, String model) {
    return app.toLowerCase(Locale.ROOT) + "_" + model.toLowerCase(Locale.ROOT);
  }
}
