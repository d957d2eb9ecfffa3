package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.util.List;

/**
 * What the strict readers of plain statements ({@link PlainStatements}, {@link
 * PlainDataStatements}) share: our tokens of one statement, a position in them, and the small steps
 * they are read with. Each step either consumes what it expects and says true, or consumes nothing.
 */
abstract class PlainReader {

  /** Longer statements are left to JSqlParser: no statement of the plain shapes is. */
  static final int MAX_TOKENS = 2_000;

  final List<SqlToken> tokens;
  final boolean postgres;
  int at;

  PlainReader(List<SqlToken> tokens, SqlDialect dialect) {
    this.tokens = tokens;
    this.postgres = dialect == SqlDialect.POSTGRES;
  }

  final boolean type(int tokenType) {
    if (peekType(tokenType)) {
      at++;
      return true;
    }
    return false;
  }

  final boolean peekType(int tokenType) {
    return at < tokens.size() && tokens.get(at).type() == tokenType;
  }

  final boolean word(String keyword) {
    if (peekWord(0, keyword)) {
      at++;
      return true;
    }
    return false;
  }

  final boolean peekWord(int ahead, String keyword) {
    return at + ahead < tokens.size() && tokens.get(at + ahead).isWord(keyword);
  }

  final boolean symbol(String text) {
    if (peekSymbol(text)) {
      at++;
      return true;
    }
    return false;
  }

  final boolean peekSymbol(String text) {
    return at < tokens.size()
        && tokens.get(at).type() == SqlLexer.OTHER
        && tokens.get(at).text().equals(text);
  }

  /** The symbol comes next and touches the token before it ({@code >=}, not {@code > =}). */
  final boolean adjacentSymbol(String text) {
    if (!peekSymbol(text)) {
      return false;
    }
    SqlToken previous = tokens.get(at - 1);
    return tokens.get(at).offset() == previous.offset() + previous.text().length();
  }
}
