package dev.blastradius.schema;

import java.util.List;
import java.util.Locale;

/**
 * Normalises SQL identifiers the way the database does. Postgres folds unquoted names to lower case
 * and keeps quoted names exactly; MySQL keeps the case of table and column names (we compare them
 * case-insensitively by folding, as on case-insensitive file systems and for columns).
 */
public final class Identifiers {

  /**
   * Stands for a dot inside a quoted identifier while SQL is handed to a parser that would split
   * the name there; {@link #normalize} turns it back into a dot.
   */
  public static final char DOT_IN_QUOTED_NAME = '\uE000';

  /** The schema of unqualified names ({@code search_path} default on Postgres). */
  public static final String DEFAULT_SCHEMA = "public";

  private final SqlDialect dialect;

  public Identifiers(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** The dialect whose rules this instance applies. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** Normalises one identifier part, stripping and unescaping quotes. */
  public String normalize(String raw) {
    String part = raw.strip();
    if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
      return part.substring(1, part.length() - 1)
          .replace("\"\"", "\"")
          .replace(DOT_IN_QUOTED_NAME, '.');
    }
    if (part.length() >= 2 && part.startsWith("`") && part.endsWith("`")) {
      return part.substring(1, part.length() - 1).replace("``", "`").toLowerCase(Locale.ROOT);
    }
    if (part.length() >= 2 && part.startsWith("[") && part.endsWith("]")) {
      return part.substring(1, part.length() - 1).toLowerCase(Locale.ROOT);
    }
    return part.toLowerCase(Locale.ROOT);
  }

  /**
   * A table reference from its dotted parts ({@code users}, {@code billing.invoices}, {@code
   * db.billing.invoices}); only the last two parts matter.
   */
  public TableRef table(List<String> parts) {
    if (parts.isEmpty()) {
      throw new IllegalStateException("empty table name");
    }
    String name = normalize(parts.get(parts.size() - 1));
    String schema = parts.size() >= 2 ? normalize(parts.get(parts.size() - 2)) : defaultSchema();
    return new TableRef(schema, name);
  }

  /** The schema of unqualified table names for this dialect. */
  public String defaultSchema() {
    return DEFAULT_SCHEMA;
  }

  /**
   * Parses a user-typed column reference such as {@code users.name} or {@code
   * billing.invoices.total}; throws {@link IllegalArgumentException} when it is not one.
   */
  public ColumnRef parseColumn(String text) {
    List<String> parts = List.of(text.split("\\.", -1));
    if (parts.size() < 2 || parts.size() > 3 || parts.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not TABLE.COLUMN or SCHEMA.TABLE.COLUMN");
    }
    TableRef table = table(parts.subList(0, parts.size() - 1));
    String column = parts.get(parts.size() - 1);
    return table.column(ColumnRef.TABLE_LEVEL.equals(column) ? column : normalize(column));
  }
}
