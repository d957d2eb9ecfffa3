package dev.blastradius.pipeline;

import dev.blastradius.rules.Suppression;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds suppression comments in a file: {@code blastradius-ignore: id[, id] -- reason} in any
 * comment syntax we read ({@code --}, {@code //}, {@code #}, {@code /* … *}{@code /}, {@code <!-- …
 * -->}), on a line of its own, covering the first line below it that is neither blank nor a
 * comment; and {@code blastradius-ignore-file: id[, id] -- reason} anywhere in a comment line,
 * covering the whole file. Malformed directives (no rule id, an id that is not kebab-case) are
 * problems, not silently ignored.
 */
final class SuppressionScan {

  static final String LINE = "blastradius-ignore:";
  static final String FILE = "blastradius-ignore-file:";

  private static final List<String> LEADERS = List.of("--", "//", "#", "/*", "*", "<!--");

  private SuppressionScan() {}

  /** The suppressions and malformed directives of one file. */
  record Result(List<Suppression> suppressions, List<AnalysisProblem> errors) {}

  /** Scans a file; a file without the word {@code blastradius-ignore} costs one search. */
  static Result scan(SourceFile file) {
    SourceText text = SourceText.read(file);
    return scan(file.path(), text.text());
  }

  static Result scan(String path, String text) {
    List<Suppression> found = new ArrayList<>();
    List<AnalysisProblem> errors = new ArrayList<>();
    if (!text.contains("blastradius-ignore")) {
      return new Result(found, errors);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String comment = commentBody(lines[i]);
      if (comment == null) {
        continue;
      }
      boolean fileLevel = comment.startsWith(FILE);
      if (!fileLevel && !comment.startsWith(LINE)) {
        continue;
      }
      String body = comment.substring(fileLevel ? FILE.length() : LINE.length());
      String reason = "";
      int dashes = body.indexOf(" --");
      if (dashes >= 0) {
        reason = body.substring(dashes + 3).strip();
        body = body.substring(0, dashes);
      }
      List<String> ids = new ArrayList<>();
      boolean valid = true;
      for (String id : body.split(",")) {
        String trimmed = id.strip();
        if (!trimmed.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
          valid = false;
          break;
        }
        ids.add(trimmed);
      }
      int line = i + 1;
      int column = lines[i].indexOf("blastradius-ignore") + 1;
      if (!valid || ids.isEmpty()) {
        errors.add(
            new AnalysisProblem(
                path,
                "check",
                "malformed suppression; write '"
                    + (fileLevel ? FILE : LINE)
                    + " rule-id[, rule-id] -- reason'",
                line));
        continue;
      }
      Location where = new Location(path, line, column, line, lines[i].length() + 1);
      if (fileLevel) {
        found.add(new Suppression(ids, reason, where, 0, Suppression.Scope.FILE, null));
        continue;
      }
      int target = i + 1;
      while (target < lines.length
          && (lines[target].isBlank() || commentBody(lines[target]) != null)) {
        target++;
      }
      if (target >= lines.length) {
        errors.add(
            new AnalysisProblem(path, "check", "suppression with nothing below it to cover", line));
        continue;
      }
      found.add(new Suppression(ids, reason, where, target + 1, Suppression.Scope.LINE, null));
    }
    return new Result(found, errors);
  }

  /**
   * The text of a comment-only line after its leader (and without a closing {@code -->} or {@code
   * *}{@code /}), lower-cased directive word included as written; null for other lines.
   */
  private static String commentBody(String line) {
    String trimmed = line.strip();
    for (String leader : LEADERS) {
      if (trimmed.startsWith(leader)) {
        String body = trimmed.substring(leader.length());
        if (body.endsWith("-->")) {
          body = body.substring(0, body.length() - 3);
        } else if (body.endsWith("*/")) {
          body = body.substring(0, body.length() - 2);
        }
        body = body.strip();
        // Accept "# blastradius-ignore:" and "--blastradius-ignore:" alike, any case for the
        // keyword.
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith(FILE) || lower.startsWith(LINE)) {
          int colon = body.indexOf(':');
          return lower.substring(0, colon + 1) + body.substring(colon + 1);
        }
        return body;
      }
    }
    return null;
  }
}
