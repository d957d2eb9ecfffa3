package dev.blastradius.lang.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JSqlParser rejects some ordinary identifiers that are keywords of some dialect it knows ({@code
 * settings} in 5.4). When a statement fails, this tries again with the bare words near the reported
 * error double-quoted, one at a time, a few rounds deep. Quoting a lower-case word does not change
 * what it names in Postgres, so the parsed statement means the same thing.
 */
final class KeywordRetry {

  /** Words that carry SQL structure; quoting them could only make things worse. */
  private static final Set<String> STRUCTURAL =
      Set.of(
          "SELECT",
          "FROM",
          "WHERE",
          "GROUP",
          "ORDER",
          "BY",
          "HAVING",
          "LIMIT",
          "OFFSET",
          "INSERT",
          "INTO",
          "VALUES",
          "UPDATE",
          "SET",
          "DELETE",
          "RETURNING",
          "JOIN",
          "LEFT",
          "RIGHT",
          "INNER",
          "OUTER",
          "FULL",
          "CROSS",
          "ON",
          "USING",
          "AND",
          "OR",
          "NOT",
          "NULL",
          "IS",
          "IN",
          "EXISTS",
          "BETWEEN",
          "LIKE",
          "ILIKE",
          "AS",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "DISTINCT",
          "UNION",
          "ALL",
          "EXCEPT",
          "INTERSECT",
          "WITH",
          "CREATE",
          "ALTER",
          "DROP",
          "TABLE",
          "INDEX",
          "VIEW",
          "PRIMARY",
          "KEY",
          "FOREIGN",
          "REFERENCES",
          "DEFAULT",
          "CHECK",
          "UNIQUE",
          "CONSTRAINT",
          "TRUE",
          "FALSE",
          "ASC",
          "DESC",
          "NULLS",
          "FIRST",
          "LAST",
          "CAST",
          "COLLATE",
          "FOR",
          "LATERAL",
          "OVER",
          "PARTITION",
          "FETCH",
          "ONLY",
          "CONFLICT",
          "DO",
          "NOTHING",
          "ANY",
          "SOME",
          "ARRAY",
          "MERGE",
          "MATCHED",
          "TRUNCATE",
          "COPY",
          "TO",
          "STDIN",
          "STDOUT",
          "RECURSIVE",
          "WINDOW");

  private static final int ROUNDS = 3;
  private static final int NEAR = 2;

  /** A re-parse that worked: the rewritten text and its outcome. */
  record Success(String text, StatementParser.Outcome outcome) {}

  private KeywordRetry() {}

  /**
   * Tries quoting words near the error of {@code failure}; returns the first rewrite that parses.
   */
  static Optional<Success> retry(
      String text, List<SqlToken> tokens, StatementParser.Outcome failure, StatementParser parser) {
    String current = text;
    List<SqlToken> currentTokens = tokens;
    StatementParser.Outcome outcome = failure;
    for (int round = 0; round < ROUNDS && !outcome.timedOut(); round++) {
      int errorOffset = errorOffset(current, outcome.failure());
      int errorIndex = errorToken(currentTokens, errorOffset);
      boolean progressed = false;
      int from = Math.max(0, errorIndex - NEAR);
      int to = Math.min(currentTokens.size() - 1, errorIndex + NEAR);
      for (int i = from; i <= to && !progressed; i++) {
        SqlToken token = currentTokens.get(i);
        if (token.type() != SqlLexer.WORD
            || STRUCTURAL.contains(token.upper())
            || token.offset() < 0) {
          continue;
        }
        String rewritten = quote(current, token);
        StatementParser.Outcome attempt = parser.parse(rewritten);
        if (attempt.statement() != null) {
          return Optional.of(new Success(rewritten, attempt));
        }
        // Keep a quoting only when the parser now gets further: the error moved past where it was.
        int shiftedError = errorOffset + (token.offset() < errorOffset ? 2 : 0);
        if (errorOffset >= 0 && errorOffset(rewritten, attempt.failure()) > shiftedError) {
          current = rewritten;
          currentTokens = shift(currentTokens, token);
          outcome = attempt;
          progressed = true;
        }
      }
      if (!progressed) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String quote(String text, SqlToken token) {
    int start = token.offset();
    return text.substring(0, start)
        + '"'
        + token.text()
        + '"'
        + text.substring(start + token.text().length());
  }

  /** The tokens after quoting {@code quoted}: later offsets move by two characters. */
  private static List<SqlToken> shift(List<SqlToken> tokens, SqlToken quoted) {
    List<SqlToken> shifted = new ArrayList<>();
    for (SqlToken token : tokens) {
      if (token == quoted) {
        shifted.add(
            new SqlToken(
                SqlLexer.QUOTED_IDENT,
                '"' + token.text() + '"',
                token.line(),
                token.column(),
                token.offset()));
      } else if (token.offset() > quoted.offset()) {
        shifted.add(
            new SqlToken(
                token.type(), token.text(), token.line(), token.column(), token.offset() + 2));
      } else {
        shifted.add(token);
      }
    }
    return shifted;
  }

  /** The index of the token at a character offset, or the middle when unknown. */
  private static int errorToken(List<SqlToken> tokens, int offset) {
    if (offset < 0) {
      return tokens.size() / 2;
    }
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.offset() >= 0 && token.offset() + token.text().length() > offset) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  /** Reads "at line L, column C" from a JSqlParser message into an offset within {@code text}. */
  static int errorOffset(String text, String failure) {
    int at = failure == null ? -1 : failure.lastIndexOf("at line ");
    if (at < 0) {
      return -1;
    }
    try {
      String[] parts = failure.substring(at + "at line ".length()).split("[ ,]+");
      int line = Integer.parseInt(parts[0]);
      int column = Integer.parseInt(parts[2]);
      int offset = 0;
      for (int l = 1; l < line; l++) {
        int newline = text.indexOf('\n', offset);
        if (newline < 0) {
          return -1;
        }
        offset = newline + 1;
      }
      return offset + column - 1;
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
