package dev.blastradius.lang.java.link;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What one data call turned out to do once linked: column uses, SQL to hand to the SQL frontend
 * (native queries), and things we could not resolve (which become problems).
 */
public final class LinkedUses {

  /** One column use; {@code inserts} when it supplies a column of rows the call creates. */
  public record Use(
      ColumnRef column,
      AccessKind kind,
      Via via,
      Confidence confidence,
      boolean implicit,
      boolean inserts) {}

  final List<Use> uses = new ArrayList<>();
  final List<StringTemplate> nativeSql = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  public LinkedUses use(
      ColumnRef column, AccessKind kind, Via via, Confidence confidence, boolean implicit) {
    uses.add(new Use(column, kind, via, confidence, implicit, false));
    return this;
  }

  /** A write of a column of the rows the call creates (persist, save). */
  public LinkedUses insert(ColumnRef column, Via via, Confidence confidence) {
    uses.add(new Use(column, AccessKind.WRITE, via, confidence, true, true));
    return this;
  }

  public LinkedUses nativeSql(StringTemplate sql) {
    nativeSql.add(sql);
    return this;
  }

  public LinkedUses problem(String message) {
    problems.add(message);
    return this;
  }

  /** The column uses found so far. */
  public List<Use> uses() {
    return java.util.Collections.unmodifiableList(uses);
  }

  /** Adds everything {@code other} found. */
  public LinkedUses addAll(LinkedUses other) {
    uses.addAll(other.uses);
    nativeSql.addAll(other.nativeSql);
    problems.addAll(other.problems);
    return this;
  }

  /** True when the call was recognised as data access at all. */
  public boolean isEmpty() {
    return uses.isEmpty() && nativeSql.isEmpty() && problems.isEmpty();
  }
}
