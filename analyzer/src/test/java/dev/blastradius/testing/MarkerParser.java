package dev.blastradius.testing;

import dev.blastradius.graph.EntryPointKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the marker comments of DESIGN §8, one grammar for every language:
 *
 * <pre>
 * LEADER expect: read users.email, write users.name @cron @worker, ddl users.name,
 *                finding drop-column-still-read ~ "users.email", related drop-column-still-read, none
 * LEADER todo-expect: read orders.total
 * </pre>
 *
 * The leader is the file's line comment ({@code //}, {@code #}, {@code --}) or {@code <!--}. A
 * marker applies to the next line that is neither blank nor another marker. Malformed markers throw
 * {@link IllegalArgumentException} with the line.
 */
public final class MarkerParser {

  private static final Set<String> ACCESS_KINDS = Set.of("read", "write", "ddl");

  private MarkerParser() {}

  /** The markers of {@code text}, whose line comment starts with {@code leader}. */
  public static List<Marker> parse(String text, String leader) {
    String[] lines = text.split("\\R", -1);
    List<Marker> markers = new ArrayList<>();
    List<int[]> pending = new ArrayList<>();
    List<List<Marker.Fact>> pendingFacts = new ArrayList<>();
    List<Boolean> pendingTodo = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String body = markerBody(lines[i].strip(), leader);
      if (body != null) {
        boolean todo = body.startsWith("todo-expect:");
        String facts = body.substring(todo ? "todo-expect:".length() : "expect:".length());
        pending.add(new int[] {lineNumber});
        pendingFacts.add(facts(facts, lineNumber));
        pendingTodo.add(todo);
        continue;
      }
      if (lines[i].isBlank() || pending.isEmpty()) {
        continue;
      }
      for (int p = 0; p < pending.size(); p++) {
        markers.add(
            new Marker(pending.get(p)[0], lineNumber, pendingTodo.get(p), pendingFacts.get(p)));
      }
      pending.clear();
      pendingFacts.clear();
      pendingTodo.clear();
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException(
          "line " + pending.get(0)[0] + ": marker is not followed by a line it could apply to");
    }
    return markers;
  }

  /**
   * The suffix of a sidecar marker file: {@code changelog.json.expect} marks {@code
   * changelog.json}.
   */
  public static final String SIDECAR_SUFFIX = ".expect";

  /**
   * The markers of a sidecar file, for files that cannot hold comments (JSON). Each line reads
   * {@code <line>: <facts>} (or {@code <line>: todo-expect: <facts>}) about that line of the marked
   * file; blank lines and lines starting with {@code #} are ignored.
   */
  public static List<Marker> parseSidecar(String text) {
    String[] lines = text.split("\\R", -1);
    List<Marker> markers = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      int target;
      try {
        target = colon < 0 ? -1 : Integer.parseInt(line.substring(0, colon).strip());
      } catch (NumberFormatException e) {
        target = -1;
      }
      if (target < 1) {
        throw new IllegalArgumentException(
            "line " + lineNumber + ": a sidecar line reads '<line>: <facts>', got: " + line);
      }
      String body = line.substring(colon + 1).strip();
      boolean todo = body.startsWith("todo-expect:");
      if (todo) {
        body = body.substring("todo-expect:".length());
      } else if (body.startsWith("expect:")) {
        body = body.substring("expect:".length());
      }
      markers.add(new Marker(lineNumber, target, todo, facts(body, lineNumber)));
    }
    return markers;
  }

  /** The text after the leader when the line is a marker, else null. */
  private static String markerBody(String line, String leader) {
    String rest;
    if (line.startsWith("<!--")) {
      // Checked first: it is also the leader of XML files, and its closing --> is not a fact.
      rest = line.substring(4).strip();
      rest = rest.endsWith("-->") ? rest.substring(0, rest.length() - 3).strip() : rest;
    } else if (line.startsWith(leader)) {
      rest = line.substring(leader.length()).strip();
    } else {
      return null;
    }
    return rest.startsWith("expect:") || rest.startsWith("todo-expect:") ? rest : null;
  }

  private static List<Marker.Fact> facts(String text, int line) {
    List<Marker.Fact> facts = new ArrayList<>();
    for (String part : splitOutsideQuotes(text, line)) {
      facts.add(fact(part.strip(), line));
    }
    if (facts.isEmpty()) {
      throw new IllegalArgumentException("line " + line + ": empty marker");
    }
    return facts;
  }

  private static Marker.Fact fact(String text, int line) {
    if (text.equals("none")) {
      return new Marker.Fact("none", "", null, null);
    }
    String message = null;
    int tilde = text.indexOf('~');
    if (tilde >= 0) {
      String quoted = text.substring(tilde + 1).strip();
      if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
        throw new IllegalArgumentException(
            "line " + line + ": '~' must be followed by \"text\" in: " + text);
      }
      message = quoted.substring(1, quoted.length() - 1);
      text = text.substring(0, tilde).strip();
    }
    String[] words = text.split("\\s+");
    if (words.length < 2) {
      throw new IllegalArgumentException("line " + line + ": expected 'KIND SUBJECT' in: " + text);
    }
    String kind = words[0];
    String subject = words[1];
    if (ACCESS_KINDS.contains(kind)) {
      if (message != null) {
        throw new IllegalArgumentException(
            "line " + line + ": '~' only applies to findings: " + text);
      }
      if (subject.split("\\.").length < 2) {
        throw new IllegalArgumentException(
            "line " + line + ": '" + subject + "' is not TABLE.COLUMN");
      }
      return new Marker.Fact(kind, subject, entryKinds(words, line), null);
    }
    if (kind.equals("finding") || kind.equals("related")) {
      if (words.length > 2) {
        throw new IllegalArgumentException(
            "line " + line + ": unexpected words after the rule id: " + text);
      }
      if (kind.equals("related") && message != null) {
        throw new IllegalArgumentException(
            "line " + line + ": '~' only applies to findings: " + text);
      }
      return new Marker.Fact(kind, subject, null, message);
    }
    throw new IllegalArgumentException(
        "line "
            + line
            + ": unknown fact '"
            + kind
            + "' (read, write, ddl, finding, related, none)");
  }

  private static Set<String> entryKinds(String[] words, int line) {
    if (words.length == 2) {
      return null;
    }
    Set<String> kinds = new TreeSet<>();
    for (int i = 2; i < words.length; i++) {
      String word = words[i];
      if (!word.startsWith("@")) {
        throw new IllegalArgumentException("line " + line + ": expected @kind, got '" + word + "'");
      }
      String kind = word.substring(1);
      if (kind.equals("none")) {
        continue;
      }
      if (EntryPointKind.fromJsonName(kind).isEmpty()) {
        throw new IllegalArgumentException(
            "line " + line + ": unknown entry-point kind '@" + kind + "'");
      }
      kinds.add(kind);
    }
    return kinds;
  }

  private static List<String> splitOutsideQuotes(String text, int line) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + line + ": unterminated quote in marker");
    }
    parts.add(current.toString());
    if (parts.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("line " + line + ": empty fact between commas in marker");
    }
    return parts;
  }
}
