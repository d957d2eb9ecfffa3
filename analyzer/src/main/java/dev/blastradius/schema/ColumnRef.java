package dev.blastradius.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * A normalised column reference. The column name {@link #TABLE_LEVEL} ({@code *}) stands for the
 * table as a whole: {@code DELETE FROM t}, {@code TRUNCATE t}, {@code SELECT count(*) FROM t}.
 */
public record ColumnRef(String schema, String table, String column)
    implements Comparable<ColumnRef> {

  /** The column name of a table-level access. */
  public static final String TABLE_LEVEL = "*";

  private static final Comparator<ColumnRef> ORDER =
      Comparator.comparing(ColumnRef::table)
          .thenComparing(ColumnRef::column)
          .thenComparing(ColumnRef::schema);

  public ColumnRef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  /** The table this column belongs to. */
  public TableRef tableRef() {
    return new TableRef(schema, table);
  }

  /** True for {@code t.*}, an access to the table as a whole. */
  public boolean isTableLevel() {
    return TABLE_LEVEL.equals(column);
  }

  /** {@code users.email}, or {@code billing.invoices.total} outside the default schema. */
  public String displayName() {
    return tableRef().displayName() + "." + TableRef.quoted(column);
  }

  @Override
  public int compareTo(ColumnRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return displayName();
  }
}
