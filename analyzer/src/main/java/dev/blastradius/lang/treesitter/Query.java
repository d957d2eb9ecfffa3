package dev.blastradius.lang.treesitter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * A compiled tree-sitter query. The compiled query is immutable and shared across threads; each run
 * uses a fresh cursor. Build queries once, in static fields: a query that does not compile is a bug
 * of ours and fails at class load, in the tests.
 */
public final class Query {

  private final Grammar grammar;
  private final TSQuery query;

  private Query(Grammar grammar, TSQuery query) {
    this.grammar = grammar;
    this.query = query;
  }

  /** Compiles {@code source} (tree-sitter query syntax) for {@code grammar}. */
  public static Query compile(Grammar grammar, String source) {
    return new Query(grammar, new TSQuery(grammar.language(), source));
  }

  /** One match: capture name → node (the first node when a capture is quantified). */
  public record Match(int pattern, Map<String, TSNode> captures) {
    public TSNode get(String capture) {
      return captures.get(capture);
    }
  }

  /**
   * Every match under {@code node}, in source order. Text predicates ({@code #eq?}, {@code
   * #match?}) are not applied by tree-sitter's C library; filter on the captured text instead.
   */
  public List<Match> matches(SyntaxTree tree, TSNode node) {
    if (tree.grammar() != grammar) {
      throw new IllegalArgumentException(
          "query for " + grammar + " run on a " + tree.grammar() + " tree");
    }
    TSQueryCursor cursor = new TSQueryCursor();
    cursor.exec(query, node);
    List<Match> result = new ArrayList<>();
    TSQueryMatch match = new TSQueryMatch();
    while (cursor.nextMatch(match)) {
      Map<String, TSNode> captures = new HashMap<>();
      for (TSQueryCapture capture : match.getCaptures()) {
        captures.putIfAbsent(query.getCaptureNameForId(capture.getIndex()), capture.getNode());
      }
      result.add(new Match(match.getPatternIndex(), Map.copyOf(captures)));
    }
    return result;
  }
}
