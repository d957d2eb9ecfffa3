package dev.blastradius.lang.ts.typeorm;

import java.util.List;

/**
 * A TypeORM entity class ({@code @Entity('users') class User}) or a class it extends that declares
 * columns, as written: the names the decorators give, not yet put through the naming strategy
 * ({@link TypeOrmModel} does that at link time, once base classes, embedded classes and relation
 * targets in other files are known).
 *
 * @param entity false for a base class without {@code @Entity} (its columns are inherited)
 * @param tableName the name given to {@code @Entity}, or null for the naming strategy's default
 * @param base the class it extends, or null
 */
public record TypeOrmEntity(
    String className,
    boolean entity,
    String tableName,
    String schema,
    String base,
    List<Field> fields) {

  /** What a decorated property is. */
  public enum Kind {
    COLUMN,
    PRIMARY,
    CREATE_DATE,
    UPDATE_DATE,
    DELETE_DATE,
    VERSION,
    /** {@code @ManyToOne}, or {@code @OneToOne} with {@code @JoinColumn}: a join column here. */
    OWNING_RELATION,
    /** {@code @OneToMany}, {@code @ManyToMany}, an inverse {@code @OneToOne}: no column here. */
    INVERSE_RELATION,
    /** {@code @Column(() => Address)}: the embedded class's columns, prefixed. */
    EMBEDDED
  }

  /**
   * One mapped property.
   *
   * @param columnName the name given in the decorator ({@code name:}, or {@code @JoinColumn({ name
   *     })}), or null
   * @param target the related or embedded class, or null
   * @param prefix an embedded column's {@code prefix:}; null for the default (the property name),
   *     empty for {@code prefix: false}
   */
  public record Field(String property, Kind kind, String columnName, String target, String prefix) {

    /** Whether the property is stored in a column of this class's table. */
    public boolean stored() {
      return kind != Kind.INVERSE_RELATION && kind != Kind.EMBEDDED;
    }
  }

  public TypeOrmEntity {
    fields = List.copyOf(fields);
  }
}
