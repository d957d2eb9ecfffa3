package dev.blastradius.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
      new Catalog(
          LayeredMap.empty(),
          LayeredMap.empty(),
          LayeredMap.empty(),
          LayeredMap.empty(),
          LayeredMap.empty(),
          List.of());

  // Layered maps: a snapshot after each DDL statement shares almost everything with the last one.
  private final LayeredMap<TableRef, Table> tables;
  private final LayeredMap<String, TableRef> indexes;
  private final LayeredMap<TableRef, Set<String>> constraints;
  private final LayeredMap<TableRef, List<Check>> checks;
  private final LayeredMap<TableRef, TableRef> functions;
  private final List<Trigger> triggers;

  private Catalog(
      LayeredMap<TableRef, Table> tables,
      LayeredMap<String, TableRef> indexes,
      LayeredMap<TableRef, Set<String>> constraints,
      LayeredMap<TableRef, List<Check>> checks,
      LayeredMap<TableRef, TableRef> functions,
      List<Trigger> triggers) {
    this.tables = tables;
    this.indexes = indexes;
    this.constraints = constraints;
    this.checks = checks;
    this.functions = functions;
    this.triggers = List.copyOf(triggers);
  }

  /** True when migrations created a function or procedure of this name. */
  public boolean hasFunction(TableRef name) {
    return functions.containsKey(name);
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
    return tables.sortedValues();
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
    Set<String> names = constraints.get(table);
    return names != null && names.contains(name);
  }

  /** The CHECK constraints added to the table by ALTER TABLE, in order. */
  public List<Check> checks(TableRef table) {
    List<Check> list = checks.get(table);
    return list == null ? List.of() : list;
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
      for (Column column : columns) {
        if (column.name().equals(name)) {
          return Optional.of(column);
        }
      }
      return Optional.empty();
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

  /**
   * Replays schema changes; not thread-safe, used by the replay pass only. A table's columns are
   * copied from the seed catalog into a mutable map only when a change touches the table, and the
   * builder remembers what changed since the last {@link #build}, so that each snapshot only copies
   * the changed entries into the previous one. A builder is made per migration file, so copying
   * every table up front made replaying a history cost files × schema size.
   */
  public static final class Builder {
    private final Catalog seed;

    /** Tables (and views) copied from the seed or created here; their view sources. */
    private final Map<TableRef, LinkedHashMap<String, Column>> tables = new HashMap<>();

    private final Map<TableRef, ViewSources> views = new HashMap<>();

    /** Seed tables dropped or renamed away since. */
    private final Set<TableRef> gone = new HashSet<>();

    /**
     * Indexes, constraints and checks changed here; the rest are read from the seed. A builder is
     * made for every migration file, so copying whole maps from the seed would cost files × schema.
     * An index mapped to null was dropped; a table's constraints and checks are copied from the
     * seed the first time a statement touches them ({@link #constraints(TableRef)}).
     */
    private final Map<String, TableRef> indexes = new HashMap<>();

    private final Map<TableRef, Set<String>> constraints = new HashMap<>();
    private final Set<TableRef> constraintsCopied = new HashSet<>();
    private final Map<TableRef, List<Check>> checks = new HashMap<>();
    private final Set<TableRef> checksCopied = new HashSet<>();
    private final List<Trigger> triggers = new ArrayList<>();

    /** The last snapshot, and what changed since. */
    private Catalog last;

    private final Set<TableRef> changedTables = new HashSet<>();
    private final Set<String> changedIndexes = new HashSet<>();
    private final Set<TableRef> changedConstraints = new HashSet<>();
    private final Set<TableRef> changedChecks = new HashSet<>();
    private final Set<TableRef> changedFunctions = new HashSet<>();
    private boolean changedTriggers;

    private Builder(Catalog seed) {
      this.seed = seed;
      this.last = seed;
      triggers.addAll(seed.triggers);
    }

    /** The table's mutable constraint names, copied from the seed on first use; may be null. */
    private Set<String> constraints(TableRef ref) {
      if (constraintsCopied.add(ref)) {
        Set<String> names = seed.constraints.get(ref);
        if (names != null) {
          constraints.put(ref, new TreeSet<>(names));
        }
      }
      return constraints.get(ref);
    }

    /** The table's mutable checks, copied from the seed on first use; may be null. */
    private List<Check> checks(TableRef ref) {
      if (checksCopied.add(ref)) {
        List<Check> list = seed.checks.get(ref);
        if (list != null) {
          checks.put(ref, new ArrayList<>(list));
        }
      }
      return checks.get(ref);
    }

    /** Every index this builder knows, with the table it belongs to (null: dropped here). */
    private Map<String, TableRef> allIndexes() {
      Map<String, TableRef> all = new HashMap<>();
      seed.indexes.forEach(all::put);
      all.putAll(indexes);
      return all;
    }

    /**
     * The table's mutable columns, copied from the seed on first use; null when there is no such
     * table.
     */
    private LinkedHashMap<String, Column> columns(TableRef ref) {
      LinkedHashMap<String, Column> columns = tables.get(ref);
      if (columns != null || gone.contains(ref)) {
        return columns;
      }
      Table table = seed.tables.get(ref);
      if (table == null) {
        return null;
      }
      columns = new LinkedHashMap<>();
      for (Column column : table.columns()) {
        columns.put(column.name(), column);
      }
      tables.put(ref, columns);
      if (table.view()) {
        views.put(ref, table.sources());
      }
      return columns;
    }

    /** Creates (or replaces) a table. */
    public Builder createTable(TableRef ref, List<Column> columns) {
      LinkedHashMap<String, Column> map = new LinkedHashMap<>();
      columns.forEach(c -> map.put(c.name(), c));
      tables.put(ref, map);
      gone.remove(ref);
      views.remove(ref);
      changedTables.add(ref);
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
      gone.add(ref);
      constraintsCopied.add(ref);
      constraints.remove(ref);
      checksCopied.add(ref);
      checks.remove(ref);
      changedTables.add(ref);
      changedConstraints.add(ref);
      changedChecks.add(ref);
      allIndexes()
          .forEach(
              (name, table) -> {
                if (ref.equals(table)) {
                  changedIndexes.add(name);
                  indexes.put(name, null);
                }
              });
      changedTriggers |= triggers.removeIf(t -> t.table().equals(ref));
      return this;
    }

    /** Renames a table, keeping its columns, indexes and constraints. */
    public Builder renameTable(TableRef from, TableRef to) {
      LinkedHashMap<String, Column> columns = columns(from);
      tables.remove(from);
      gone.add(from);
      if (columns != null) {
        tables.put(to, columns);
        gone.remove(to);
      }
      ViewSources sources = views.remove(from);
      if (sources != null) {
        views.put(to, sources);
      }
      Set<String> names = constraints(from);
      constraints.remove(from);
      constraintsCopied.add(to);
      if (names != null) {
        constraints.put(to, names);
      } else {
        constraints.remove(to);
      }
      List<Check> tableChecks = checks(from);
      checks.remove(from);
      checksCopied.add(to);
      if (tableChecks != null) {
        checks.put(to, tableChecks);
      } else {
        checks.remove(to);
      }
      allIndexes()
          .forEach(
              (name, table) -> {
                if (from.equals(table)) {
                  indexes.put(name, to);
                  changedIndexes.add(name);
                }
              });
      changedTables.addAll(List.of(from, to));
      changedConstraints.addAll(List.of(from, to));
      changedChecks.addAll(List.of(from, to));
      return this;
    }

    /** Adds a column; creates the table when migrations we could not read created it. */
    public Builder addColumn(TableRef ref, Column column) {
      LinkedHashMap<String, Column> columns = columns(ref);
      if (columns == null) {
        columns = new LinkedHashMap<>();
        tables.put(ref, columns);
        gone.remove(ref);
      }
      columns.put(column.name(), column);
      changedTables.add(ref);
      return this;
    }

    /** Drops a column if present. */
    public Builder dropColumn(TableRef ref, String column) {
      LinkedHashMap<String, Column> columns = columns(ref);
      if (columns != null) {
        columns.remove(column);
        changedTables.add(ref);
      }
      return this;
    }

    /** Renames a column in place, keeping its position. */
    public Builder renameColumn(TableRef ref, String from, String to) {
      LinkedHashMap<String, Column> columns = columns(ref);
      if (columns == null || !columns.containsKey(from)) {
        return this;
      }
      LinkedHashMap<String, Column> renamed = new LinkedHashMap<>();
      columns.forEach(
          (name, c) ->
              renamed.put(name.equals(from) ? to : name, name.equals(from) ? c.withName(to) : c));
      tables.put(ref, renamed);
      changedTables.add(ref);
      return this;
    }

    /** Changes one column's definition in place, if the column exists. */
    public Builder alterColumn(TableRef ref, String column, UnaryOperator<Column> change) {
      LinkedHashMap<String, Column> columns = columns(ref);
      if (columns != null && columns.containsKey(column)) {
        columns.put(column, change.apply(columns.get(column)));
        changedTables.add(ref);
      }
      return this;
    }

    /** Records a named constraint. */
    public Builder addConstraint(TableRef ref, String name) {
      constraints(ref);
      constraints.computeIfAbsent(ref, t -> new TreeSet<>()).add(name);
      changedConstraints.add(ref);
      return this;
    }

    /** Forgets a named constraint. */
    public Builder dropConstraint(TableRef ref, String name) {
      Set<String> names = constraints(ref);
      if (names != null) {
        names.remove(name);
        changedConstraints.add(ref);
      }
      List<Check> tableChecks = checks(ref);
      if (tableChecks != null && tableChecks.removeIf(c -> name.equals(c.name()))) {
        changedChecks.add(ref);
      }
      return this;
    }

    /** Records a CHECK constraint (and its name, when it has one). */
    public Builder addCheck(TableRef ref, Check check) {
      if (check.name() != null) {
        addConstraint(ref, check.name());
      }
      checks(ref);
      checks.computeIfAbsent(ref, t -> new ArrayList<>()).add(check);
      changedChecks.add(ref);
      return this;
    }

    /** Marks a constraint validated ({@code VALIDATE CONSTRAINT}); only CHECKs are tracked. */
    public Builder validateConstraint(TableRef ref, String name) {
      List<Check> tableChecks = checks(ref);
      if (tableChecks != null) {
        tableChecks.replaceAll(c -> name.equals(c.name()) ? c.asValidated() : c);
        changedChecks.add(ref);
      }
      return this;
    }

    /** Records a function or procedure. */
    public Builder addFunction(TableRef name) {
      changedFunctions.add(name);
      return this;
    }

    /** Records (or replaces, by name and table) a trigger. */
    public Builder addTrigger(Trigger trigger) {
      triggers.removeIf(t -> t.name().equals(trigger.name()) && t.table().equals(trigger.table()));
      triggers.add(trigger);
      changedTriggers = true;
      return this;
    }

    /** Records an index of a table. */
    public Builder addIndex(TableRef ref, String name) {
      indexes.put(name, ref);
      changedIndexes.add(name);
      return this;
    }

    /** Forgets an index. */
    public Builder dropIndex(String name) {
      indexes.put(name, null);
      changedIndexes.add(name);
      return this;
    }

    /** An immutable snapshot: the last one with what changed since copied in. */
    public Catalog build() {
      Map<TableRef, Table> tableChanges = new HashMap<>();
      for (TableRef ref : changedTables) {
        LinkedHashMap<String, Column> columns = columns(ref);
        tableChanges.put(
            ref,
            columns == null ? null : new Table(ref, List.copyOf(columns.values()), views.get(ref)));
      }
      Map<String, TableRef> indexChanges = new HashMap<>();
      changedIndexes.forEach(name -> indexChanges.put(name, indexes.get(name)));
      Map<TableRef, Set<String>> constraintChanges = new HashMap<>();
      for (TableRef ref : changedConstraints) {
        Set<String> names = constraints.get(ref);
        constraintChanges.put(ref, names == null ? null : Set.copyOf(names));
      }
      Map<TableRef, List<Check>> checkChanges = new HashMap<>();
      for (TableRef ref : changedChecks) {
        List<Check> list = checks.get(ref);
        checkChanges.put(ref, list == null ? null : List.copyOf(list));
      }
      Map<TableRef, TableRef> functionChanges = new HashMap<>();
      changedFunctions.forEach(name -> functionChanges.put(name, name));
      last =
          new Catalog(
              last.tables.with(tableChanges),
              last.indexes.with(indexChanges),
              last.constraints.with(constraintChanges),
              last.checks.with(checkChanges),
              last.functions.with(functionChanges),
              changedTriggers ? triggers : last.triggers);
      changedTables.clear();
      changedIndexes.clear();
      changedConstraints.clear();
      changedChecks.clear();
      changedFunctions.clear();
      changedTriggers = false;
      return last;
    }
  }
}
