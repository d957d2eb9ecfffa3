package dev.blastradius.rules.expandcontract;

import dev.blastradius.rules.locking.PostgresTypes;
import java.util.List;
import java.util.Map;

/**
 * How a column type change looks to application code (not to the table's storage, which is the
 * locking rules' business): the same type; a widening that every existing value and every value the
 * code writes still fits (longer varchar, bigger integers, more numeric precision, json to jsonb);
 * a narrowing that values the code writes may no longer fit; or an incompatible change of family
 * (text to integer, timestamp to timestamptz, uuid to text) that changes what readers get and what
 * writers may send.
 */
final class TypeCompatibility {

  /** The verdict for one change. */
  enum Change {
    SAME,
    WIDENING,
    NARROWING,
    INCOMPATIBLE
  }

  /** Ranked families: a higher rank holds every value of a lower one. */
  private static final Map<String, List<String>> RANKED =
      Map.of(
          "integer", List.of("tinyint", "smallint", "mediumint", "integer", "bigint", "numeric"),
          "float", List.of("real", "double precision"),
          "text", List.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext"),
          "json", List.of("json", "jsonb"),
          "binary", List.of("varbinary", "blob", "bytea", "longblob"));

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("serial", "integer"),
          Map.entry("smallserial", "smallint"),
          Map.entry("bigserial", "bigint"),
          Map.entry("int", "integer"),
          Map.entry("citext", "text"),
          Map.entry("float", "double precision"),
          Map.entry("double", "double precision"),
          Map.entry("cidr", "inet"));

  private TypeCompatibility() {}

  static Change of(String from, String to) {
    String a = PostgresTypes.canonical(from);
    String b = PostgresTypes.canonical(to);
    if (a.equals(b)) {
      return Change.SAME;
    }
    String baseA = alias(PostgresTypes.base(a));
    String baseB = alias(PostgresTypes.base(b));
    if (baseA.equals("text") && b.equals("varchar")) {
      return Change.WIDENING; // varchar without a length is text under another name
    }
    if (baseA.equals("inet") && baseB.equals("inet")) {
      // cidr → inet widens; inet → cidr rejects host bits.
      return PostgresTypes.base(a).equals("cidr") ? Change.WIDENING : Change.NARROWING;
    }
    for (List<String> family : RANKED.values()) {
      int rankA = family.indexOf(baseA);
      int rankB = family.indexOf(baseB);
      if (rankA < 0 || rankB < 0) {
        continue;
      }
      if (rankA != rankB) {
        return rankB > rankA ? Change.WIDENING : Change.NARROWING;
      }
      return sameBase(baseA, a, b);
    }
    if (baseA.equals(baseB)) {
      return sameBase(baseA, a, b);
    }
    return Change.INCOMPATIBLE;
  }

  /** Two spellings of one base type that differ in modifiers: length, precision, scale. */
  private static Change sameBase(String base, String a, String b) {
    if (RANKED.get("integer").contains(base) && !base.equals("numeric")) {
      return Change.SAME; // MySQL's int(11): a display width, not a range
    }
    int[] ma = modifiers(a);
    int[] mb = modifiers(b);
    if (mb.length == 0) {
      // Unconstrained holds everything the constrained one did, except char's padding.
      return base.equals("char") ? Change.INCOMPATIBLE : Change.WIDENING;
    }
    if (ma.length == 0) {
      return Change.NARROWING;
    }
    if (base.equals("numeric")) {
      int scaleA = ma.length > 1 ? ma[1] : 0;
      int scaleB = mb.length > 1 ? mb[1] : 0;
      if (scaleA != scaleB) {
        // Fewer decimals rounds what writers send; more decimals changes what readers get.
        return scaleB < scaleA ? Change.NARROWING : Change.INCOMPATIBLE;
      }
      return mb[0] >= ma[0] ? Change.WIDENING : Change.NARROWING;
    }
    if (base.equals("timestamp") || base.equals("timestamptz") || base.equals("time")) {
      return mb[0] >= ma[0] ? Change.WIDENING : Change.NARROWING;
    }
    return mb[0] >= ma[0] ? Change.WIDENING : Change.NARROWING;
  }

  private static String alias(String base) {
    return ALIASES.getOrDefault(base, base);
  }

  private static int[] modifiers(String type) {
    int open = type.indexOf('(');
    int close = type.indexOf(')', open + 1);
    if (open < 0 || close < 0) {
      return new int[0];
    }
    String[] parts = type.substring(open + 1, close).split(",");
    int[] values = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        values[i] = Integer.MAX_VALUE; // varchar(max) and friends
      }
    }
    return values;
  }
}
