package dev.blastradius.lang.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL at a Liquibase {@code endDelimiter} ({@code /}, {@code GO}, {@code $$}, …) where it
 * ends a line, as those delimiters are written. Each piece keeps its place in the text: everything
 * before it is blanked (line breaks kept), so lines still match the file.
 */
final class EndDelimiter {

  private EndDelimiter() {}

  /** The non-blank pieces of {@code text} between delimiters, each laid out at its own lines. */
  static List<String> pieces(String text, String delimiter) {
    String wanted = delimiter.toLowerCase(Locale.ROOT);
    List<String> pieces = new ArrayList<>();
    int pieceStart = 0;
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      int end = lineEnd;
      while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int cut = end - wanted.length();
      if (cut >= lineStart
          && text.substring(cut, end).toLowerCase(Locale.ROOT).equals(wanted)
          && cut >= pieceStart) {
        add(pieces, text, pieceStart, cut);
        pieceStart = end;
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    add(pieces, text, pieceStart, text.length());
    return pieces;
  }

  private static void add(List<String> pieces, String text, int start, int end) {
    String piece = text.substring(start, end);
    if (piece.isBlank()) {
      return;
    }
    StringBuilder laidOut = new StringBuilder(end);
    for (int i = 0; i < start; i++) {
      laidOut.append(text.charAt(i) == '\n' ? '\n' : ' ');
    }
    pieces.add(laidOut.append(piece).toString());
  }
}
