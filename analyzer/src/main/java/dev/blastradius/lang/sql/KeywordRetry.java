package dev.blastradius.lang.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * JSqlParser rejects some ordinary identifiers that are keywords of some dialect it knows ({@code
 * settings} in 5.4). When a statement fails, this tries again with the bare words near the reported
 * error double-quoted, a few rounds deep: each word first wherever it is used (so a column named
 * {@code settings} used five times costs one retry, not five), then at the error only. Words are
 * quoted in lower case, the way both dialects fold bare names, so the parsed statement means the
 * same thing.
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

  /**
   * DDL and maintenance statements whose JSqlParser tree {@link ColumnWalker} does not look at:
   * once our DDL reader has read one, a retry could only relabel it, at the price of a dozen
   * failing parses.
   */
  private static final Set<String> UNWALKED_LEADERS =
      Set.of(
          "ALTER",
          "DROP",
          "RENAME",
          "REINDEX",
          "VACUUM",
          "ANALYZE",
          "ANALYSE",
          "CLUSTER",
          "LOCK",
          "REFRESH",
          "OPTIMIZE",
          "COMMENT",
          "GRANT",
          "REVOKE",
          "SECURITY",
          "DISCARD",
          "CHECKPOINT",
          "LOAD",
          "REASSIGN");

  /** Words between CREATE and the kind of object it creates. */
  private static final Set<String> CREATE_MODIFIERS =
      Set.of("OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE");

  /** Objects whose CREATE statement holds no query the walker reads. */
  private static final Set<String> QUERYLESS_OBJECTS =
      Set.of(
          "INDEX",
          "TYPE",
          "EXTENSION",
          "SCHEMA",
          "SEQUENCE",
          "POLICY",
          "ROLE",
          "USER",
          "DOMAIN",
          "TRIGGER",
          "CONSTRAINT",
          "FUNCTION",
          "PROCEDURE",
          "PUBLICATION",
          "SUBSCRIPTION",
          "AGGREGATE",
          "OPERATOR",
          "CAST",
          "COLLATION",
          "DATABASE",
          "SERVER",
          "STATISTICS",
          "LANGUAGE",
          "TABLESPACE");

  private static final int ROUNDS = 3;
  private static final int NEAR = 2;

  /** A re-parse that worked: the rewritten text and its outcome. */
  record Success(String text, StatementParser.Outcome outcome) {}

  private KeywordRetry() {}

  /**
   * Whether a retry could change what we learn from the statement: not for statements that access
   * nothing (transaction control, settings), nor for DDL our reader understood whose tree the
   * walker ignores (everything but CREATE TABLE/VIEW, which may hold a query, and TRUNCATE).
   */
  static boolean worthTrying(List<SqlToken> tokens, boolean ddlRecognised) {
    if (TokenClassifier.accessesNothing(tokens)) {
      return false;
    }
    if (!ddlRecognised) {
      return true;
    }
    String first = tokens.get(0).upper();
    if (UNWALKED_LEADERS.contains(first)) {
      return false;
    }
    if (!first.equals("CREATE")) {
      return true;
    }
    for (int i = 1; i < tokens.size(); i++) {
      String word = tokens.get(i).upper();
      if (!CREATE_MODIFIERS.contains(word)) {
        return !QUERYLESS_OBJECTS.contains(word);
      }
    }
    return true;
  }

  /**
   * Tries quoting words near the error of {@code failure}; returns the first rewrite that parses.
   * Each candidate word is quoted everywhere it is used first (a column named {@code settings}
   * tends to appear several times), then at the error only.
   */
  static Optional<Success> retry(
      String text, List<SqlToken> tokens, StatementParser.Outcome failure, StatementParser parser) {
    Rewrite current = new Rewrite(text, tokens, List.of());
    StatementParser.Outcome outcome = failure;
    for (int round = 0; round < ROUNDS && !outcome.timedOut(); round++) {
      int errorOffset = errorOffset(current.text(), outcome.failure());
      int errorIndex = errorToken(current.tokens(), errorOffset);
      Rewrite progress = null;
      int from = Math.max(0, errorIndex - NEAR);
      int to = Math.min(current.tokens().size() - 1, errorIndex + NEAR);
      for (int i = from; i <= to && progress == null && !outcome.timedOut(); i++) {
        SqlToken token = current.tokens().get(i);
        if (token.type() != SqlLexer.WORD
            || STRUCTURAL.contains(token.upper())
            || token.offset() < 0) {
          continue;
        }
        for (Rewrite rewrite : variants(current, token)) {
          StatementParser.Outcome attempt = parser.parse(rewrite.text());
          if (attempt.statement() != null) {
            return Optional.of(new Success(rewrite.text(), attempt));
          }
          // Keep a quoting only when the parser now gets further: the error moved past where it
          // was (shifted by the quotes inserted before it).
          int shiftedError = errorOffset + rewrite.quotesBefore(errorOffset);
          if (errorOffset >= 0 && errorOffset(rewrite.text(), attempt.failure()) > shiftedError) {
            progress = rewrite;
            outcome = attempt;
            break;
          }
          if (attempt.timedOut()) {
            outcome = attempt;
            break;
          }
        }
      }
      if (progress == null) {
        break;
      }
      current = progress;
    }
    return Optional.empty();
  }

  /** The word quoted wherever it is used, then (if it is used more than once) only here. */
  private static List<Rewrite> variants(Rewrite current, SqlToken token) {
    Rewrite everywhere = current.quote(t -> t.isWord(token.text()) && t.offset() >= 0);
    Rewrite here = current.quote(t -> t == token);
    return everywhere.quoted().size() > 1 ? List.of(everywhere, here) : List.of(here);
  }

  /**
   * A statement text with some bare words double-quoted, and its tokens moved to match.
   *
   * @param quoted the offsets, in the text before this rewrite, of the words it quoted
   */
  private record Rewrite(String text, List<SqlToken> tokens, List<Integer> quoted) {

    /** This text with the tokens {@code which} accepts quoted. */
    Rewrite quote(Predicate<SqlToken> which) {
      StringBuilder rewritten = new StringBuilder(text.length() + 8);
      List<SqlToken> moved = new ArrayList<>(tokens.size());
      List<Integer> offsets = new ArrayList<>();
      int copied = 0;
      for (SqlToken token : tokens) {
        int shift = 2 * offsets.size();
        if (token.offset() < 0) {
          moved.add(token);
        } else if (which.test(token)) {
          String name = '"' + folded(token.text()) + '"';
          rewritten.append(text, copied, token.offset()).append(name);
          copied = token.offset() + token.text().length();
          moved.add(
              new SqlToken(
                  SqlLexer.QUOTED_IDENT,
                  name,
                  token.line(),
                  token.column(),
                  token.offset() + shift));
          offsets.add(token.offset());
        } else {
          moved.add(
              shift == 0
                  ? token
                  : new SqlToken(
                      token.type(),
                      token.text(),
                      token.line(),
                      token.column(),
                      token.offset() + shift));
        }
      }
      rewritten.append(text, copied, text.length());
      return new Rewrite(rewritten.toString(), moved, offsets);
    }

    /**
     * A bare word as the database folds it (both dialects compare unquoted names in lower case), so
     * that quoting it keeps its meaning; unchanged in the rare case lower-casing would change its
     * length and so every offset after it.
     */
    private static String folded(String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      return lower.length() == word.length() ? lower : word;
    }

    /** How many characters the quotes of this rewrite inserted before {@code offset}. */
    int quotesBefore(int offset) {
      int count = 0;
      for (int quotedOffset : quoted) {
        count += quotedOffset < offset ? 2 : 0;
      }
      return count;
    }
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
