package dev.blastradius.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A name-and-arity call graph over every {@link CodeUnit}, with receiver types narrowing a call to
 * the units of that type and its sub- and supertypes. It answers which entry points reach a unit,
 * following calls transitively and safely through cycles.
 */
public final class CallGraph {

  /**
   * A call whose name starts with this prefix lands on the unit whose id follows it, whatever that
   * unit's name and arity: how a scheduler entry calls a Python module or a Java {@code main}.
   */
  public static final String BY_ID = "unit:";

  private final Map<String, CodeUnit> units = new HashMap<>();
  private final Map<String, List<CodeUnit>> byNameAndArity = new HashMap<>();

  /** The same units by name, arity and owner: a typed call looks up its few related types. */
  private final Map<String, List<CodeUnit>> byNameArityAndOwner = new HashMap<>();

  private final Map<String, Set<String>> supertypes;
  private final Set<String> projectTypes;
  private final Map<String, Set<String>> callees = new HashMap<>();
  private final Map<String, Set<EntryPoint>> reached = new HashMap<>();
  private final Map<String, Set<String>> relatedTypes = new HashMap<>();

  /** Type → every project type that has it in its supertype closure (itself included). */
  private final Map<String, Set<String>> subtypes = new HashMap<>();

  /**
   * Builds the graph and propagates entry points.
   *
   * @param units every unit in the repository
   * @param calls every call site
   * @param declaredTypes simple type name → its direct supertypes' simple names
   * @param entryPoints unit id → the entry points declared on it
   */
  public CallGraph(
      Collection<CodeUnit> units,
      Collection<CallSite> calls,
      Map<String, Set<String>> declaredTypes,
      Map<String, Set<EntryPoint>> entryPoints) {
    this.supertypes = declaredTypes;
    this.projectTypes = declaredTypes.keySet();
    for (String type : projectTypes) {
      for (String ancestor : closure(type)) {
        subtypes.computeIfAbsent(ancestor, k -> new HashSet<>()).add(type);
      }
    }
    for (CodeUnit unit : units) {
      this.units.put(unit.id(), unit);
      if (unit.arity() >= 0) {
        byNameAndArity
            .computeIfAbsent(key(unit.name(), unit.arity()), k -> new ArrayList<>())
            .add(unit);
        byNameArityAndOwner
            .computeIfAbsent(
                key(unit.name(), unit.arity()) + '\0' + unit.owner(), k -> new ArrayList<>())
            .add(unit);
      }
    }
    for (CallSite call : calls) {
      for (CodeUnit target : targets(call)) {
        callees.computeIfAbsent(call.callerId(), k -> new HashSet<>()).add(target.id());
      }
    }
    propagate(entryPoints);
  }

  /** The entry points that reach a unit, sorted; empty when none does. */
  public List<EntryPoint> entryPointsReaching(String unitId) {
    return List.copyOf(new TreeSet<>(reached.getOrDefault(unitId, Set.of())));
  }

  /** The units a call may land in. */
  private List<CodeUnit> targets(CallSite call) {
    if (call.name().startsWith(BY_ID)) {
      CodeUnit unit = units.get(call.name().substring(BY_ID.length()));
      return unit == null ? List.of() : List.of(unit);
    }
    List<CodeUnit> candidates =
        byNameAndArity.getOrDefault(key(call.name(), call.arity()), List.of());
    String receiver = call.receiverType();
    if (receiver == null) {
      return candidates;
    }
    if (!projectTypes.contains(receiver)) {
      // A library type (JdbcTemplate, String): its methods are not ours.
      return List.of();
    }
    Set<String> related = relatedTypes.computeIfAbsent(receiver, this::related);
    if (related.size() < candidates.size()) {
      // A common name (save/1, get/2) has many candidates; the receiver few related types.
      String key = key(call.name(), call.arity()) + '\0';
      List<CodeUnit> found = new ArrayList<>();
      for (String type : related) {
        found.addAll(byNameArityAndOwner.getOrDefault(key + type, List.of()));
      }
      return found;
    }
    return candidates.stream().filter(u -> related.contains(u.owner())).toList();
  }

  /** The type itself, all its supertypes and all its subtypes within the project. */
  private Set<String> related(String type) {
    Set<String> result = new HashSet<>(closure(type));
    result.addAll(subtypes.getOrDefault(type, Set.of()));
    return result;
  }

  private Set<String> closure(String type) {
    Set<String> seen = new HashSet<>();
    Deque<String> work = new ArrayDeque<>(List.of(type));
    while (!work.isEmpty()) {
      String next = work.pop();
      if (seen.add(next)) {
        work.addAll(supertypes.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  /**
   * Marks every unit reachable from an entry unit as reached by that unit's entry points: a
   * worklist over the calls until nothing changes, each unit's entry points a bit set (one walk of
   * shared code per change, not one per entry point; the sets are those of a walk from each entry
   * unit, whatever the order).
   */
  private void propagate(Map<String, Set<EntryPoint>> entryPoints) {
    Map<EntryPoint, Integer> index = new HashMap<>();
    List<EntryPoint> points = new ArrayList<>();
    Map<String, BitSet> bits = new HashMap<>();
    Deque<String> work = new ArrayDeque<>();
    Set<String> queued = new HashSet<>();
    entryPoints.forEach(
        (unit, declared) -> {
          BitSet own = bits.computeIfAbsent(unit, k -> new BitSet());
          for (EntryPoint point : declared) {
            Integer id = index.get(point);
            if (id == null) {
              id = points.size();
              index.put(point, id);
              points.add(point);
            }
            own.set(id);
          }
          if (queued.add(unit)) {
            work.add(unit);
          }
        });
    while (!work.isEmpty()) {
      String unit = work.poll();
      queued.remove(unit);
      BitSet from = bits.get(unit);
      for (String callee : callees.getOrDefault(unit, Set.of())) {
        BitSet to = bits.computeIfAbsent(callee, k -> new BitSet());
        int before = to.cardinality();
        to.or(from);
        if (to.cardinality() != before && queued.add(callee)) {
          work.add(callee);
        }
      }
    }
    bits.forEach(
        (unit, set) -> {
          if (!set.isEmpty()) {
            Set<EntryPoint> found = new HashSet<>();
            set.stream().forEach(i -> found.add(points.get(i)));
            reached.put(unit, found);
          }
        });
  }

  private static String key(String name, int arity) {
    return name + "/" + arity;
  }
}
