package dev.blastradius.lang.java.jpa;

import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity resolved to the database: its table, every mapped column with the attribute path that
 * maps it, and its associations (attribute → target entity) for JPQL joins and nested properties.
 *
 * @param columns attribute path ({@code email}, {@code address.city}, {@code customer}) → column,
 *     in declaration order
 * @param insertable columns an INSERT of the entity writes
 * @param updatable columns an UPDATE of the entity writes
 * @param associations attribute → simple class name of the associated entity
 */
public record EntityMapping(
    String className,
    String entityName,
    TableRef table,
    Map<String, ColumnRef> columns,
    List<ColumnRef> insertable,
    List<ColumnRef> updatable,
    Map<String, String> associations) {

  public EntityMapping {
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    insertable = List.copyOf(insertable);
    updatable = List.copyOf(updatable);
    associations = Map.copyOf(associations);
  }

  /** Every mapped column, each once, in declaration order: what loading the entity reads. */
  public List<ColumnRef> allColumns() {
    return columns.values().stream().distinct().toList();
  }

  /**
   * The columns an attribute maps to: its own column, or for an embedded attribute every column
   * under it ({@code home} → {@code home.city}, {@code home.zip}), in declaration order.
   */
  public List<ColumnRef> columnsUnder(String path) {
    ColumnRef own = columns.get(path);
    if (own != null) {
      return List.of(own);
    }
    String prefix = path + ".";
    return columns.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .map(Map.Entry::getValue)
        .distinct()
        .toList();
  }

  /** The column an attribute path maps to directly (no join needed). */
  public Optional<ColumnRef> column(String path) {
    return Optional.ofNullable(columns.get(path));
  }
}
