package dev.blastradius.change;

import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Set;

/**
 * The shape of an {@code UPDATE}, for the rules about backfills: which columns it sets from what,
 * and how it picks its rows.
 *
 * @param table the updated table
 * @param sets the assignments, in order
 * @param filtered whether the statement has a {@code WHERE} clause
 * @param bounded whether something limits one run to a slice of the table: a key range, a {@code
 *     LIMIT}, a subquery or CTE with a {@code LIMIT}, or a point key ({@code id = ?}, an {@code IN}
 *     list)
 * @param filterColumns columns of {@code table} that the {@code WHERE} clause names
 * @param byKey whether the {@code WHERE} clause picks rows by key value ({@code id = ?}, an {@code
 *     IN} list of values): one step of a loop over rows that some other query chose
 */
public record RowUpdate(
    TableRef table,
    List<Assignment> sets,
    boolean filtered,
    boolean bounded,
    Set<String> filterColumns,
    boolean byKey) {

  public RowUpdate {
    sets = List.copyOf(sets);
    filterColumns = Set.copyOf(filterColumns);
  }

  /** An update whose rows are not picked by key value. */
  public RowUpdate(
      TableRef table,
      List<Assignment> sets,
      boolean filtered,
      boolean bounded,
      Set<String> filterColumns) {
    this(table, sets, filtered, bounded, filterColumns, false);
  }

  /**
   * One {@code SET column = value}.
   *
   * @param column the assigned column
   * @param reads columns of the updated table that the value reads
   * @param appends whether the value adds to the column's current value ({@code c = c || x}, {@code
   *     c = c + 1}, {@code array_append(c, x)}), so running the statement twice changes it twice
   */
  public record Assignment(String column, Set<String> reads, boolean appends) {
    public Assignment {
      reads = Set.copyOf(reads);
    }
  }

  /** The assigned column names, in order. */
  public List<String> setColumns() {
    return sets.stream().map(Assignment::column).toList();
  }

  /**
   * Whether the {@code WHERE} clause looks at a column it sets, the usual guard that makes a re-run
   * skip rows already done ({@code WHERE new IS NULL}, {@code WHERE new IS DISTINCT FROM …}).
   */
  public boolean guarded() {
    return sets.stream().anyMatch(a -> filterColumns.contains(a.column()));
  }

  /** Whether some assignment adds to the current value. */
  public boolean appends() {
    return sets.stream().anyMatch(Assignment::appends);
  }
}
