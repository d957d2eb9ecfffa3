package dev.blastradius.lang.sql;

import java.io.IOException;
import net.sf.jsqlparser.parser.Provider;

/**
 * The text of one statement as JSqlParser's character source. JSqlParser's own string source
 * answers the end of the text with -1, on which its character stream creates a fresh {@link
 * IOException}, stack trace and all, deep inside the parser's recursion; its lexer reaches the end
 * two or three times per statement. This source reports the end with one shared exception without a
 * stack trace, which the stream handles the same way.
 */
final class StatementInput implements Provider {

  /** The end of the text; shared, so it carries no stack trace and no per-statement state. */
  private static final IOException END =
      new IOException("end of statement", null) {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable fillInStackTrace() {
          return this;
        }
      };

  private final String text;
  private int position;

  StatementInput(String text) {
    this.text = text;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int left = text.length() - position;
    if (left == 0) {
      throw END;
    }
    int count = Math.min(Math.min(length, buffer.length - offset), left);
    text.getChars(position, position + count, buffer, offset);
    position += count;
    return count;
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
