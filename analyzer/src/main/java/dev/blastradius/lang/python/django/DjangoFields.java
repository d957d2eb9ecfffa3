package dev.blastradius.lang.python.django;

import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.ModelField;
import dev.blastradius.lang.python.link.PyValue;
import dev.blastradius.lang.python.link.Resolver;
import dev.blastradius.lang.python.link.Scope;
import dev.blastradius.schema.TableRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a Django model class declares in its own body: {@code models.*Field(…)} and fields of
 * other libraries or of the project whose class name ends in {@code Field}; {@code ForeignKey} and
 * {@code OneToOneField} map to {@code <name>_id}; {@code db_column} overrides the column name;
 * many-to-many and generic relations have no column in the model's table.
 */
final class DjangoFields {

  static final Set<String> FOREIGN_KEYS = Set.of("ForeignKey", "OneToOneField", "ParentalKey");

  static final Set<String> RELATIONS =
      Set.of(
          "ManyToManyField",
          "ParentalManyToManyField",
          "GenericRelation",
          "GenericForeignKey",
          "TaggableManager");

  private DjangoFields() {}

  /** A declared field, and whether it is the primary key. */
  record Declared(ModelField field, boolean primaryKey) {}

  /** The fields {@code cls} declares, on {@code table}. */
  static Map<String, Declared> declared(
      PyValue.ClassRef cls, TableRef table, Resolver resolver, ColumnNames names) {
    Map<String, Declared> fields = new LinkedHashMap<>();
    Scope scope = resolver.scope(cls.module(), cls.cls().body());
    for (PyClass.Attribute attribute : cls.cls().attributes().values()) {
      if (!(attribute.value() instanceof PyExpr.Call call)) {
        continue;
      }
      Optional<String> kind = fieldClass(resolver.value(call.function(), scope), resolver);
      if (kind.isEmpty()) {
        continue;
      }
      String name = attribute.name();
      String type = kind.get();
      String dbColumn = call.keyword("db_column").flatMap(PyExpr::string).orElse(null);
      String relatedName = call.keyword("related_name").flatMap(PyExpr::string).orElse(null);
      ModelField field;
      if (FOREIGN_KEYS.contains(type)) {
        PyExpr target = call.argument(0, "to").orElse(null);
        String column = dbColumn != null ? dbColumn : name + "_id";
        field =
            new ModelField(
                name,
                names.column(column),
                ModelField.Kind.FOREIGN_KEY,
                table,
                target,
                scope,
                relatedName);
      } else if (RELATIONS.contains(type)) {
        PyExpr target = call.argument(0, "to").orElse(null);
        field =
            new ModelField(name, null, ModelField.Kind.RELATION, table, target, scope, relatedName);
      } else {
        String column = dbColumn != null ? dbColumn : name;
        field =
            new ModelField(
                name, names.column(column), ModelField.Kind.COLUMN, table, null, scope, null);
      }
      boolean primaryKey =
          call.keyword("primary_key")
              .filter(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
              .isPresent();
      fields.put(name, new Declared(field, primaryKey));
    }
    return fields;
  }

  /**
   * The simple class name of a field constructor ({@code CharField}, {@code ForeignKey}), if the
   * callee is a model field class.
   */
  static Optional<String> fieldClass(PyValue callee, Resolver resolver) {
    if (callee instanceof PyValue.External external) {
      String name = external.name();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      boolean field =
          simple.endsWith("Field") || FOREIGN_KEYS.contains(simple) || RELATIONS.contains(simple);
      boolean form = name.contains(".forms.") || name.startsWith("rest_framework.");
      return field && !form ? Optional.of(simple) : Optional.empty();
    }
    if (callee instanceof PyValue.ClassRef cls && cls.cls().name().endsWith("Field")) {
      for (String base : resolver.externalBases(cls)) {
        if (base.startsWith("django.db.models") || base.startsWith("django.contrib")) {
          String simple = base.substring(base.lastIndexOf('.') + 1);
          return Optional.of(FOREIGN_KEYS.contains(simple) ? simple : "Field");
        }
      }
    }
    return Optional.empty();
  }

  /** Turns names as written into normalised column and table names. */
  interface ColumnNames {
    String column(String name);
  }
}
