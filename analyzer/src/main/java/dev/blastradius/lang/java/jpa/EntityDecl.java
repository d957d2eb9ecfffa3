package dev.blastradius.lang.java.jpa;

import java.util.List;
import java.util.Map;

/**
 * A JPA-mapped class as declared in one file, before names are resolved across files: an entity, a
 * mapped superclass or an embeddable.
 *
 * @param className the simple class name
 * @param entityName the JPQL entity name ({@code @Entity(name)}, else the class name)
 * @param table the {@code @Table(name)} as written, or null for the implicit name
 * @param schema the {@code @Table(schema)}, or null
 * @param superclass the simple name of the extended class, or null
 * @param inheritance the {@code @Inheritance} strategy declared on this class, or null
 * @param namedQueries {@code @NamedQuery} name → JPQL
 * @param path the file, for notes
 */
public record EntityDecl(
    String className,
    Kind kind,
    String entityName,
    String table,
    String schema,
    String superclass,
    String inheritance,
    List<FieldDecl> fields,
    Map<String, String> namedQueries,
    String path) {

  public EntityDecl {
    fields = List.copyOf(fields);
    namedQueries = Map.copyOf(namedQueries);
  }

  /** What kind of mapped class. */
  public enum Kind {
    ENTITY,
    MAPPED_SUPERCLASS,
    EMBEDDABLE
  }

  /** How a persistent attribute is mapped. */
  public enum FieldKind {
    BASIC,
    ID,
    VERSION,
    EMBEDDED,
    MANY_TO_ONE,
    ONE_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY,
    ELEMENT_COLLECTION,
    FORMULA
  }

  /**
   * One persistent attribute.
   *
   * @param type the simple name of its type (for collections, the element type)
   * @param column the explicit {@code @Column}/{@code @JoinColumn} name, or null
   * @param insertable {@code @Column(insertable)}, default true
   * @param updatable {@code @Column(updatable)}, default true
   * @param overrides for embedded attributes, {@code @AttributeOverride} attribute → column
   * @param mappedBy the inverse side's {@code mappedBy}, or null for the owning side
   * @param formula the {@code @Formula} SQL, or null
   */
  public record FieldDecl(
      String name,
      String type,
      FieldKind kind,
      String column,
      boolean insertable,
      boolean updatable,
      Map<String, String> overrides,
      String mappedBy,
      String formula) {

    public FieldDecl {
      overrides = Map.copyOf(overrides);
    }
  }
}
