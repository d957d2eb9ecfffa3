package dev.blastradius.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schema as the applied migrations left it: tables and their columns in declaration order.
 * Immutable; {@link Builder} replays changes. It is what lets {@code SELECT *}, positional {@code
 * INSERT} and unqualified columns be resolved.
 */
public final class Catalog {

  private static final Catalog EMPTY = new Catalog(Map.of());

  private final Map<TableRef, Table> tables;

  private Catalog(Map<TableRef, Table> tables) {
    this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
  }

  /** A catalog that knows no table. */
  public static Catalog empty() {
    return EMPTY;
  }

  /** Every known table, sorted. */
  public List<Table> tables() {
    return List.copyOf(tables.values());
  }

  /** The table, if migrations created it. */
  public Optional<Table> table(TableRef ref) {
    return Optional.ofNullable(tables.get(ref));
  }

  /** True when the table exists and has the column. */
  public boolean hasColumn(TableRef ref, String column) {
    Table table = tables.get(ref);
    return table != null && table.column(column).isPresent();
  }

  /** A builder seeded with this catalog's tables. */
  public Builder toBuilder() {
    return new Builder(tables);
  }

  /** A table and its columns in declaration order. */
  public record Table(TableRef ref, List<Column> columns) {
    public Table {
      columns = List.copyOf(columns);
    }

    /** The column by normalised name. */
    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
  }

  /**
   * A column definition.
   *
   * @param type the declared type as written, e.g. {@code varchar(255)}
   * @param notNull whether a {@code NOT NULL} (or primary key) constraint applies
   * @param defaultExpression the {@code DEFAULT} expression as written, or null
   */
  public record Column(String name, String type, boolean notNull, String defaultExpression) {}

  /** Replays schema changes; not thread-safe, used by the replay pass only. */
  public static final class Builder {
    private final Map<TableRef, LinkedHashMap<String, Column>> tables = new TreeMap<>();

    private Builder(Map<TableRef, Table> seed) {
      seed.forEach(
          (ref, table) -> {
            LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
            table.columns().forEach(c -> columns.put(c.name(), c));
            tables.put(ref, columns);
          });
    }

    /** Creates (or replaces) a table. */
    public Builder createTable(TableRef ref, List<Column> columns) {
      LinkedHashMap<String, Column> map = new LinkedHashMap<>();
      columns.forEach(c -> map.put(c.name(), c));
      tables.put(ref, map);
      return this;
    }

    /** Drops a table; unknown tables are ignored (the migration may use IF EXISTS). */
    public Builder dropTable(TableRef ref) {
      tables.remove(ref);
      return this;
    }

    /** Renames a table, keeping its columns. */
    public Builder renameTable(TableRef from, TableRef to) {
      LinkedHashMap<String, Column> columns = tables.remove(from);
      if (columns != null) {
        tables.put(to, columns);
      }
      return this;
    }

    /** Adds a column; creates the table when migrations we could not read created it. */
    public Builder addColumn(TableRef ref, Column column) {
      tables.computeIfAbsent(ref, r -> new LinkedHashMap<>()).put(column.name(), column);
      return this;
    }

    /** Drops a column if present. */
    public Builder dropColumn(TableRef ref, String column) {
      LinkedHashMap<String, Column> columns = tables.get(ref);
      if (columns != null) {
        columns.remove(column);
      }
      return this;
    }

    /** Renames a column in place, keeping its position. */
    public Builder renameColumn(TableRef ref, String from, String to) {
      LinkedHashMap<String, Column> columns = tables.get(ref);
      if (columns == null || !columns.containsKey(from)) {
        return this;
      }
      LinkedHashMap<String, Column> renamed = new LinkedHashMap<>();
      columns.forEach(
          (name, c) -> {
            if (name.equals(from)) {
              renamed.put(to, new Column(to, c.type(), c.notNull(), c.defaultExpression()));
            } else {
              renamed.put(name, c);
            }
          });
      tables.put(ref, renamed);
      return this;
    }

    /** An immutable snapshot. */
    public Catalog build() {
      Map<TableRef, Table> snapshot = new TreeMap<>();
      tables.forEach(
          (ref, cols) -> snapshot.put(ref, new Table(ref, new ArrayList<>(cols.values()))));
      return snapshot.isEmpty() ? EMPTY : new Catalog(snapshot);
    }
  }
}
