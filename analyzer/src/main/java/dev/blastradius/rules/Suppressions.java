package dev.blastradius.rules;

import dev.blastradius.source.Location;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every suppression of a run, and which of them matched something. A finding is suppressed when a
 * suppression for its rule covers its primary location; a code site is hidden from a rule when one
 * covers the site (the rule then judges as if the site were not there, so its message counts only
 * what is left). Not thread-safe: the check pass is single-threaded.
 */
public final class Suppressions {

  /** No suppressions at all. */
  public static Suppressions none() {
    return new Suppressions(List.of());
  }

  private final List<Suppression> all;
  private final Map<String, List<Suppression>> byPath = new HashMap<>();
  private final List<Suppression> configured = new ArrayList<>();
  private final Map<Suppression, PathMatcher> matchers = new HashMap<>();
  private final Set<Suppression> used = new HashSet<>();
  private final Map<Suppression, List<Finding>> suppressed = new LinkedHashMap<>();

  public Suppressions(List<Suppression> suppressions) {
    this.all = List.copyOf(suppressions);
    for (Suppression s : all) {
      if (s.scope() == Suppression.Scope.CONFIG) {
        configured.add(s);
        matchers.put(s, FileSystems.getDefault().getPathMatcher("glob:" + s.pathGlob()));
      } else {
        byPath.computeIfAbsent(s.where().path(), k -> new ArrayList<>()).add(s);
      }
    }
  }

  private Set<String> knownRuleIds = Set.of();
  private Set<String> ranRuleIds = Set.of();
  private Set<String> proposedPaths = Set.of();

  /**
   * Tells the suppressions what the run was: every rule id of the catalogue, the ids that ran, and
   * the report paths of the proposed migrations (where an unused suppression is a mistake rather
   * than a waiver kept for a later change).
   */
  public void describeRun(Set<String> known, Set<String> ran, Set<String> proposed) {
    this.knownRuleIds = Set.copyOf(known);
    this.ranRuleIds = Set.copyOf(ran);
    this.proposedPaths = Set.copyOf(proposed);
  }

  /** Whether {@code id} names a rule of the catalogue. */
  public boolean known(String id) {
    return knownRuleIds.contains(id);
  }

  /** Whether the rule {@code id} ran in this check. */
  public boolean ran(String id) {
    return ranRuleIds.contains(id);
  }

  /** Whether {@code path} is a proposed migration of this check. */
  public boolean proposed(String path) {
    return proposedPaths.contains(path);
  }

  /** Every suppression, in the order they were collected. */
  public List<Suppression> all() {
    return all;
  }

  /** Whether any suppression names {@code ruleId}: only then is a filtered graph worth building. */
  public boolean mentions(String ruleId) {
    return all.stream().anyMatch(s -> s.ruleIds().contains(ruleId));
  }

  /**
   * The suppression for {@code ruleId} that covers {@code location}, marking it used; null when
   * none does.
   */
  public Suppression covering(String ruleId, Location location) {
    for (Suppression s : byPath.getOrDefault(location.path(), List.of())) {
      if (s.ruleIds().contains(ruleId)
          && (s.scope() == Suppression.Scope.FILE
              || (s.targetLine() >= location.startLine()
                  && s.targetLine() <= location.endLine()))) {
        used.add(s);
        return s;
      }
    }
    for (Suppression s : configured) {
      if (s.ruleIds().contains(ruleId) && matchers.get(s).matches(Path.of(location.path()))) {
        used.add(s);
        return s;
      }
    }
    return null;
  }

  /**
   * The findings that survive: those no suppression covers. The rest are remembered with the
   * suppression that hid them ({@link #suppressedFindings()}).
   */
  public List<Finding> filter(List<Finding> findings) {
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : findings) {
      Suppression by = covering(finding.ruleId(), finding.location());
      if (by == null) {
        kept.add(finding);
      } else {
        suppressed.computeIfAbsent(by, k -> new ArrayList<>()).add(finding);
      }
    }
    return kept;
  }

  /** Whether a suppression has hidden a finding or a site. */
  public boolean used(Suppression suppression) {
    return used.contains(suppression);
  }

  /** The findings suppressed so far, each with the suppression that hid it. */
  public List<SuppressedFinding> suppressedFindings() {
    List<SuppressedFinding> result = new ArrayList<>();
    suppressed.forEach((s, list) -> list.forEach(f -> result.add(new SuppressedFinding(f, s))));
    result.sort(null);
    return result;
  }

  /** A finding a suppression hid, kept for the report: auditors want to see what was waived. */
  public record SuppressedFinding(Finding finding, Suppression by)
      implements Comparable<SuppressedFinding> {
    @Override
    public int compareTo(SuppressedFinding other) {
      return finding.compareTo(other.finding);
    }
  }
}
