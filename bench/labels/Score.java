import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a {@code blastradius scan --format json} report with hand labels (see README.md) and prints,
 * per labelled column, true positives, false positives, misses, precision and recall, then entry-point
 * agreement on the true positives. A match is the same path, the same line and the same kind. Entry-point
 * kinds are compared without {@code test} on either side (labels leave tests out).
 *
 * <p>Usage: {@code java -cp analyzer/target/blastradius.jar bench/labels/Score.java LABELS REPORT}
 */
public final class Score {

  /** One access as a (path, line, kind) key, with its entry-point kinds. */
  record Site(String path, int line, String kind) implements Comparable<Site> {
    @Override
    public int compareTo(Site o) {
      int c = path.compareTo(o.path);
      if (c == 0) c = Integer.compare(line, o.line);
      return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
      return path + ":" + line + " " + kind;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Score LABELS.json REPORT.json");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode labels = json.readTree(new File(args[0]));
    JsonNode report = json.readTree(new File(args[1]));
    System.out.printf(
        "%s@%s: %d problems in the report%n",
        labels.get("repo").asText(),
        labels.get("sha").asText().substring(0, 12),
        report.get("problems").size());
    System.out.printf(
        "%-22s %5s %5s %5s %5s %10s %8s %12s%n",
        "column", "label", "TP", "FP", "miss", "precision", "recall", "entry points");
    int allTp = 0, allFp = 0, allMiss = 0;
    int testOnly = 0;
    List<String> details = new ArrayList<>();
    for (JsonNode column : labels.get("columns")) {
      String name = column.get("column").asText();
      Map<Site, TreeSet<String>> expected = new TreeMap<>();
      for (JsonNode a : column.get("accesses")) {
        expected.put(site(a), kinds(a.get("entryPoints"), false));
      }
      Map<Site, TreeSet<String>> actual = new TreeMap<>();
      for (JsonNode c : report.get("columns")) {
        if ((c.get("table").asText() + "." + c.get("column").asText()).equalsIgnoreCase(name)) {
          for (JsonNode a : c.get("accesses")) {
            actual.merge(site(a), kinds(a.get("entryPoints"), true), (x, y) -> {
              x.addAll(y);
              return x;
            });
          }
        }
      }
      int tp = 0, fp = 0, miss = 0, agree = 0;
      for (var e : expected.entrySet()) {
        TreeSet<String> found = actual.get(e.getKey());
        if (found == null) {
          miss++;
          details.add("  miss " + name + " " + e.getKey());
        } else {
          tp++;
          if (withoutTests(found).equals(withoutTests(e.getValue()))) {
            agree++;
          } else {
            details.add("  entry points " + name + " " + e.getKey() + ": labelled " + e.getValue() + ", reported " + found);
          }
        }
      }
      for (var e : actual.entrySet()) {
        Site s = e.getKey();
        if (expected.containsKey(s)) {
          continue;
        }
        if (e.getValue().equals(new TreeSet<>(List.of("test")))) {
          // Labels cover application code; a site only tests reach is out of their scope.
          testOnly++;
          details.add("  test only, not scored " + name + " " + s);
        } else {
          fp++;
          details.add("  false positive " + name + " " + s);
        }
      }
      allTp += tp;
      allFp += fp;
      allMiss += miss;
      System.out.printf(
          "%-22s %5d %5d %5d %5d %10s %8s %12s%n",
          name, expected.size(), tp, fp, miss, pct(tp, tp + fp), pct(tp, tp + miss), agree + "/" + tp);
    }
    System.out.printf(
        "%-22s %5d %5d %5d %5d %10s %8s%n",
        "all", allTp + allMiss, allTp, allFp, allMiss, pct(allTp, allTp + allFp), pct(allTp, allTp + allMiss));
    if (testOnly > 0) {
      System.out.println(
          testOnly + " reported sites reached only from tests were not scored (labels cover application code)");
    }
    details.forEach(System.out::println);
  }

  private static Site site(JsonNode access) {
    return new Site(access.get("path").asText(), access.get("line").asInt(), access.get("kind").asText());
  }

  /** Entry-point kinds; in reports they are objects with a kind, in labels plain strings. */
  private static TreeSet<String> kinds(JsonNode entryPoints, boolean objects) {
    TreeSet<String> kinds = new TreeSet<>();
    if (entryPoints != null) {
      entryPoints.forEach(e -> kinds.add(objects ? e.get("kind").asText() : e.asText()));
    }
    return kinds;
  }

  /**
   * The kinds without {@code test}: labels cover application code, so a test reaching a site is out of their
   * scope on both sides, as a site that only tests reach is not scored at all.
   */
  private static TreeSet<String> withoutTests(TreeSet<String> kinds) {
    TreeSet<String> rest = new TreeSet<>(kinds);
    rest.remove("test");
    return rest;
  }

  private static String pct(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
