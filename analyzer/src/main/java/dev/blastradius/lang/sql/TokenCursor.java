package dev.blastradius.lang.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A cursor over the significant tokens of one statement, for our own recursive-descent readers
 * (DDL, COPY, the fallback classifier). Keywords match case-insensitively; identifiers may be bare
 * words or quoted. Reading past what the reader expects throws {@link NotUnderstood}.
 */
final class TokenCursor {

  /** The statement has a shape the reader does not know; the message says where. */
  static final class NotUnderstood extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotUnderstood(String message) {
      super(message, null, false, false);
    }
  }

  private final List<SqlToken> tokens;
  private int position;

  TokenCursor(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  boolean atEnd() {
    return position >= tokens.size();
  }

  /** The current token, or null at the end. */
  SqlToken peek() {
    return peek(0);
  }

  /** The token {@code ahead} positions on, or null past the end. */
  SqlToken peek(int ahead) {
    int index = position + ahead;
    return index < tokens.size() ? tokens.get(index) : null;
  }

  /** True when the token just consumed is the word {@code keyword}. */
  boolean previousIsWord(String keyword) {
    return position > 0 && tokens.get(position - 1).isWord(keyword);
  }

  /** True when the next tokens are these words, in order. */
  boolean peekWords(String... words) {
    for (int i = 0; i < words.length; i++) {
      SqlToken token = peek(i);
      if (token == null || !token.isWord(words[i])) {
        return false;
      }
    }
    return true;
  }

  /** Consumes these words if they come next, in order. */
  boolean accept(String... words) {
    if (!peekWords(words)) {
      return false;
    }
    position += words.length;
    return true;
  }

  /** Consumes one of these words if it comes next, returning it upper-cased; else null. */
  String acceptAny(Set<String> words) {
    SqlToken token = peek();
    if (token != null && token.type() == SqlLexer.WORD && words.contains(token.upper())) {
      position++;
      return token.upper();
    }
    return null;
  }

  /** Consumes a token of this type if it comes next. */
  boolean acceptType(int type) {
    SqlToken token = peek();
    if (token != null && token.type() == type) {
      position++;
      return true;
    }
    return false;
  }

  /** Consumes these words or fails. */
  void expect(String... words) {
    if (!accept(words)) {
      throw notUnderstood("expected " + String.join(" ", words));
    }
  }

  /** Consumes and returns the next token or fails at the end. */
  SqlToken next() {
    if (atEnd()) {
      throw notUnderstood("unexpected end of statement");
    }
    return tokens.get(position++);
  }

  /** An identifier as written (bare, double-quoted or backtick-quoted). */
  String identifier() {
    SqlToken token = peek();
    if (token == null || !isIdentifier(token)) {
      throw notUnderstood("expected a name");
    }
    position++;
    return token.text();
  }

  /** True when the current token can be an identifier. */
  boolean atIdentifier() {
    SqlToken token = peek();
    return token != null && isIdentifier(token);
  }

  /** A dotted name such as {@code billing.invoices}, as written. */
  List<String> qualifiedName() {
    List<String> parts = new ArrayList<>();
    parts.add(identifier());
    while (peek() != null && peek().type() == SqlLexer.DOT) {
      position++;
      parts.add(identifier());
    }
    return parts;
  }

  /** At an opening parenthesis: consumes the balanced group and returns the tokens inside. */
  List<SqlToken> group() {
    if (!acceptType(SqlLexer.LPAREN)) {
      throw notUnderstood("expected (");
    }
    int start = position;
    int depth = 1;
    while (!atEnd()) {
      SqlToken token = tokens.get(position++);
      if (token.type() == SqlLexer.LPAREN) {
        depth++;
      } else if (token.type() == SqlLexer.RPAREN && --depth == 0) {
        return tokens.subList(start, position - 1);
      }
    }
    throw notUnderstood("unbalanced parentheses");
  }

  /**
   * Consumes tokens up to (not including) a top-level comma or one of the stop words, and returns
   * them; parentheses are skipped whole.
   */
  List<SqlToken> until(Set<String> stopWords) {
    int start = position;
    int depth = 0;
    while (!atEnd()) {
      SqlToken token = tokens.get(position);
      if (depth == 0
          && (token.type() == SqlLexer.COMMA
              || (token.type() == SqlLexer.WORD && stopWords.contains(token.upper())))) {
        break;
      }
      if (token.type() == SqlLexer.LPAREN) {
        depth++;
      } else if (token.type() == SqlLexer.RPAREN) {
        depth--;
      }
      position++;
    }
    return tokens.subList(start, position);
  }

  /** The rest of the statement. */
  List<SqlToken> rest() {
    List<SqlToken> rest = tokens.subList(position, tokens.size());
    position = tokens.size();
    return rest;
  }

  /** A failure at the current token. */
  NotUnderstood notUnderstood(String what) {
    SqlToken token = peek();
    String at =
        token == null ? "at the end" : "at '" + token.text() + "' (line " + token.line() + ")";
    return new NotUnderstood(what + " " + at);
  }

  private static boolean isIdentifier(SqlToken token) {
    return token.type() == SqlLexer.WORD
        || token.type() == SqlLexer.QUOTED_IDENT
        || token.type() == SqlLexer.BACKTICK_IDENT;
  }

  /** Splits tokens at top-level commas. */
  static List<List<SqlToken>> splitCommas(List<SqlToken> tokens) {
    List<List<SqlToken>> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int type = tokens.get(i).type();
      if (type == SqlLexer.LPAREN) {
        depth++;
      } else if (type == SqlLexer.RPAREN) {
        depth--;
      } else if (type == SqlLexer.COMMA && depth == 0) {
        parts.add(tokens.subList(start, i));
        start = i + 1;
      }
    }
    if (start < tokens.size()) {
      parts.add(tokens.subList(start, tokens.size()));
    }
    return parts;
  }

  /**
   * Tokens as written (case kept), with a single space wherever the source had whitespace or a
   * comment between them: a query to re-parse, an expression to show.
   */
  /**
   * The tokens at their lines and columns (comments left out), so that line {@code n} of the result
   * is line {@code first.line() + n - 1} of the source: a routine body read by a reader of its own
   * keeps the lines of the file.
   */
  static String positioned(List<SqlToken> tokens) {
    StringBuilder out = new StringBuilder();
    int line = tokens.isEmpty() ? 1 : tokens.get(0).line();
    int column = 1;
    for (SqlToken token : tokens) {
      while (line < token.line()) {
        out.append('\n');
        line++;
        column = 1;
      }
      if (column > 1 && column >= token.column()) {
        out.append(' ');
        column++;
      }
      while (column < token.column()) {
        out.append(' ');
        column++;
      }
      out.append(token.text());
      int newline = token.text().lastIndexOf('\n');
      if (newline < 0) {
        column += token.text().length();
      } else {
        line += (int) token.text().chars().filter(c -> c == '\n').count();
        column = token.text().length() - newline;
      }
    }
    return out.toString();
  }

  /** Whether the next tokens are a label ({@code name:}) of a MySQL compound statement. */
  boolean peekLabel() {
    int at = position;
    return at + 1 < tokens.size()
        && tokens.get(at).type() == SqlLexer.WORD
        && tokens.get(at + 1).text().equals(":")
        && (at + 2 >= tokens.size() || !tokens.get(at + 2).text().equals("="));
  }

  static String raw(List<SqlToken> tokens) {
    return join(tokens, false);
  }

  /**
   * Tokens as normalised text: words lower-cased, single spaces where the source had any space
   * ({@code numeric(12, 2)}, {@code (total * 100)::bigint}, {@code timestamp with time zone}).
   */
  static String text(List<SqlToken> tokens) {
    return join(tokens, true);
  }

  private static String join(List<SqlToken> tokens, boolean lowerWords) {
    StringBuilder out = new StringBuilder();
    SqlToken previous = null;
    for (SqlToken token : tokens) {
      if (previous != null && spaced(previous, token)) {
        out.append(' ');
      }
      out.append(
          lowerWords && token.type() == SqlLexer.WORD
              ? token.text().toLowerCase(Locale.ROOT)
              : token.text());
      previous = token;
    }
    return out.toString();
  }

  /**
   * Whether the source separated two adjacent tokens. Next to a token made up by a reader, words
   * are spaced and punctuation is not.
   */
  private static boolean spaced(SqlToken previous, SqlToken token) {
    if (previous.offset() >= 0 && token.offset() >= 0) {
      return token.offset() > previous.offset() + previous.text().length();
    }
    return token.type() != SqlLexer.COMMA
        && token.type() != SqlLexer.RPAREN
        && token.type() != SqlLexer.DOT
        && previous.type() != SqlLexer.LPAREN
        && previous.type() != SqlLexer.DOT;
  }
}
