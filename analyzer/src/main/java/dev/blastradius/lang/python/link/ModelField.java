package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;

/**
 * One mapped attribute of an ORM model.
 *
 * @param name the attribute name ({@code author})
 * @param column the column name ({@code author_id}), or null for relations without a column
 * @param table the table that holds the column
 * @param target the related model as written ({@code User}, {@code "app.User"}), or null
 * @param scope where {@code target} is resolved
 * @param relatedName the name the target uses for the relation ({@code related_name}), or null
 */
public record ModelField(
    String name,
    String column,
    Kind kind,
    TableRef table,
    PyExpr target,
    Scope scope,
    String relatedName) {

  /** What the attribute maps to. */
  public enum Kind {
    /** A plain column. */
    COLUMN,
    /** A foreign key column ({@code ForeignKey}, {@code OneToOneField}). */
    FOREIGN_KEY,
    /** A relation without a column here (many-to-many, a relationship() to another table). */
    RELATION
  }

  /** The column, if the attribute has one. */
  public ColumnRef columnRef() {
    return column == null ? null : table.column(column);
  }

  /** The same field on another table (an abstract base's field on a concrete model). */
  public ModelField on(TableRef other) {
    return new ModelField(name, column, kind, other, target, scope, relatedName);
  }
}
