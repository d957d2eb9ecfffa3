package dev.blastradius.lang.sql;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.ColumnRef;

/**
 * A column a SQL statement reads, writes or changes, before it is placed at a code site.
 *
 * @param implicit the column is not named in the statement ({@code *}, positional {@code INSERT}, a
 *     view's base column)
 * @param throughView the use reaches a base column through a view the statement names
 * @param inserts a write that supplies the column of rows the statement inserts
 */
public record ColumnUse(
    ColumnRef column,
    AccessKind kind,
    Confidence confidence,
    boolean implicit,
    boolean throughView,
    boolean inserts) {

  public ColumnUse(
      ColumnRef column,
      AccessKind kind,
      Confidence confidence,
      boolean implicit,
      boolean throughView) {
    this(column, kind, confidence, implicit, throughView, false);
  }

  public ColumnUse(ColumnRef column, AccessKind kind, Confidence confidence, boolean implicit) {
    this(column, kind, confidence, implicit, false);
  }

  /** The same use with a weaker confidence, e.g. when the SQL was built dynamically. */
  public ColumnUse atMost(Confidence cap) {
    return new ColumnUse(column, kind, confidence.weakest(cap), implicit, throughView, inserts);
  }
}
