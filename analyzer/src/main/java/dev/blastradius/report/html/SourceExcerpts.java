package dev.blastradius.report.html;

import dev.blastradius.pipeline.BaseSources;
import dev.blastradius.source.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A few source lines around each site a report points at, read at render time from the report root
 * (report paths are relative to it). Only files inside the root are read; a file that is missing,
 * too large or unreadable simply has no excerpt. Lines are cut at {@link #MAX_LINE} characters and
 * invalid UTF-8 is replaced, so any file yields printable text.
 */
final class SourceExcerpts {

  /** Lines shown before and after a site. */
  static final int CONTEXT = 2;

  /** At most this many lines of a multi-line statement are shown after its first line. */
  static final int MAX_SPAN = 8;

  /** Longer lines are cut. */
  static final int MAX_LINE = 400;

  /** Larger files are not quoted. */
  static final long MAX_FILE_BYTES = 4L << 20;

  private final Optional<Path> root;
  private final Map<String, Optional<String[]>> files = new HashMap<>();
  private final SortedMap<String, SortedMap<Integer, String>> lines = new TreeMap<>();

  SourceExcerpts(Optional<Path> root) {
    this.root = root.map(r -> r.toAbsolutePath().normalize());
  }

  /** Adds the lines around {@code location}; does nothing when the file cannot be read. */
  void add(Location location) {
    quote(location.path(), location, files.computeIfAbsent(location.path(), this::read));
  }

  /**
   * Adds the lines around a site in the code at git revision {@code revision} ({@code check
   * --base}), keyed {@code revision:path}; does nothing when git cannot show the file.
   */
  void addAtRevision(Location location, String revision) {
    String key = revision + ":" + location.path();
    Optional<String[]> text =
        files.computeIfAbsent(
            key,
            k ->
                root.flatMap(r -> BaseSources.read(r, revision, location.path()))
                    .filter(bytes -> bytes.length <= MAX_FILE_BYTES)
                    .map(bytes -> decode(bytes).split("\r?\n", -1)));
    quote(key, location, text);
  }

  private void quote(String key, Location location, Optional<String[]> text) {
    if (text.isEmpty()) {
      return;
    }
    String[] all = text.get();
    int first = Math.max(1, location.startLine() - CONTEXT);
    int spanEnd = Math.min(location.endLine(), location.startLine() + MAX_SPAN);
    int last = Math.min(all.length, spanEnd + CONTEXT);
    SortedMap<Integer, String> quoted = lines.computeIfAbsent(key, p -> new TreeMap<>());
    for (int line = first; line <= last; line++) {
      String content = all[line - 1];
      quoted.put(line, cut(content));
    }
  }

  /** The line, cut at {@link #MAX_LINE} characters without splitting a surrogate pair. */
  private static String cut(String line) {
    if (line.length() <= MAX_LINE) {
      return line;
    }
    int keep = Character.isHighSurrogate(line.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE;
    return line.substring(0, keep) + "…";
  }

  /** Path (or {@code revision:path}) → line number → text, sorted. */
  SortedMap<String, SortedMap<Integer, String>> lines() {
    return lines;
  }

  private Optional<String[]> read(String relative) {
    if (root.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path file = root.get().resolve(relative).normalize();
      if (!file.startsWith(root.get())
          || !Files.isRegularFile(file)
          || Files.size(file) > MAX_FILE_BYTES) {
        return Optional.empty();
      }
      String text = decode(Files.readAllBytes(file));
      return Optional.of(text.split("\r?\n", -1));
    } catch (IOException | InvalidPathException | SecurityException e) {
      // No excerpt is shown for this file; the site itself is still listed with path and line.
      return Optional.empty();
    }
  }

  /** UTF-8 with invalid bytes replaced by U+FFFD. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a REPLACE decoder cannot fail", e);
    }
  }
}
