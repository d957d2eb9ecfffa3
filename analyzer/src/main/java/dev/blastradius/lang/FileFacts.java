package dev.blastradius.lang;

import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.CodeUpdate;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.source.AnalysisProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a frontend found in one file. Built with {@link Builder}; immutable afterwards.
 *
 * @param types simple type name → simple names of its direct supertypes
 * @param entryPoints unit id → the entry points declared on that unit
 * @param notes assumptions worth telling the user ("no naming strategy configured: …"), sorted
 * @param state what the frontend needs to finish the file once every file is read ({@link
 *     LanguageFrontend#link}), or null
 * @param updates the shapes of the UPDATE statements the file's code issues, for the backfill rules
 */
public record FileFacts(
    String path,
    List<UnitAccess> accesses,
    List<CodeUnit> units,
    List<CallSite> calls,
    Map<String, Set<String>> types,
    Map<String, Set<EntryPoint>> entryPoints,
    List<AnalysisProblem> problems,
    SqlCoverage coverage,
    List<String> notes,
    LinkState state,
    List<CodeUpdate> updates) {

  public FileFacts {
    accesses = List.copyOf(accesses);
    units = List.copyOf(units);
    calls = List.copyOf(calls);
    types = Map.copyOf(types);
    entryPoints = Map.copyOf(entryPoints);
    problems = List.copyOf(problems);
    notes = notes.stream().distinct().sorted().toList();
    updates = List.copyOf(updates);
  }

  /** Facts for a file we could not analyse at all. */
  public static FileFacts failed(String path, AnalysisProblem problem) {
    return new Builder(path).problem(problem).build();
  }

  /** Collects the facts of one file. */
  public static final class Builder {
    private final String path;
    private final List<UnitAccess> accesses = new ArrayList<>();
    private final List<CodeUpdate> updates = new ArrayList<>();
    private final List<CodeUnit> units = new ArrayList<>();
    private final List<CallSite> calls = new ArrayList<>();
    private final Map<String, Set<String>> types = new TreeMap<>();
    private final Map<String, Set<EntryPoint>> entryPoints = new TreeMap<>();
    private final List<AnalysisProblem> problems = new ArrayList<>();
    private SqlCoverage coverage = SqlCoverage.NONE;
    private LinkState state;
    private final List<String> notes = new ArrayList<>();

    public Builder(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }

    public Builder access(UnitAccess access) {
      accesses.add(access);
      return this;
    }

    public Builder unit(CodeUnit unit) {
      units.add(unit);
      return this;
    }

    public Builder call(CallSite call) {
      calls.add(call);
      return this;
    }

    public Builder type(String name, Set<String> supertypes) {
      types.computeIfAbsent(name, k -> new HashSet<>()).addAll(supertypes);
      return this;
    }

    public Builder entryPoint(String unitId, EntryPoint entryPoint) {
      entryPoints.computeIfAbsent(unitId, k -> new HashSet<>()).add(entryPoint);
      return this;
    }

    public Builder problem(AnalysisProblem problem) {
      problems.add(problem);
      return this;
    }

    public Builder coverage(SqlCoverage more) {
      coverage = coverage.plus(more);
      return this;
    }

    /** The shape of an UPDATE that the file's code issues at one of its access sites. */
    public Builder update(CodeUpdate update) {
      updates.add(update);
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public Builder state(LinkState value) {
      state = value;
      return this;
    }

    /** Everything of {@code facts} added to this builder (its state too, when it has one). */
    public Builder addAll(FileFacts facts) {
      facts.accesses().forEach(this::access);
      facts.units().forEach(this::unit);
      facts.calls().forEach(this::call);
      facts.types().forEach(this::type);
      facts.entryPoints().forEach((unit, eps) -> eps.forEach(e -> entryPoint(unit, e)));
      facts.problems().forEach(this::problem);
      coverage(facts.coverage());
      facts.notes().forEach(this::note);
      facts.updates().forEach(this::update);
      if (facts.state() != null) {
        state = facts.state();
      }
      return this;
    }

    public FileFacts build() {
      return new FileFacts(
          path,
          accesses,
          units,
          calls,
          types,
          entryPoints,
          problems,
          coverage,
          notes,
          state,
          updates);
    }
  }
}
