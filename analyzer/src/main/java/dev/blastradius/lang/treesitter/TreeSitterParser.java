package dev.blastradius.lang.treesitter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * Parses files with tree-sitter: one native parser per grammar per thread, each parse under a time
 * limit. The text is handed over as real UTF-8 (not the JVM's modified UTF-8 that {@code
 * parseString} would use), so byte offsets agree with {@link SyntaxTree}'s conversions.
 */
public final class TreeSitterParser {

  /** Bytes handed to tree-sitter per read callback. */
  private static final int CHUNK = 64 * 1024;

  private static final ThreadLocal<Map<Grammar, TSParser>> PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(Grammar.class));

  private TreeSitterParser() {}

  /** The outcome of a parse: a tree, or the reason there is none. */
  public sealed interface Result {
    /** A tree, possibly with recovered errors ({@link SyntaxTree#hasErrors()}). */
    record Parsed(SyntaxTree tree) implements Result {}

    /** The parse did not finish within the limit. */
    record TimedOut(Duration limit) implements Result {}

    /** The grammar's native library could not be loaded on this platform. */
    record Unavailable(String reason) implements Result {}
  }

  /**
   * Parses {@code text} with {@code grammar} within {@code limit}.
   *
   * @param path the report-relative path, for locations
   */
  public static Result parse(Grammar grammar, String path, String text, Duration limit) {
    TSParser parser;
    try {
      parser = PARSERS.get().computeIfAbsent(grammar, TreeSitterParser::newParser);
    } catch (LinkageError | RuntimeException e) {
      return new Result.Unavailable(
          "cannot load the tree-sitter "
              + grammar.name().toLowerCase(java.util.Locale.ROOT)
              + " grammar on this platform: "
              + e);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    parser.setTimeoutMicros(Math.max(1, limit.toNanos() / 1000));
    TSTree tree =
        parser.parse(
            new byte[Math.max(1, Math.min(CHUNK, bytes.length))],
            null,
            (buffer, offset, point) -> {
              if (offset >= bytes.length) {
                return 0;
              }
              int length = Math.min(buffer.length, bytes.length - offset);
              System.arraycopy(bytes, offset, buffer, 0, length);
              return length;
            },
            TSInputEncoding.TSInputEncodingUTF8);
    if (tree == null) {
      // A parse that stopped on the time limit leaves state behind that the next parse would
      // resume.
      parser.reset();
      return new Result.TimedOut(limit);
    }
    return new Result.Parsed(
        new SyntaxTree(grammar, path, bytes, bytes.length == text.length(), tree));
  }

  private static TSParser newParser(Grammar grammar) {
    TSParser parser = new TSParser();
    if (!parser.setLanguage(grammar.language())) {
      throw new IllegalStateException("tree-sitter rejected the grammar's ABI version");
    }
    return parser;
  }
}
