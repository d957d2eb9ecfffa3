package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
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

  private SqlSplitter() {}

  /** Splits {@code sql}; never throws on malformed input. */
  static List<SqlStatementText> split(String sql, SqlDialect dialect) {
    SqlLexer lexer = new SqlLexer(CharStreams.fromString(sql));
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

    List<SqlStatementText> statements = new ArrayList<>();
    Builder current = null;
    for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
      int type = token.getType();
      if (isTrivia(type)) {
        continue;
      }
      if (current == null) {
        current = new Builder(sql, token);
      }
      if (!lexerErrors.isEmpty()) {
        current.problem(String.join("; ", lexerErrors));
        lexerErrors.clear();
      }
      if (type == SqlLexer.SEMI) {
        current.terminate(token);
        statements.add(current.build());
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
                Optional.of(problem)));
      } else {
        current.problem(problem);
      }
    }
    if (current != null) {
      if (!lexerErrors.isEmpty()) {
        current.problem(String.join("; ", lexerErrors));
      }
      statements.add(current.build());
    }
    return statements;
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
          default -> "string literal";
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

    SqlStatementText build() {
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
          Optional.ofNullable(problem));
    }
  }
}
