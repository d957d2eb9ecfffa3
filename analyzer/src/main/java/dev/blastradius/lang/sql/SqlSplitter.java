package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Splits SQL text into statements at top-level semicolons using our ANTLR lexer, so semicolons
 * inside strings, quoted identifiers, dollar-quoted bodies and comments never split. Each statement
 * keeps its exact line and column span. Unterminated quotes become a problem on the statement that
 * holds them; the rest of the text is still split.
 */
final class SqlSplitter {

  /**
   * How many never-closed dollar quotes we lex past; each costs one more pass over the text. Past
   * this, the rest of the text stays inside the last one (still reported as a problem).
   */
  private static final int MAX_RELEXES = 32;

  private SqlSplitter() {}

  /** Splits {@code sql}; never throws on malformed input. */
  static List<SqlStatementText> split(String sql, SqlDialect dialect) {
    // Re-lex past each dollar quote that never closes, so the rest of the text is still split.
    Set<Integer> unclosedDollars = new HashSet<>();
    Lexed lexed = lex(sql, dialect, unclosedDollars);
    while (lexed.lexer().inDollarQuote() && unclosedDollars.size() < MAX_RELEXES) {
      unclosedDollars.add(lexed.lexer().dollarStartIndex);
      lexed = lex(sql, dialect, unclosedDollars);
    }
    SqlLexer lexer = lexed.lexer();
    List<String> lexerErrors = lexed.errors();
    List<Token> tokens = lexed.tokens();
    List<SqlStatementText> statements = new ArrayList<>();
    Builder current = null;
    String delimiter = ";";
    int atomicDepth = -1;
    int previousEndLine = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      int type = token.getType();
      if (isTrivia(type)) {
        continue;
      }
      boolean firstOnLine = token.getLine() > previousEndLine;
      previousEndLine = endLine(token);
      if (current == null
          && firstOnLine
          && type == SqlLexer.OTHER
          && token.getText().equals("\\")) {
        // A psql meta-command (\i, \set, \connect …) runs to the end of its line.
        Builder meta = new Builder(sql, token);
        meta.add(token);
        while (i + 1 < tokens.size() && tokens.get(i + 1).getLine() == token.getLine()) {
          Token next = tokens.get(++i);
          if (next.getType() == SqlLexer.UNTERMINATED) {
            meta.problem(unterminated(next)); // psql rejects the line too
          }
          if (!isTrivia(next.getType())) {
            meta.add(next);
          }
        }
        statements.add(meta.build(true));
        previousEndLine = token.getLine();
        continue;
      }
      if (current == null
          && firstOnLine
          && dialect == SqlDialect.MYSQL
          && isWord(token, "DELIMITER")) {
        int end = lineEnd(sql, token.getStopIndex() + 1);
        delimiter = sql.substring(token.getStopIndex() + 1, end).strip();
        while (i + 1 < tokens.size() && tokens.get(i + 1).getStartIndex() < end) {
          i++;
        }
        if (delimiter.isEmpty()) {
          delimiter = ";";
        }
        continue;
      }
      if (current == null) {
        current = new Builder(sql, token);
        atomicDepth = -1;
      }
      if (!lexerErrors.isEmpty()) {
        current.problem(String.join("; ", lexerErrors));
        lexerErrors.clear();
      }
      atomicDepth = atomic(tokens, i, current, atomicDepth);
      Token glued = delimiter.equals(";") ? null : withoutGluedDelimiter(token, delimiter);
      if (glued != null) {
        // MySQL words may contain '$', so "END$$" under DELIMITER $$ is one token.
        current.add(glued);
        current.terminate(token);
        statements.add(current.build(false));
        current = null;
        continue;
      }
      int delimiterLength =
          delimiter.equals(";")
              ? (type == SqlLexer.SEMI && atomicDepth < 0 ? 1 : 0)
              : matches(tokens, i, delimiter);
      if (delimiterLength > 0) {
        i += delimiterLength - 1;
        current.terminate(tokens.get(i));
        statements.add(current.build(false));
        current = null;
        continue;
      }
      if (type == SqlLexer.UNTERMINATED) {
        current.problem(unterminated(token));
      }
      current.add(token);
    }
    if (lexer.inDollarQuote()) {
      String problem =
          "unterminated dollar-quoted string starting at line " + lexer.dollarStartLine;
      if (current == null) {
        // The open quote began a statement of its own; keep a stub so the problem has a home.
        statements.add(
            new SqlStatementText(
                "",
                lexer.dollarStartLine,
                1,
                lexer.dollarStartLine,
                1,
                List.of(),
                false,
                Optional.of(problem)));
      } else {
        current.problem(problem);
      }
    }
    if (current != null) {
      if (!lexerErrors.isEmpty()) {
        current.problem(String.join("; ", lexerErrors));
      }
      statements.add(current.build(false));
    }
    return statements;
  }

  /** The tokens of one lexing pass, the lexer's final state and its errors. */
  private record Lexed(SqlLexer lexer, List<Token> tokens, List<String> errors) {}

  /**
   * Lexes {@code sql}, with the dollar quotes opened at {@code unclosedDollars} read as
   * unterminated. Positions are UTF-16 char indexes and columns, as in Java strings: the input is
   * read as chars, not code points, so a character outside the BMP counts two, as it does
   * everywhere else.
   */
  private static Lexed lex(String sql, SqlDialect dialect, Set<Integer> unclosedDollars) {
    SqlLexer lexer =
        new SqlLexer(
            CodePointCharStream.fromBuffer(
                CodePointBuffer.withChars(CharBuffer.wrap(sql.toCharArray()))));
    lexer.unclosedDollars = unclosedDollars;
    if (dialect == SqlDialect.MYSQL) {
      lexer.mode(SqlLexer.MYSQL);
    }
    List<String> lexerErrors = new ArrayList<>();
    lexer.removeErrorListeners();
    lexer.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> recognizer,
              Object offendingSymbol,
              int line,
              int charPositionInLine,
              String msg,
              RecognitionException e) {
            lexerErrors.add("line " + line + ":" + (charPositionInLine + 1) + ": " + msg);
          }
        });
    List<Token> tokens = new ArrayList<>();
    for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
      tokens.add(token);
    }
    return new Lexed(lexer, tokens, lexerErrors);
  }

  /**
   * Tracks a SQL-standard function body ({@code BEGIN ATOMIC … END}) of a CREATE FUNCTION or
   * PROCEDURE, whose semicolons do not end the statement: returns -1 outside such a body, else the
   * depth of CASE … END expressions inside it.
   */
  private static int atomic(List<Token> tokens, int i, Builder current, int depth) {
    Token token = tokens.get(i);
    if (depth < 0) {
      boolean opens =
          isWord(token, "BEGIN")
              && current.startsWithWord("CREATE")
              && isWord(nextSignificant(tokens, i), "ATOMIC");
      return opens ? 0 : -1;
    }
    if (isWord(token, "CASE")) {
      return depth + 1;
    }
    if (isWord(token, "END")) {
      return depth == 0 ? -1 : depth - 1;
    }
    return depth;
  }

  /**
   * The word {@code token} without the custom delimiter it ends with (as in {@code END$$}), or null
   * when it is not a word that ends with the delimiter after some text of its own.
   */
  private static Token withoutGluedDelimiter(Token token, String delimiter) {
    String text = token.getText();
    if (token.getType() != SqlLexer.WORD
        || text.length() <= delimiter.length()
        || !text.endsWith(delimiter)) {
      return null;
    }
    CommonToken word = new CommonToken(token);
    word.setText(text.substring(0, text.length() - delimiter.length()));
    word.setStopIndex(token.getStopIndex() - delimiter.length());
    return word;
  }

  /** How many tokens from {@code i} spell {@code delimiter} without gaps; 0 when they do not. */
  private static int matches(List<Token> tokens, int i, String delimiter) {
    StringBuilder seen = new StringBuilder();
    int previousStop = tokens.get(i).getStartIndex() - 1;
    for (int k = i; k < tokens.size() && seen.length() < delimiter.length(); k++) {
      Token token = tokens.get(k);
      if (token.getStartIndex() != previousStop + 1) {
        return 0;
      }
      seen.append(token.getText());
      previousStop = token.getStopIndex();
      if (seen.toString().equals(delimiter)) {
        return k - i + 1;
      }
    }
    return 0;
  }

  private static Token nextSignificant(List<Token> tokens, int i) {
    for (int k = i + 1; k < tokens.size(); k++) {
      if (!isTrivia(tokens.get(k).getType())) {
        return tokens.get(k);
      }
    }
    return null;
  }

  private static boolean isWord(Token token, String word) {
    return token != null
        && token.getType() == SqlLexer.WORD
        && token.getText().equalsIgnoreCase(word);
  }

  private static int endLine(Token token) {
    return token.getLine() + (int) token.getText().chars().filter(c -> c == '\n').count();
  }

  private static int lineEnd(String sql, int from) {
    int newline = sql.indexOf('\n', from);
    return newline < 0 ? sql.length() : newline;
  }

  private static boolean isTrivia(int type) {
    return type == SqlLexer.WS
        || type == SqlLexer.LINE_COMMENT
        || type == SqlLexer.HASH_COMMENT
        || type == SqlLexer.BLOCK_COMMENT;
  }

  private static String unterminated(Token token) {
    String what =
        switch (token.getText()) {
          case "/*" -> "block comment";
          case "\"" -> "quoted identifier";
          case "`" -> "backtick-quoted identifier";
          default -> token.getText().startsWith("$") ? "dollar-quoted string" : "string literal";
        };
    return "unterminated " + what + " starting at line " + token.getLine();
  }

  /** Accumulates one statement's span and tokens. */
  private static final class Builder {
    private final String sql;
    private final int startIndex;
    private final int startLine;
    private final int startColumn;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int textEndIndex;
    private Token last;
    private String problem;

    Builder(String sql, Token first) {
      this.sql = sql;
      this.startIndex = first.getStartIndex();
      this.startLine = first.getLine();
      this.startColumn = first.getCharPositionInLine() + 1;
      this.textEndIndex = first.getStartIndex();
      this.last = first;
    }

    void add(Token token) {
      tokens.add(
          new SqlToken(
              token.getType(),
              token.getText(),
              token.getLine(),
              token.getCharPositionInLine() + 1,
              token.getStartIndex() - startIndex));
      textEndIndex = token.getStopIndex() + 1;
      last = token;
    }

    /** The semicolon ends the span but is not part of the statement text. */
    void terminate(Token semicolon) {
      last = semicolon;
    }

    void problem(String message) {
      if (problem == null) {
        problem = message;
      }
    }

    /** True when the statement's first token is the word {@code word}. */
    boolean startsWithWord(String word) {
      return !tokens.isEmpty() && tokens.get(0).isWord(word);
    }

    SqlStatementText build(boolean meta) {
      String lastText = last.getText();
      int endLine = last.getLine() + (int) lastText.chars().filter(c -> c == '\n').count();
      int newline = lastText.lastIndexOf('\n');
      int endColumn =
          newline < 0
              ? last.getCharPositionInLine() + 1 + lastText.length()
              : lastText.length() - newline;
      return new SqlStatementText(
          sql.substring(startIndex, Math.max(startIndex, textEndIndex)),
          startLine,
          startColumn,
          endLine,
          endColumn,
          tokens,
          meta,
          Optional.ofNullable(problem));
    }
  }
}
