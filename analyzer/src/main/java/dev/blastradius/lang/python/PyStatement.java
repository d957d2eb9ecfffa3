package dev.blastradius.lang.python;

import dev.blastradius.lang.HostedSql;
import dev.blastradius.source.Location;
import java.util.List;

/**
 * One simple statement, or the header of a compound one, as the analysis reads it: assignments bind
 * targets to a value, {@code for} and {@code with} bind their targets, anything else is an
 * expression evaluated for its effects. The location and text are the host statement's, where
 * accesses made by its expressions are reported.
 *
 * @param text the statement's source text (a compound statement's header); its {@link #snippet()}
 *     is made only for statements that report something
 * @param targets the assigned names and attributes ({@code a = b = v} has two), else empty
 * @param value the evaluated expression
 * @param annotation the annotation of {@code x: T = v}, or null
 * @param op the operator of an augmented assignment ({@code +=}), else null
 */
public record PyStatement(
    Kind kind,
    Location location,
    String text,
    List<PyExpr> targets,
    PyExpr value,
    PyExpr annotation,
    String op) {

  /** What the statement does with its targets. */
  public enum Kind {
    /** An expression evaluated for its effects (also {@code if}/{@code while} conditions). */
    EXPR,
    /** {@code targets = value}. */
    ASSIGN,
    /** {@code target op= value}. */
    AUGMENT,
    /** {@code for targets in value}. */
    FOR,
    /** {@code with value as targets}. */
    WITH,
    /** {@code return value}. */
    RETURN,
    /** {@code del targets}. */
    DELETE
  }

  public PyStatement {
    targets = List.copyOf(targets);
  }

  /** The whitespace-collapsed, shortened text reports show ({@link HostedSql#snippet}). */
  public String snippet() {
    return HostedSql.snippet(text);
  }

  /** The first line of the statement. */
  public int line() {
    return location.startLine();
  }
}
