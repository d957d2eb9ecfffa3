package dev.blastradius.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Compares the markers of files with the facts a run reported, strictly both ways: every expected
 * fact must be reported on its line, and every reported fact in scope on a marked file must be
 * claimed by a marker. Failures list what to write, ready to paste, and the full actual state.
 */
public final class MarkerChecker {

  private final Predicate<ActualFact> inScope;
  private final boolean requireEntryKinds;

  /**
   * @param inScope which reported facts this check is about (e.g. only one rule's findings)
   * @param requireEntryKinds whether every access marker must say its {@code @kinds} (samples)
   */
  public MarkerChecker(Predicate<ActualFact> inScope, boolean requireEntryKinds) {
    this.inScope = inScope;
    this.requireEntryKinds = requireEntryKinds;
  }

  /**
   * Checks one file; returns the failures, empty when markers and facts agree.
   *
   * @param path the report-relative path of the file
   * @param markers its parsed markers
   * @param reported every fact the run reported (all files)
   */
  public List<String> check(String path, List<Marker> markers, List<ActualFact> reported) {
    List<ActualFact> unclaimed =
        reported.stream()
            .filter(f -> f.path().equals(path))
            .filter(inScope)
            .sorted(Comparator.comparingInt(ActualFact::line).thenComparing(ActualFact::markerText))
            .collect(Collectors.toCollection(ArrayList::new));
    List<ActualFact> all = List.copyOf(unclaimed);
    List<String> failures = new ArrayList<>();
    for (Marker marker : markers) {
      for (Marker.Fact fact : marker.facts()) {
        if (!fact.kind().equals("none") && !inScope.test(asActual(path, marker, fact))) {
          // Another helper checks this fact (e.g. another rule's related sites).
          continue;
        }
        if (requireEntryKinds && fact.isAccess() && fact.entryKinds() == null && !marker.todo()) {
          failures.add(
              path
                  + ":"
                  + marker.markerLine()
                  + ": samples must give entry-point kinds: '"
                  + fact
                  + " @kind…' (or @none)");
        }
        if (fact.kind().equals("none")) {
          List<ActualFact> onLine = onLine(unclaimed, marker.targetLine());
          if (!onLine.isEmpty()) {
            failures.add(
                path
                    + ":"
                    + marker.targetLine()
                    + ": expected no facts, but found: "
                    + describe(onLine));
          }
          continue;
        }
        ActualFact match = find(unclaimed, marker.targetLine(), fact);
        if (marker.todo()) {
          if (match != null) {
            failures.add(
                path
                    + ":"
                    + marker.targetLine()
                    + ": '"
                    + fact
                    + "' is now reported: promote 'todo-expect:' to 'expect:'");
          }
          continue;
        }
        if (match == null) {
          failures.add(
              path
                  + ":"
                  + marker.targetLine()
                  + ": expected '"
                  + fact
                  + "', but the line has: "
                  + describe(onLine(all, marker.targetLine())));
        } else {
          unclaimed.remove(match);
        }
      }
    }
    for (ActualFact fact : unclaimed) {
      failures.add(
          path
              + ":"
              + fact.line()
              + ": unclaimed fact; add '"
              + leaderHint(path)
              + " expect: "
              + fact.markerText()
              + "' above line "
              + fact.line());
    }
    if (!failures.isEmpty()) {
      failures.add(path + ": everything reported for this file:\n" + allFacts(all));
    }
    return failures;
  }

  private static ActualFact asActual(String path, Marker marker, Marker.Fact fact) {
    return new ActualFact(
        path,
        marker.targetLine(),
        fact.kind(),
        fact.subject(),
        fact.entryKinds(),
        fact.messageContains());
  }

  private static ActualFact find(List<ActualFact> candidates, int line, Marker.Fact fact) {
    for (ActualFact actual : candidates) {
      if (actual.line() != line
          || !actual.kind().equals(fact.kind())
          || !actual.subject().equals(fact.subject())) {
        continue;
      }
      if (fact.entryKinds() != null && !fact.entryKinds().equals(actual.entryKinds())) {
        continue;
      }
      if (fact.messageContains() != null
          && (actual.message() == null || !actual.message().contains(fact.messageContains()))) {
        continue;
      }
      return actual;
    }
    return null;
  }

  private static List<ActualFact> onLine(List<ActualFact> facts, int line) {
    return facts.stream().filter(f -> f.line() == line).toList();
  }

  private static String describe(List<ActualFact> facts) {
    return facts.isEmpty()
        ? "(nothing)"
        : facts.stream().map(ActualFact::markerText).collect(Collectors.joining(", "));
  }

  private static String allFacts(List<ActualFact> facts) {
    Map<Integer, List<String>> byLine = new TreeMap<>();
    facts.forEach(
        f -> byLine.computeIfAbsent(f.line(), k -> new ArrayList<>()).add(f.markerText()));
    StringBuilder text = new StringBuilder();
    byLine.forEach(
        (line, list) ->
            text.append("    line ")
                .append(line)
                .append(": ")
                .append(String.join(", ", list))
                .append('\n'));
    return text.length() == 0 ? "    (nothing)\n" : text.toString();
  }

  private static String leaderHint(String path) {
    if (path.endsWith(".sql")) {
      return "--";
    }
    if (path.endsWith(".py")
        || path.endsWith(".sh")
        || path.endsWith(".yaml")
        || path.endsWith(".yml")) {
      return "#";
    }
    return "//";
  }
}
