package dev.blastradius.rules;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.EntryPoint;
import java.util.List;
import java.util.stream.Collectors;

/** How findings describe accesses and entry points to people. */
public final class AccessLabels {

  /** How many entry points a label lists before summarising the rest. */
  private static final int MAX_LISTED = 3;

  private AccessLabels() {}

  /** {@code users.name read by http GET /users/{id}}; implicit accesses say how they happen. */
  public static String of(Access access) {
    String how = "";
    if (access.implicit()) {
      how =
          access.kind() == AccessKind.READ
              ? " (implicitly, via *)"
              : " (implicitly, by a positional INSERT)";
    }
    return access.column().displayName()
        + " "
        + access.kind().pastTense()
        + how
        + " "
        + reachedFrom(access.entryPoints());
  }

  /** {@code by http GET /x, cron Job.run} or {@code (no entry point found)}. */
  public static String reachedFrom(List<EntryPoint> entryPoints) {
    if (entryPoints.isEmpty()) {
      return "(no entry point found)";
    }
    return "by " + listed(entryPoints);
  }

  /** Up to three entry point labels, then "and N more". */
  public static String listed(List<EntryPoint> entryPoints) {
    String shown =
        entryPoints.stream()
            .limit(MAX_LISTED)
            .map(EntryPoint::label)
            .collect(Collectors.joining(", "));
    int more = entryPoints.size() - MAX_LISTED;
    return more > 0 ? shown + " and " + more + " more" : shown;
  }

  /**
   * "reached from 2 entry points: http GET /x, cron Job.run", saying how many sites no known entry
   * point reaches (those may be dead code, or reached in ways we cannot see).
   */
  public static String reach(List<Access> sites) {
    List<EntryPoint> entryPoints =
        sites.stream().flatMap(a -> a.entryPoints().stream()).distinct().sorted().toList();
    long unreached =
        sites.stream()
            .filter(a -> a.entryPoints().isEmpty())
            .map(Access::location)
            .distinct()
            .count();
    long siteCount = sites.stream().map(Access::location).distinct().count();
    if (entryPoints.isEmpty()) {
      return "no known entry point reaches " + (siteCount == 1 ? "it" : "them");
    }
    String reached =
        "reached from "
            + count(entryPoints.size(), "entry point", "entry points")
            + ": "
            + listed(entryPoints);
    if (unreached == 0) {
      return reached;
    }
    return reached
        + "; "
        + count((int) unreached, "site has", "sites have")
        + " no known entry point";
  }

  /**
   * "1 code site" / "3 code sites": distinct statements, however many columns each one uses (a
   * {@code DELETE … WHERE token IS NULL} writes the table and reads a column at one site).
   */
  public static String codeSites(List<Access> accesses) {
    int sites = (int) accesses.stream().map(Access::location).distinct().count();
    return count(sites, "code site", "code sites");
  }

  /** "1 site" / "3 sites". */
  public static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
