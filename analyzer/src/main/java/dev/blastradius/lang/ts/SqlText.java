package dev.blastradius.lang.ts;

import dev.blastradius.lang.HostedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A string value of TypeScript/JavaScript code as far as we can fold it: literal text, parameters
 * of tagged templates (values the driver binds, never SQL text), references to constants another
 * module exports (resolved when every file is read), and parts only known at run time.
 */
public record SqlText(List<Part> parts) {

  /** One piece of a folded string. */
  public sealed interface Part permits Literal, Param, Ref, Dynamic {}

  /** Known text. */
  public record Literal(String text) implements Part {}

  /** A {@code ${…}} of a tagged SQL template: the driver sends it as a bound parameter. */
  public record Param() implements Part {}

  /**
   * A constant of another module: the binding {@code local} imported into this file, optionally one
   * {@code member} of it ({@code TABLES.users}).
   */
  public record Ref(String local, String member) implements Part {}

  /** A part only known at run time. */
  public record Dynamic() implements Part {}

  /** First words of statements we take for SQL when the receiver does not prove it. */
  private static final Set<String> SQL_LEADERS =
      Set.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "WITH",
          "MERGE",
          "UPSERT",
          "REPLACE",
          "TRUNCATE",
          "CALL");

  public SqlText {
    parts = merge(parts);
  }

  public static SqlText literal(String text) {
    return new SqlText(List.of(new Literal(text)));
  }

  public static SqlText dynamic() {
    return new SqlText(List.of(new Dynamic()));
  }

  /** This text followed by {@code other}. */
  public SqlText plus(SqlText other) {
    List<Part> joined = new ArrayList<>(parts);
    joined.addAll(other.parts);
    return new SqlText(joined);
  }

  /** True when every part is known text or a bound parameter. */
  public boolean complete() {
    return parts.stream().allMatch(p -> p instanceof Literal || p instanceof Param);
  }

  /** True when some part still refers to another module's constant. */
  public boolean hasRefs() {
    return parts.stream().anyMatch(Ref.class::isInstance);
  }

  /**
   * The SQL text: parameters become {@code ?}, unknown parts {@link HostedSql#DYNAMIC_PART} (a
   * valid identifier, so the rest still parses).
   */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        text.append(literal.text());
      } else if (part instanceof Param) {
        text.append('?');
      } else {
        text.append(HostedSql.DYNAMIC_PART);
      }
    }
    return text.toString();
  }

  /** The text when it is a plain literal (a table or column name), else empty. */
  public Optional<String> constant() {
    return parts.size() == 1 && parts.get(0) instanceof Literal literal
        ? Optional.of(literal.text())
        : Optional.empty();
  }

  /** Whether the text starts like a SQL statement ({@code SELECT …}, {@code with …}). */
  public boolean looksLikeSql() {
    return looksLikeSql(text());
  }

  /** Whether {@code text} starts like a SQL statement. */
  public static boolean looksLikeSql(String text) {
    int start = 0;
    while (start < text.length()
        && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '(')) {
      start++;
    }
    int end = start;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    if (end == text.length() || end == start) {
      // A lone word ("select") is a label, not a statement.
      return false;
    }
    return SQL_LEADERS.contains(text.substring(start, end).toUpperCase(Locale.ROOT))
        && Character.isWhitespace(text.charAt(end));
  }

  /**
   * Replaces references by what {@code lookup} finds, recursively (constants may be built from
   * constants); references it cannot find become dynamic.
   */
  public SqlText resolve(Function<Ref, Optional<SqlText>> lookup) {
    return resolve(lookup, 0);
  }

  private SqlText resolve(Function<Ref, Optional<SqlText>> lookup, int depth) {
    if (!hasRefs()) {
      return this;
    }
    List<Part> resolved = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Ref ref) {
        Optional<SqlText> found = depth < 16 ? lookup.apply(ref) : Optional.empty();
        resolved.addAll(
            found.map(t -> t.resolve(lookup, depth + 1).parts).orElse(List.of(new Dynamic())));
      } else {
        resolved.add(part);
      }
    }
    return new SqlText(resolved);
  }

  /** Adjacent literals joined, so {@link #constant()} sees {@code 'a' + 'b'} as one. */
  private static List<Part> merge(List<Part> parts) {
    List<Part> merged = new ArrayList<>(parts.size());
    for (Part part : parts) {
      int last = merged.size() - 1;
      if (part instanceof Literal next
          && last >= 0
          && merged.get(last) instanceof Literal previous) {
        merged.set(last, new Literal(previous.text() + next.text()));
      } else {
        merged.add(part);
      }
    }
    return List.copyOf(merged);
  }
}
