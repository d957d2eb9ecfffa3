package dev.blastradius.lang.python.link;

import dev.blastradius.lang.HostedSql;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python string as far as we could fold it: known text and parts only known at run time. It is
 * {@link #complete()} when nothing is dynamic and no branch could have changed it.
 *
 * @param parts known text (a {@link String}) or null for a dynamic part
 * @param certain false when the value depends on which of several assignments ran
 */
public record SqlText(List<String> parts, boolean certain) {

  public SqlText {
    parts = java.util.Collections.unmodifiableList(new ArrayList<>(parts));
  }

  /** Known text. */
  public static SqlText literal(String text) {
    return new SqlText(List.of(text), true);
  }

  /** A part only known at run time. */
  public static SqlText dynamic() {
    List<String> parts = new ArrayList<>();
    parts.add(null);
    return new SqlText(parts, true);
  }

  /** This text followed by {@code other}. */
  public SqlText plus(SqlText other) {
    List<String> joined = new ArrayList<>(parts);
    joined.addAll(other.parts);
    return new SqlText(joined, certain && other.certain);
  }

  /** The same text, marked as depending on which branch ran. */
  public SqlText uncertain() {
    return new SqlText(parts, false);
  }

  /** True when every part is known and no branch could change it. */
  public boolean complete() {
    return certain && parts.stream().allMatch(p -> p != null);
  }

  /** True when some part is known text that is not blank. */
  public boolean hasText() {
    return parts.stream().anyMatch(p -> p != null && !p.isBlank());
  }

  /** Whether the only known text is a single literal (a format string we may fill in). */
  public boolean isLiteral() {
    return parts.size() == 1 && parts.get(0) != null;
  }

  /** The text, with {@link HostedSql#DYNAMIC_PART} for every part not known. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      text.append(part == null ? HostedSql.DYNAMIC_PART : part);
    }
    return text.toString();
  }
}
