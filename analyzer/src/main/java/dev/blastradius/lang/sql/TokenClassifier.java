package dev.blastradius.lang.sql;

import java.util.List;
import java.util.Set;

/**
 * Our fallback for statements JSqlParser does not accept: recognises, from the splitter's tokens,
 * statements that touch no table data, so that they are not reported as unanalysed.
 */
final class TokenClassifier {

  /** Statements that access no column: transaction control and session settings. */
  private static final Set<String> NO_ACCESS_LEADERS =
      Set.of(
          "BEGIN",
          "START",
          "COMMIT",
          "END",
          "ROLLBACK",
          "SAVEPOINT",
          "RELEASE",
          "SET",
          "RESET",
          "SHOW",
          "LISTEN",
          "NOTIFY",
          "UNLISTEN",
          "DISCARD",
          "CHECKPOINT");

  private TokenClassifier() {}

  /** True when the statement is known to access no column. */
  static boolean accessesNothing(List<SqlToken> tokens) {
    return !tokens.isEmpty() && NO_ACCESS_LEADERS.contains(tokens.get(0).upper());
  }
}
