package dev.blastradius.lang.ts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pure-Java lexer for TypeScript and JavaScript that only knows what it must to find islands:
 * string and template literals (with their {@code ${…}} substitutions, nested to any depth),
 * comments, regular-expression literals, identifiers and punctuation. It never fails: an unclosed
 * string ends at its line, an unclosed template or comment at the end of the text.
 *
 * <p>It is the fallback for files tree-sitter cannot parse (SQL in their literals is reported as
 * {@code possible}) and the cheap scan of the module specifiers of files the prefilter keeps away
 * from tree-sitter.
 */
public final class IslandLexer {

  /** What a token is. */
  public enum Kind {
    IDENTIFIER,
    STRING,
    TEMPLATE,
    PUNCTUATION
  }

  /**
   * One token.
   *
   * @param text the identifier, the punctuation character, or the literal's value ({@code ${…}}
   *     parts of templates as {@link SqlText.Dynamic})
   * @param value for strings and templates: the folded value
   * @param line the 1-based line the token starts on
   */
  public record Token(Kind kind, String text, SqlText value, int line) {}

  /** Keywords after which a {@code /} starts a regular expression, not a division. */
  private static final Set<String> REGEX_AFTER =
      Set.of(
          "return",
          "typeof",
          "instanceof",
          "in",
          "of",
          "new",
          "delete",
          "void",
          "throw",
          "case",
          "do",
          "else",
          "yield",
          "await");

  private final String text;
  private int pos;
  private int line = 1;
  private final List<Token> tokens = new ArrayList<>();

  /**
   * Null when lexing all tokens; else the specifiers found so far, and no token is kept (see {@link
   * #specifiers}).
   */
  private final List<String> found;

  /** In specifier mode: where the specifier scan is in {@code from 'x'}, {@code require('x')}. */
  private Expect expect = Expect.NOTHING;

  /** In specifier mode: past this position no keyword starts, so the scan may stop there. */
  private final int lastKeyword;

  /** What the specifier scan waits for. */
  private enum Expect {
    NOTHING,
    /** After {@code from} or {@code import}: a string is a specifier. */
    STRING,
    /** After {@code import}: a string, or {@code (} then a string. */
    STRING_OR_PARENTHESIS,
    /** After {@code require}: {@code (} then a string. */
    PARENTHESIS,
  }

  /** Whether the token before the current position ends an expression (then {@code /} divides). */
  private boolean afterOperand;

  private IslandLexer(String text, boolean specifiersOnly) {
    this.text = text;
    this.found = specifiersOnly ? new ArrayList<>() : null;
    this.lastKeyword =
        specifiersOnly
            ? Math.max(
                text.lastIndexOf("from"),
                Math.max(text.lastIndexOf("import"), text.lastIndexOf("require")))
            : text.length();
  }

  /** The tokens of {@code text}, comments and numbers left out. */
  public static List<Token> tokens(String text) {
    IslandLexer lexer = new IslandLexer(text, false);
    lexer.run();
    return lexer.tokens;
  }

  /**
   * The module specifiers a file names: {@code import … from 'x'}, {@code import 'x'}, {@code
   * export … from 'x'}, {@code import('x')} and {@code require('x')}.
   */
  public static List<String> specifiers(String text) {
    // Lexed like tokens(text) (the tests hold the two to the same answers), but keeping no token:
    // a string's value is built only where it can be a specifier, and the scan stops after the
    // last place a keyword could start, most often the end of the import block.
    IslandLexer lexer = new IslandLexer(text, true);
    lexer.run();
    return lexer.found;
  }

  private void run() {
    code(false);
  }

