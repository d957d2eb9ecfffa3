package dev.blastradius.lang.sql;

import java.util.List;
import java.util.Optional;

/**
 * One statement cut out of a SQL text by {@link SqlSplitter}.
 *
 * @param text the statement without its terminating semicolon, comments inside kept
 * @param startLine 1-based line of the first significant token within the split text
 * @param startColumn 1-based column of that token
 * @param endLine line of the last character (the semicolon when there is one)
 * @param endColumn 1-based column just after the last character
 * @param tokens the significant tokens, in order
 * @param meta a psql meta-command line ({@code \\set}, {@code \\i}, …), not SQL
 * @param lexProblem why the lexer could not read the statement whole, if it could not
 */
record SqlStatementText(
    String text,
    int startLine,
    int startColumn,
    int endLine,
    int endColumn,
    List<SqlToken> tokens,
    boolean meta,
    Optional<String> lexProblem) {

  SqlStatementText {
    tokens = List.copyOf(tokens);
  }

  /** The first word, upper-cased, or "" when the statement does not start with one. */
  String firstWord() {
    return tokens.isEmpty() ? "" : tokens.get(0).upper();
  }
}
