package dev.blastradius.lang.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;

/**
 * Statements whose JSqlParser tree adds nothing to what our own readers find: transaction commands,
 * session settings, and the ALTER TABLE actions that name only the table, a column or a constraint
 * (DROP COLUMN, RENAME COLUMN, SET/DROP NOT NULL, DROP DEFAULT, VALIDATE CONSTRAINT). For these the
 * SQL frontend skips JSqlParser, which costs more than all the rest of the analysis of a statement.
 * A strict reader over our tokens: it accepts only when every token of the statement is consumed by
 * one of the shapes below, and every name is a plain word that is not a JSqlParser keyword
 * (reserved or not), so that JSqlParser would parse it too; anything else is declined and parsed as
 * before. {@code PlainStatementsTest} checks, on the SQL corpus and the benchmark corpus, that the
 * analysis is the same either way.
 */
final class PlainStatements {

  /** Every word JSqlParser's lexer knows as a keyword, upper case. */
  private static final Set<String> KEYWORDS = keywords();

  private final List<SqlToken> tokens;
  private int at;

  private PlainStatements(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  /** True when the statement is one of the plain shapes, every token consumed. */
  static boolean accepts(List<SqlToken> tokens) {
    if (tokens.isEmpty() || tokens.size() > 12) {
      return false;
    }
    PlainStatements reader = new PlainStatements(tokens);
    return reader.statement() && reader.at == tokens.size();
  }

  private boolean statement() {
    if (word("COMMIT") || word("ROLLBACK")) {
      return true;
    }
    if (word("RESET")) {
      return name();
    }
    if (word("SET")) {
      return setting();
    }
    if (word("ALTER")) {
      return word("TABLE") && alterTable();
    }
    return false;
  }

  /** {@code SET [SESSION] name = value}, one literal or word value. */
  private boolean setting() {
    word("SESSION");
    if (!name()) {
      return false;
    }
    if (!symbol("=")) { // JSqlParser rejects some SET … TO
      return false;
    }
    return literal() || name();
  }

  private boolean alterTable() {
    if (!qualifiedName()) {
      return false;
    }
    if (word("DROP")) {
      if (!word("COLUMN")) {
        return false;
      }
      ifExists();
      return name();
    }
    if (word("RENAME")) {
      return word("COLUMN") && name() && word("TO") && name();
    }
    if (word("VALIDATE")) {
      return word("CONSTRAINT") && name();
    }
    if (word("ALTER")) {
      if (!word("COLUMN") || !name()) {
        return false;
      }
      if (word("SET") || word("DROP")) {
        return (word("NOT") && word("NULL")) || word("DEFAULT");
      }
    }
    return false;
  }

  private boolean ifExists() {
    if (at + 1 < tokens.size()
        && tokens.get(at).isWord("IF")
        && tokens.get(at + 1).isWord("EXISTS")) {
      at += 2;
      return true;
    }
    return false;
  }

  private boolean qualifiedName() {
    if (!name()) {
      return false;
    }
    if (at < tokens.size() && tokens.get(at).type() == SqlLexer.DOT) {
      at++;
      return name();
    }
    return true;
  }

  /** A plain name: a word JSqlParser reads as an identifier, never one of its keywords. */
  private boolean name() {
    if (at >= tokens.size()) {
      return false;
    }
    SqlToken token = tokens.get(at);
    if (token.type() != SqlLexer.WORD
        || token.text().indexOf('$') >= 0
        || KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
      return false;
    }
    at++;
    return true;
  }

  private boolean literal() {
    if (at >= tokens.size()) {
      return false;
    }
    SqlToken token = tokens.get(at);
    boolean plainString =
        token.type() == SqlLexer.STRING
            && token.text().startsWith("'")
            && token.text().length() > 1;
    boolean plainNumber =
        token.type() == SqlLexer.NUMBER && token.text().chars().allMatch(Character::isDigit);
    if (plainString || plainNumber) {
      at++;
      return true;
    }
    return false;
  }

  private boolean word(String keyword) {
    if (at < tokens.size() && tokens.get(at).isWord(keyword)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean symbol(String text) {
    if (at < tokens.size()
        && tokens.get(at).type() == SqlLexer.OTHER
        && tokens.get(at).text().equals(text)) {
      at++;
      return true;
    }
    return false;
  }

  /**
   * The words of JSqlParser's keyword tokens ({@code <K_SELECT>}, {@code <K_MATCH_ALL>}: each part
   * too, to be safe) and of its literal token images.
   */
  private static Set<String> keywords() {
    Set<String> keywords = new HashSet<>();
    for (String image : CCJSqlParserConstants.tokenImage) {
      String word = "";
      if (image.startsWith("<K_") && image.endsWith(">")) {
        word = image.substring(3, image.length() - 1);
      } else if (image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")) {
        word = image.substring(1, image.length() - 1);
      }
      if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
        keywords.add(word.toUpperCase(Locale.ROOT));
        for (String part : word.split("_")) {
          if (!part.isEmpty()) {
            keywords.add(part.toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return Set.copyOf(keywords);
  }
}
