package dev.blastradius.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The decoded text of a source file. Invalid UTF-8 is decoded with replacement characters so that
 * the rest of the file is still analysed, and the damage is reported as a problem.
 *
 * @param text the decoded text, never null
 * @param problem why the text may be incomplete, if it is
 */
public record SourceText(String text, Optional<AnalysisProblem> problem) {

  /** Reads and decodes a file; an unreadable file yields empty text and a problem. */
  public static SourceText read(SourceFile file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.absolutePath());
    } catch (IOException | OutOfMemoryError e) {
      return new SourceText(
          "",
          Optional.of(new AnalysisProblem(file.path(), "extract", "cannot read file: " + e, 0)));
    }
    return decode(file.path(), bytes);
  }

  /** Decodes bytes as UTF-8, reporting the first malformed sequence with its line. */
  public static SourceText decode(String path, byte[] bytes) {
    // Most files decode without error: the JDK's own decoder is several times faster than a
    // CharsetDecoder, and it replaces every malformed sequence with U+FFFD, so a result without one
    // is the strict decoding too. Only a text with U+FFFD (malformed, or written literally) is
    // decoded again strictly to tell the two apart.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return new SourceText(stripBom(fast), Optional.empty());
    }
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes));
      return new SourceText(stripBom(chars.toString()), Optional.empty());
    } catch (CharacterCodingException e) {
      String lossy = stripBom(new String(bytes, StandardCharsets.UTF_8));
      int badLine = lineOfFirstReplacement(lossy);
      return new SourceText(
          lossy,
          Optional.of(
              new AnalysisProblem(
                  path,
                  "extract",
                  "invalid UTF-8; analysed with replacement characters, results may be incomplete",
                  badLine)));
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int lineOfFirstReplacement(String text) {
    int index = text.indexOf('\uFFFD');
    if (index < 0) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
