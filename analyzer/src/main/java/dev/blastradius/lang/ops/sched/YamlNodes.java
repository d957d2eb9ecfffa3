package dev.blastradius.lang.ops.sched;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML (and JSON, which SnakeYAML reads as YAML) as SnakeYAML's node tree, which keeps the line of
 * every value for markers and locations. Helm's Go-template actions ({@code {{ … }}}) are blanked
 * out first, keeping every line where it was.
 */
final class YamlNodes {

  private YamlNodes() {}

  /** Every document of {@code text}; throws SnakeYAML's exception for malformed YAML. */
  static List<Node> documents(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    List<Node> documents = new ArrayList<>();
    for (Node node : new Yaml(options).composeAll(new StringReader(withoutTemplates(text)))) {
      if (node != null) {
        documents.add(node);
      }
    }
    return documents;
  }

  /**
   * Blanks Go-template actions: a line that is only an action ({@code {{- if … }}}, {@code {{ end
   * }}}) becomes empty, an action inside a value becomes spaces.
   */
  static String withoutTemplates(String text) {
    if (!text.contains("{{")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      String stripped = line.strip();
      if (stripped.startsWith("{{") && stripped.endsWith("}}")) {
        continue;
      }
      StringBuilder kept = new StringBuilder(line);
      int open = kept.indexOf("{{");
      while (open >= 0) {
        int close = kept.indexOf("}}", open);
        int end = close < 0 ? kept.length() : close + 2;
        for (int i = open; i < end; i++) {
          kept.setCharAt(i, ' ');
        }
        open = kept.indexOf("{{", end);
      }
      out.append(kept);
    }
    return out.toString();
  }

  /** The value of {@code key} in a mapping node; empty for anything else. */
  static Optional<Node> get(Node node, String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(tuple.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  /** The value at a path of keys. */
  static Optional<Node> at(Node node, String... keys) {
    Optional<Node> current = Optional.of(node);
    for (String key : keys) {
      current = current.flatMap(n -> get(n, key));
    }
    return current;
  }

  /** A scalar's text; empty for anything else. */
  static Optional<String> text(Node node) {
    return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  /** The scalar at a path of keys, or "". */
  static String string(Node node, String... keys) {
    return at(node, keys).flatMap(YamlNodes::text).orElse("");
  }

  /** The items of a sequence; a single value is a list of one; anything else is empty. */
  static List<Node> items(Node node) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    return node == null ? List.of() : List.of(node);
  }

  /** The entries of a mapping, in order. */
  static List<NodeTuple> entries(Node node) {
    return node instanceof MappingNode mapping ? mapping.getValue() : List.of();
  }

  /** The 1-based line a node starts on. */
  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /**
   * A command given as a list ({@code ["sh", "-c", "psql …"]}) or a string, as one shell line:
   * words that need it are single-quoted.
   */
  static String shellLine(List<Node> words) {
    List<String> parts = new ArrayList<>();
    for (Node word : words) {
      String value = text(word).orElse("");
      boolean plain = !value.isEmpty() && value.chars().allMatch(YamlNodes::plainChar);
      if (plain) {
        parts.add(value);
      } else if (value.contains("'") && value.chars().noneMatch(c -> "\"$`\\".indexOf(c) >= 0)) {
        parts.add('"' + value + '"');
      } else {
        parts.add("'" + value.replace("'", "'\\''") + "'");
      }
    }
    return String.join(" ", parts);
  }

  private static boolean plainChar(int c) {
    return Character.isLetterOrDigit(c) || "-_./=:,@%+".indexOf(c) >= 0;
  }
}
