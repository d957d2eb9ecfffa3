package dev.blastradius.lang.migrations;

import dev.blastradius.schema.SqlDialect;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Liquibase's typed value attributes — {@code value}, {@code valueNumeric}, {@code valueBoolean},
 * {@code valueDate}, {@code valueComputed}, {@code valueSequenceNext}, … and the same with the
 * {@code defaultValue} prefix — as SQL expressions: for the SQL we generate for data changes, and
 * for column defaults in the catalog (written like our SQL reader writes them: words in lower
 * case).
 */
final class LiquibaseValues {

  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private LiquibaseValues() {}

  /**
   * The SQL expression of the value attributes starting with {@code prefix} ({@code value} or
   * {@code defaultValue}), or empty when the element has none.
   */
  static Optional<String> expression(ChangelogElement element, String prefix, SqlDialect dialect) {
    String plain = element.attribute(prefix);
    if (plain != null) {
      return Optional.of(literal(plain, dialect));
    }
    String numeric = element.stripped(prefix + "Numeric");
    if (numeric != null) {
      return Optional.of(NUMBER.matcher(numeric).matches() ? numeric : literal(numeric, dialect));
    }
    String bool = element.stripped(prefix + "Boolean");
    if (bool != null) {
      return Optional.of(bool.toLowerCase(Locale.ROOT));
    }
    String date = element.stripped(prefix + "Date");
    if (date != null) {
      return Optional.of(date.contains("(") ? lowerWords(date) : literal(date, dialect));
    }
    String computed = element.stripped(prefix + "Computed");
    if (computed != null) {
      return Optional.of(lowerWords(computed));
    }
    String next = element.stripped(prefix + "SequenceNext");
    if (next != null) {
      return Optional.of("nextval(" + literal(next, dialect) + ")");
    }
    String current = element.stripped(prefix + "SequenceCurrent");
    if (current != null) {
      return Optional.of("currval(" + literal(current, dialect) + ")");
    }
    if (element.stripped(prefix + "BlobFile") != null
        || element.stripped(prefix + "ClobFile") != null) {
      return Optional.of("null"); // the content of a file: its value does not matter here
    }
    return Optional.empty();
  }

  /** A SQL string literal. */
  static String literal(String text, SqlDialect dialect) {
    String escaped = text.replace("'", "''");
    if (dialect == SqlDialect.MYSQL) {
      escaped = escaped.replace("\\", "\\\\");
    }
    return "'" + escaped + "'";
  }

  /** An expression with its words in lower case, as our SQL reader normalises; quoted text kept. */
  private static String lowerWords(String expression) {
    return expression.indexOf('\'') >= 0 || expression.indexOf('"') >= 0
        ? expression.strip()
        : expression.strip().toLowerCase(Locale.ROOT);
  }
}
