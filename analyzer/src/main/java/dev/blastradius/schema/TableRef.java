package dev.blastradius.schema;

import java.util.Comparator;
import java.util.Objects;

/** A normalised table name; see {@link Identifiers} for how names are normalised. */
public record TableRef(String schema, String name) implements Comparable<TableRef> {

  private static final Comparator<TableRef> ORDER =
      Comparator.comparing(TableRef::name).thenComparing(TableRef::schema);

  public TableRef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  /** {@code users}, or {@code billing.invoices} outside the default schema. */
  public String displayName() {
    return Identifiers.DEFAULT_SCHEMA.equals(schema)
        ? quoted(name)
        : quoted(schema) + "." + quoted(name);
  }

  /** A name part as shown to people: double-quoted when it holds a dot, so parts stay apart. */
  static String quoted(String part) {
    return part.indexOf('.') >= 0 ? '"' + part.replace("\"", "\"\"") + '"' : part;
  }

  /** The column {@code column} of this table. */
  public ColumnRef column(String column) {
    return new ColumnRef(schema, name, column);
  }

  @Override
  public int compareTo(TableRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return displayName();
  }
}
