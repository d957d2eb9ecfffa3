package dev.blastradius.rules.locking;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Postgres documentation says about types and defaults that decides between a catalog
 * change and a table rewrite: which type changes are binary coercible (ALTER TABLE, Notes) and
 * which default expressions are volatile.
 */
public final class PostgresTypes {

  /** Spellings of the same type, to their canonical name. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("int2", "smallint"),
          Map.entry("int8", "bigint"),
          Map.entry("serial4", "serial"),
          Map.entry("serial2", "smallserial"),
          Map.entry("serial8", "bigserial"),
          Map.entry("character varying", "varchar"),
          Map.entry("character", "char"),
          Map.entry("bpchar", "char"),
          Map.entry("decimal", "numeric"),
          Map.entry("bool", "boolean"),
          Map.entry("float8", "double precision"),
          Map.entry("float4", "real"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time without time zone", "time"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("bit varying", "varbit"));

  private static final Pattern MODIFIED = Pattern.compile("^([a-z ]+?)\\s*\\(([^)]*)\\)(.*)$");

  /**
   * Functions that are not VOLATILE (STABLE or IMMUTABLE in pg_proc) and common in defaults. Any
   * other function is treated as volatile: user functions are VOLATILE unless declared otherwise.
   */
  private static final Set<String> NON_VOLATILE_FUNCTIONS =
      Set.of(
          "now",
          "current_timestamp",
          "current_date",
          "current_time",
          "localtimestamp",
          "localtime",
          "transaction_timestamp",
          "statement_timestamp",
          "current_user",
          "session_user",
          "current_schema",
          "current_setting",
          "lower",
          "upper",
          "coalesce",
          "nullif",
          "greatest",
          "least",
          "to_jsonb",
          "jsonb_build_object",
          "jsonb_build_array",
          "json_build_object",
          "array_fill",
          "make_interval",
          "make_date",
          "date_trunc",
          "to_timestamp",
          "concat",
          "md5",
          "length");

  /** Words followed by a parenthesis that are not function calls: keywords and type names. */
  private static final Set<String> NOT_CALLS =
      Set.of(
          "and",
          "or",
          "not",
          "in",
          "is",
          "when",
          "then",
          "else",
          "case",
          "array",
          "row",
          "values",
          "varchar",
          "varying",
          "numeric",
          "decimal",
          "char",
          "character",
          "timestamp",
          "timestamptz",
          "time",
          "interval",
          "bit",
          "varbit",
          "float");

  private static final Pattern CALL = Pattern.compile("([a-z_][a-z0-9_.]*)\\s*\\(");

  private PostgresTypes() {}

  /** The canonical spelling: {@code character varying(20)} → {@code varchar(20)}. */
  public static String canonical(String type) {
    String text = type.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    text = text.replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*,\\s*", ",");
    text = text.replaceAll("\\s*\\)", ")");
    Matcher modified = MODIFIED.matcher(text);
    if (modified.matches()) {
      String base = SYNONYMS.getOrDefault(modified.group(1).strip(), modified.group(1).strip());
      String rest = modified.group(3).strip();
      // timestamp(3) with time zone: the zone words come after the precision
      String zone = SYNONYMS.getOrDefault(base + " " + rest, null);
      if (zone != null) {
        return zone + "(" + modified.group(2) + ")";
      }
      return base + "(" + modified.group(2) + ")" + (rest.isEmpty() ? "" : " " + rest);
    }
    return SYNONYMS.getOrDefault(text, text);
  }

  /** The base name without modifiers: {@code varchar(20)} → {@code varchar}. */
  public static String base(String type) {
    String canonical = canonical(type);
    int paren = canonical.indexOf('(');
    return paren < 0 ? canonical : canonical.substring(0, paren);
  }

  /**
   * True when changing a column from {@code from} to {@code to} needs no table rewrite: the same
   * type, a longer or unlimited varchar/varbit, text from varchar, numeric with more precision and
   * the same scale (or unconstrained), inet from cidr.
   */
  static boolean binaryCoercible(String from, String to) {
    String a = canonical(from);
    String b = canonical(to);
    if (a.equals(b)) {
      return true;
    }
    String baseA = base(a);
    String baseB = base(b);
    if ((baseA.equals("varchar") || baseA.equals("text")) && b.equals("text")) {
      return true;
    }
    if ((baseA.equals("varchar") && baseB.equals("varchar"))
        || (baseA.equals("varbit") && baseB.equals("varbit"))) {
      return !b.contains("(") || (a.contains("(") && modifier(b, 0) >= modifier(a, 0));
    }
    if (a.equals("text") && b.equals("varchar")) {
      return true;
    }
    if (baseA.equals("numeric") && baseB.equals("numeric")) {
      if (!b.contains("(")) {
        return true;
      }
      return a.contains("(")
          && modifier(b, 1) == modifier(a, 1)
          && modifier(b, 0) >= modifier(a, 0);
    }
    return a.equals("cidr") && b.equals("inet");
  }

  /** The {@code index}th type modifier, 0 when absent: numeric(12,2) → 12, 2. */
  private static int modifier(String type, int index) {
    int open = type.indexOf('(');
    int close = type.indexOf(')', open);
    String[] parts = type.substring(open + 1, close).split(",");
    if (index >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[index].strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The first function of {@code expression} that is (or may be) volatile, e.g. {@code
   * gen_random_uuid}; null for constants, casts and stable functions such as {@code now()}.
   */
  static String volatileFunction(String expression) {
    Matcher call = CALL.matcher(expression.toLowerCase(Locale.ROOT));
    while (call.find()) {
      String name = call.group(1);
      String bare = name.substring(name.lastIndexOf('.') + 1);
      if (!NON_VOLATILE_FUNCTIONS.contains(bare)
          && !NOT_CALLS.contains(bare)
          && !isTypeModifier(expression, call.start())) {
        return bare;
      }
    }
    return null;
  }

  /** {@code 'x'::varchar(10)}: a parenthesis after a type name in a cast is not a call. */
  private static boolean isTypeModifier(String expression, int start) {
    return start >= 2 && expression.startsWith("::", start - 2);
  }
}
