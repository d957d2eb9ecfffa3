package dev.blastradius.lang.sql;

import java.util.Locale;

/**
 * A significant token of a statement (no whitespace or comments), as the splitter saw it.
 *
 * @param type the {@link SqlLexer} token type
 * @param line 1-based line within the split text
 * @param column 1-based column within that line
 * @param offset the character offset within its statement's text (-1 for synthetic tokens)
 */
record SqlToken(int type, String text, int line, int column, int offset) {

  /** A token made up by a reader, not taken from the input. */
  SqlToken(int type, String text, int line, int column) {
    this(type, text, line, column, -1);
  }

  /** True for a bare word equal (case-insensitively) to {@code keyword}. */
  boolean isWord(String keyword) {
    return type == SqlLexer.WORD && text.equalsIgnoreCase(keyword);
  }

  /** The upper-cased text of a word, or the text itself for other tokens. */
  String upper() {
    return type == SqlLexer.WORD ? text.toUpperCase(Locale.ROOT) : text;
  }
}
