package dev.blastradius.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file, applied to paths relative to its directory. Follows
 * gitignore(5): blank lines and {@code #} comments are skipped, {@code !} negates, a trailing
 * {@code /} matches directories only, a {@code /} at the start or in the middle anchors the pattern
 * to this directory, {@code *} and {@code ?} stop at {@code /}, {@code **} crosses directories.
 */
public final class IgnoreRules {

  private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {}

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = rules;
  }

  /** Parses the text of a {@code .gitignore} file. */
  public static IgnoreRules parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = stripTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      if (negated || line.startsWith("\\!") || line.startsWith("\\#")) {
        line = line.substring(1);
      }
      boolean directoryOnly = line.endsWith("/");
      if (directoryOnly) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      boolean anchored = line.startsWith("/") || line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String regex = (anchored ? "" : "(?:.*/)?") + translate(line) + "(?:/.*)?";
      rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly));
    }
    return new IgnoreRules(rules);
  }

  /**
   * Whether {@code relativePath} is ignored: {@code TRUE}/{@code FALSE} when some pattern decides,
   * null when none mentions it (a parent directory's rules then decide).
   */
  public Boolean decide(String relativePath, boolean isDirectory) {
    Boolean decision = null;
    for (Rule rule : rules) {
      if (rule.directoryOnly && !isDirectory && !matchesParent(rule, relativePath)) {
        continue;
      }
      if (rule.pattern.matcher(relativePath).matches()) {
        decision = !rule.negated;
      }
    }
    return decision;
  }

  private static boolean matchesParent(Rule rule, String path) {
    int slash = path.lastIndexOf('/');
    return slash > 0 && rule.pattern.matcher(path.substring(0, slash)).matches();
  }

  private static String translate(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        regex.append(slashAfter ? "(?:.*/)?" : ".*");
        i += slashAfter ? 2 : 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 1);
        if (close < 0) {
          regex.append("\\[");
        } else {
          String set = glob.substring(i + 1, close);
          regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
          i = close;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
      end--;
    }
    return line.substring(0, end);
  }
}
