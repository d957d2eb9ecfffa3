package dev.blastradius.lang.ts;

import dev.blastradius.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Valid TypeScript that the bundled tree-sitter grammar (tree-sitter-typescript 0.23) cannot parse
 * but that holds no code, so reading around it loses nothing:
 *
 * <ul>
 *   <li>{@code export type * from './x'} and {@code export type * as ns from './x'} (TypeScript
 *       5.0): the grammar leaves {@code type} as an error inside an otherwise whole re-export, and
 *       a type-only re-export has no run-time effect;
 *   <li>a bare {@code &} in JSX text ({@code <h3>Terms & Conditions</h3>}), which JSX keeps as
 *       text: the grammar only knows character references ({@code &amp;}), and leaves the {@code &}
 *       and the words after it as an error holding nothing but those words.
 * </ul>
 *
 * A file whose every syntax error is one of these is noted, not reported as a problem. Anything
 * else in an error (a call, an expression, a missing token) keeps the problem: the shapes are
 * matched exactly.
 */
final class GrammarGaps {

  private GrammarGaps() {}

  /**
   * What each error is, when every one of {@code errors} (the tree's error and missing-token
   * locations) is a known gap; empty when at least one is not.
   */
  static Optional<List<String>> explain(TsSource source, List<Location> errors) {
    Map<String, String> gaps = new HashMap<>();
    Deque<TsNode> work = new ArrayDeque<>();
    work.push(source.root());
    while (!work.isEmpty()) {
      TsNode node = work.pop();
      if (node.getType().equals("ERROR")) {
        String gap = gap(source, node);
        if (gap != null) {
          Location at = source.location(node);
          gaps.put(at.startLine() + ":" + at.startColumn(), gap);
        }
        continue;
      }
      node.children().forEach(work::push);
    }
    List<String> explained = new ArrayList<>();
    for (Location error : errors) {
      String gap = gaps.get(error.startLine() + ":" + error.startColumn());
      if (gap == null) {
        return Optional.empty();
      }
      explained.add(gap + " at " + error.startLine() + ":" + error.startColumn());
    }
    return Optional.of(explained);
  }

  /** The gap an error node is, or null when it is anything else. */
  private static String gap(TsSource source, TsNode error) {
    TsNode parent = error.getParent();
    if (parent == null) {
      return null;
    }
    if (parent.getType().equals("export_statement")
        && error.getNamedChildCount() == 0
        && source.text(error).equals("type")
        && TsSource.present(TsSource.field(parent, "source"))
        && reExportsAll(parent, error)) {
      return "`export type *`";
    }
    if ((parent.getType().equals("jsx_element") || parent.getType().equals("jsx_fragment"))
        && source.text(error).startsWith("&")
        && onlyWords(error)) {
      return "a bare `&` in JSX text";
    }
    return null;
  }

  /** Whether the export's next token after {@code type} is {@code *} or {@code * as name}. */
  private static boolean reExportsAll(TsNode export, TsNode error) {
    List<TsNode> children = export.children();
    int at = children.indexOf(error);
    if (at < 0 || at + 1 >= children.size()) {
      return false;
    }
    String next = children.get(at + 1).getType();
    return next.equals("*") || next.equals("namespace_export");
  }

  /**
   * Whether the error holds nothing but identifiers (the words of the text after the {@code &}).
   */
  private static boolean onlyWords(TsNode error) {
    for (TsNode child : error.children()) {
      if (child.isNamed() && !child.getType().equals("identifier")) {
        return false;
      }
      if (child.getChildCount() > 0) {
        return false;
      }
    }
    return true;
  }
}
