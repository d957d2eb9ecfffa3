package dev.blastradius.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The schema as the applied migrations left it: tables and views with their columns in declaration
 * order, the names of indexes and constraints, and the CHECK constraints locking rules rely on.
 * Immutable; {@link Builder} replays changes. It is what lets {@code SELECT *}, positional {@code
 * INSERT} and unqualified columns be resolved.
 */
public final class Catalog {

  private static final Catalog EMPTY =
      new Catalog(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), List.of());

  private final Map<TableRef, Table> tables;
  private final Map<String, TableRef> indexes;
  private final Map<TableRef, Set<String>> constraints;
  private final Map<TableRef, List<Check>> checks;
  private final Set<TableRef> functions;
  private final List<Trigger> triggers;

  private Catalog(
      Map<TableRef, Table> tables,
      Map<String, TableRef> indexes,
      Map<TableRef, Set<String>> constraints,
      Map<TableRef, List<Check>> checks,
      Set<TableRef> functions,
      List<Trigger> triggers) {
    this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    this.indexes = Collections.unmodifiableMap(new TreeMap<>(indexes));
    this.constraints = Collections.unmodifiableMap(new TreeMap<>(constraints));
    this.checks = Collections.unmodifiableMap(new TreeMap<>(checks));
    this.functions = Set.copyOf(functions);
    this.triggers = List.copyOf(triggers);
  }

  /** True when migrations created a function or procedure of this name. */
  public boolean hasFunction(TableRef name) {
    return functions.contains(name);
  }

  /** Every trigger, in creation order. */
  public List<Trigger> triggers() {
    return triggers;
  }

  /**
   * A trigger: it runs {@code function} for writes of {@code table}.
   *
   * @param events insert, update, delete, truncate
   */
  public record Trigger(String name, TableRef table, List<String> events, TableRef function) {
    public Trigger {
      events = List.copyOf(events);
    }
  }

  /** A catalog that knows no table. */
  public static Catalog empty() {
    return EMPTY;
  }

  /** All known tables and views, sorted. */
  public List<Table> tables() {
    return List.copyOf(tables.values());
  }

  /** The table or view, if migrations created it. */
  public Optional<Table> table(TableRef ref) {
    return Optional.ofNullable(tables.get(ref));
  }

  /** True when the table exists and has the column. */
  public boolean hasColumn(TableRef ref, String column) {
    Table table = tables.get(ref);
    return table != null && table.column(column).isPresent();
  }

  /** The table an index (by unqualified name) belongs to. */
  public Optional<TableRef> indexTable(String index) {
    return Optional.ofNullable(indexes.get(index));
  }

  /** True when the table has a constraint of that name. */
  public boolean hasConstraint(TableRef table, String name) {
    return constraints.getOrDefault(table, Set.of()).contains(name);
  }

  /** The CHECK constraints added to the table by ALTER TABLE, in order. */
  public List<Check> checks(TableRef table) {
    return checks.getOrDefault(table, List.of());
  }

  /**
   * A CHECK constraint added by {@code ALTER TABLE … ADD}: Postgres can use a validated one to skip
   * the scan of {@code SET NOT NULL} and {@code ATTACH PARTITION}.
   *
   * @param name the constraint name, or null when the database picked one
   * @param expression the body as normalised text ({@code email is not null})
   * @param validated false while it was added {@code NOT VALID} and not validated yet
   */
  public record Check(String name, String expression, boolean validated) {

    /** The same constraint, validated. */
    public Check asValidated() {
      return new Check(name, expression, true);
    }
  }

  /** A builder seeded with this catalog. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A table or view and its columns in declaration order.
   *
   * @param sources for views, where each view column comes from; null for tables
   */
  public record Table(TableRef ref, List<Column> columns, ViewSources sources) {
    public Table {
      columns = List.copyOf(columns);
    }

    /** True for views and materialized views. */
    public boolean view() {
      return sources != null;
    }

    /** The column by normalised name. */
    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
  }

  /**
   * The base columns behind a view: per view column, the columns its expression reads, and the
   * columns every row depends on (WHERE, JOIN, GROUP BY). Reading a view column reads both.
   */
  public record ViewSources(Map<String, List<ColumnRef>> columns, List<ColumnRef> filters) {
    public ViewSources {
      columns = Map.copyOf(columns);
      filters = List.copyOf(filters);
    }

    /** The base columns a read of view column {@code column} reads ({@code *}: all of them). */
    public List<ColumnRef> behind(String column) {
      List<ColumnRef> result = new ArrayList<>(columns.getOrDefault(column, List.of()));
      if (ColumnRef.TABLE_LEVEL.equals(column)) {
        columns.values().forEach(result::addAll);
      }
      result.addAll(filters);
      return result.stream().distinct().sorted().toList();
    }
  }

  /**
   * A column definition.
   *
   * @param type the declared type, normalised ({@code varchar(255)}); "" when unknown (views)
   * @param notNull whether a {@code NOT NULL} (or primary key) constraint applies
   * @param defaultExpression the {@code DEFAULT} expression as written, or null
   */
  public record Column(String name, String type, boolean notNull, String defaultExpression) {

    public Column withName(String newName) {
      return new Column(newName, type, notNull, defaultExpression);
    }

    public Column withType(String newType) {
      return new Column(name, newType, notNull, defaultExpression);
    }

    public Column withNotNull(boolean value) {
      return new Column(name, type, value, defaultExpression);
    }

    public Column withDefault(String expression) {
      return new Column(name, type, notNull, expression);
    }
  }

  /** Replays schema changes; not thread-safe, used by the replay pass only. */
  public static final class Builder {
    private final Map<TableRef, LinkedHashMap<String, Column>> tables = new TreeMap<>();
    private final Map<TableRef, ViewSources> views = new TreeMap<>();
    private final Map<String, TableRef> indexes = new TreeMap<>();
    private final Map<TableRef, Set<String>> constraints = new TreeMap<>();
    private final Map<TableRef, List<Check>> checks = new TreeMap<>();
    private final Set<TableRef> functions = new TreeSet<>();
    private final List<Trigger> triggers = new ArrayList<>();

    private Builder(Catalog seed) {
      seed.tables.forEach(
          (ref, table) -> {
            LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
            table.columns().forEach(c -> columns.put(c.name(), c));
            tables.put(ref, columns);
            if (table.view()) {
              views.put(ref, table.sources());
            }
          });
      indexes.putAll(seed.indexes);
      seed.constraints.forEach((t, names) -> constraints.put(t, new TreeSet<>(names)));
      seed.checks.forEach((t, list) -> checks.put(t, new ArrayList<>(list)));
      functions.addAll(seed.functions);
      triggers.addAll(seed.triggers);
    }

    /** Creates (or replaces) a table. */
    public Builder createTable(TableRef ref, List<Column> columns) {
      LinkedHashMap<String, Column> map = new LinkedHashMap<>();
      columns.forEach(c -> map.put(c.name(), c));
      tables.put(ref, map);
      views.remove(ref);
      return this;
    }

    /** Creates (or replaces) a view with its output columns and where they come from. */
    public Builder createView(TableRef ref, List<Column> columns, ViewSources sources) {
      createTable(ref, columns);
      views.put(ref, sources);
      return this;
    }

    /** Drops a table or view; unknown ones are ignored (the migration may use IF EXISTS). */
    public Builder dropTable(TableRef ref) {
      tables.remove(ref);
      views.remove(ref);
      constraints.remove(ref);
      checks.remove(ref);
      indexes.values().removeIf(ref::equals);
      triggers.removeIf(t -> t.table().equals(ref));
      return this;
    }

    /** Renames a table, keeping its columns, indexes and constraints. */
    public Builder renameTable(TableRef from, TableRef to) {
      LinkedHashMap<String, Column> columns = tables.remove(from);
      if (columns != null) {
        tables.put(to, columns);
      }
      ViewSources sources = views.remove(from);
      if (sources != null) {
        views.put(to, sources);
      }
      Set<String> names = constraints.remove(from);
      if (names != null) {
        constraints.put(to, names);
      }
      List<Check> tableChecks = checks.remove(from);
      if (tableChecks != null) {
        checks.put(to, tableChecks);
      }
      indexes.replaceAll((name, table) -> table.equals(from) ? to : table);
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
          (name, c) ->
              renamed.put(name.equals(from) ? to : name, name.equals(from) ? c.withName(to) : c));
      tables.put(ref, renamed);
      return this;
    }

    /** Changes one column's definition in place, if the column exists. */
    public Builder alterColumn(TableRef ref, String column, UnaryOperator<Column> change) {
      LinkedHashMap<String, Column> columns = tables.get(ref);
      if (columns != null && columns.containsKey(column)) {
        columns.put(column, change.apply(columns.get(column)));
      }
      return this;
    }

    /** Records a named constraint. */
    public Builder addConstraint(TableRef ref, String name) {
      constraints.computeIfAbsent(ref, t -> new TreeSet<>()).add(name);
      return this;
    }

    /** Forgets a named constraint. */
    public Builder dropConstraint(TableRef ref, String name) {
      Set<String> names = constraints.get(ref);
      if (names != null) {
        names.remove(name);
      }
      List<Check> tableChecks = checks.get(ref);
      if (tableChecks != null) {
        tableChecks.removeIf(c -> name.equals(c.name()));
      }
      return this;
    }

    /** Records a CHECK constraint (and its name, when it has one). */
    public Builder addCheck(TableRef ref, Check check) {
      if (check.name() != null) {
        addConstraint(ref, check.name());
      }
      checks.computeIfAbsent(ref, t -> new ArrayList<>()).add(check);
      return this;
    }

    /** Marks a constraint validated ({@code VALIDATE CONSTRAINT}); only CHECKs are tracked. */
    public Builder validateConstraint(TableRef ref, String name) {
      List<Check> tableChecks = checks.get(ref);
      if (tableChecks != null) {
        tableChecks.replaceAll(c -> name.equals(c.name()) ? c.asValidated() : c);
      }
      return this;
    }

    /** Records a function or procedure. */
    public Builder addFunction(TableRef name) {
      functions.add(name);
      return this;
    }

    /** Records (or replaces, by name and table) a trigger. */
    public Builder addTrigger(Trigger trigger) {
      triggers.removeIf(t -> t.name().equals(trigger.name()) && t.table().equals(trigger.table()));
      triggers.add(trigger);
      return this;
    }

    /** Records an index of a table. */
    public Builder addIndex(TableRef ref, String name) {
      indexes.put(name, ref);
      return this;
    }

    /** Forgets an index. */
    public Builder dropIndex(String name) {
      indexes.remove(name);
      return this;
    }

    /** An immutable snapshot. */
    public Catalog build() {
      Map<TableRef, Table> snapshot = new TreeMap<>();
      tables.forEach(
          (ref, cols) ->
              snapshot.put(ref, new Table(ref, new ArrayList<>(cols.values()), views.get(ref))));
      Map<TableRef, Set<String>> constraintCopy = new TreeMap<>();
      constraints.forEach((t, names) -> constraintCopy.put(t, Set.copyOf(names)));
      Map<TableRef, List<Check>> checkCopy = new TreeMap<>();
      checks.forEach((t, list) -> checkCopy.put(t, List.copyOf(list)));
      return new Catalog(snapshot, indexes, constraintCopy, checkCopy, functions, triggers);
    }
  }
}