  /**
   * Lexes code up to the end of the text or, inside a template's {@code ${…}}, up to the brace that
   * closes the substitution.
   */
  private void code(boolean substitution) {
    int depth = 0;
    while (pos < text.length()) {
      if (pos > lastKeyword && expect == Expect.NOTHING) {
        pos = text.length(); // no specifier can follow: stop, even inside a template
        return;
      }
      char c = text.charAt(pos);
      if (c == '}' && substitution && depth == 0) {
        pos++;
        return;
      }
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && peek(1) == '/') {
        skipLineComment();
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if (c == '\'' || c == '"') {
        string(c);
      } else if (c == '`') {
        int start = line;
        if (found == null) {
          tokens.add(new Token(Kind.TEMPLATE, "`", template(), start));
        } else {
          template(); // its substitutions are code, as in tokens(text)
          expect = Expect.NOTHING;
        }
        afterOperand = true;
      } else if (c == '/' && !afterOperand) {
        skipRegex();
      } else if (Character.isJavaIdentifierStart(c) || c == '#' || c == '@') {
        identifier();
      } else if (Character.isDigit(c)) {
        while (pos < text.length()
            && (Character.isJavaIdentifierPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
          pos++;
        }
        afterOperand = true;
      } else {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        punctuation(c);
      }
    }
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void punctuation(char c) {
    if (found == null) {
      tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c), null, line));
    } else {
      expect =
          c == '(' && (expect == Expect.PARENTHESIS || expect == Expect.STRING_OR_PARENTHESIS)
              ? Expect.STRING
              : Expect.NOTHING;
    }
    pos++;
    afterOperand = c == ')' || c == ']' || c == '}';
  }

  private void identifier() {
    int start = pos;
    pos++;
    while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    if (found == null) {
      String word = text.substring(start, pos);
      tokens.add(new Token(Kind.IDENTIFIER, word, null, line));
      afterOperand = !REGEX_AFTER.contains(word);
      return;
    }
    // Specifier mode: compare in place, without a string per identifier.
    if (is(start, "from")) {
      expect = Expect.STRING;
    } else if (is(start, "import")) {
      expect = Expect.STRING_OR_PARENTHESIS;
    } else if (is(start, "require")) {
      expect = Expect.PARENTHESIS;
    } else {
      expect = Expect.NOTHING;
    }
    afterOperand = true;
    for (String keyword : REGEX_AFTER) {
      if (is(start, keyword)) {
        afterOperand = false;
        break;
      }
    }
  }

  /** Whether the identifier from {@code start} to {@code pos} is {@code word}. */
  private boolean is(int start, String word) {
    return pos - start == word.length() && text.startsWith(word, start);
  }

  private void skipLineComment() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void skipBlockComment() {
    int end = text.indexOf("*/", pos + 2);
    int stop = end < 0 ? text.length() : end + 2;
    countLines(pos, stop);
    pos = stop;
  }

  private void skipRegex() {
    pos++;
    boolean inClass = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        return; // not a regex after all; resume on the next line
      }
      pos++;
      if (c == '\\') {
        pos++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        break;
      }
    }
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    afterOperand = true;
  }

  private void string(char quote) {
    int startLine = line;
    pos++;
    // In specifier mode only a string that can be a specifier needs its value.
    boolean keep =
        found == null || expect == Expect.STRING || expect == Expect.STRING_OR_PARENTHESIS;
    StringBuilder value = keep ? new StringBuilder() : null;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        break;
      }
      if (c == '\n') {
        break; // unterminated: a string never spans lines without a backslash
      }
      if (c == '\\') {
        pos = escape(value);
        continue;
      }
      if (keep) {
        value.append(c);
      }
      pos++;
    }
    if (found == null) {
      tokens.add(
          new Token(Kind.STRING, value.toString(), SqlText.literal(value.toString()), startLine));
    } else {
      if (keep) {
        found.add(value.toString());
      }
      expect = Expect.NOTHING;
    }
    afterOperand = true;
  }

  /**
   * Reads the escape at {@code pos} into {@code value} (nowhere when null); returns the position
   * after it.
   */
  private int escape(StringBuilder value) {
    char next = peek(1);
    if (next == '\0') {
      return pos + 1;
    }
    if (next == '\n') {
      line++; // a line continuation
    } else if (value != null) {
      value.append(
          switch (next) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> next;
          });
    }
    return pos + 2;
  }

  /**
   * Reads a template literal starting at the backtick at {@code pos}. Substitutions are lexed as
   * code (their tokens are added in place, so literals inside them are found too) and become
   * dynamic parts of the template's value.
   */
  private SqlText template() {
    pos++;
    List<SqlText.Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '`') {
        pos++;
        break;
      }
      if (c == '\\') {
        pos = escape(literal);
        continue;
      }
      if (c == '$' && peek(1) == '{') {
        parts.add(new SqlText.Literal(literal.toString()));
        literal.setLength(0);
        parts.add(new SqlText.Dynamic());
        pos += 2;
        afterOperand = false;
        code(true);
        continue;
      }
      if (c == '\n') {
        line++;
      }
      literal.append(c);
      pos++;
    }
    parts.add(new SqlText.Literal(literal.toString()));
    return new SqlText(parts);
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
  }
}
