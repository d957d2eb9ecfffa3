package dev.blastradius.lang.ts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The code units of one file as byte spans: the module, every function, and bindings whose value
 * wraps functions ({@code export const GET = withAuth(async () => …)}). A node belongs to the
 * innermost unit whose span holds its start.
 */
final class UnitSpans {

  /** One unit. {@code local} is its binding name, or null when it is anonymous. */
  static final class Span {
    final String id;
    final String local;
    final int start;
    final int end;
    final TsNode node;
    final TsNode nameNode;
    Span parent;

    /** An entry-point handler: its parent only registers it, it does not run it. */
    boolean handler;

    Span(String id, String local, int start, int end, TsNode node, TsNode nameNode) {
      this.id = id;
      this.local = local;
      this.start = start;
      this.end = end;
      this.node = node;
      this.nameNode = nameNode;
    }

    boolean contains(int offset) {
      return offset >= start && offset < end;
    }
  }

  private final List<Span> spans = new ArrayList<>();
  private final Map<Integer, Span> byStart = new HashMap<>();
  private Span module;

  void module(Span span) {
    module = span;
    spans.add(span);
  }

  void add(Span span) {
    spans.add(span);
  }

  /** Sorts the spans and links each to its innermost enclosing span. */
  void link() {
    spans.sort(
        Comparator.comparingInt((Span s) -> s.start)
            .thenComparing(Comparator.comparingInt((Span s) -> s.end).reversed())
            .thenComparing(s -> s == module ? 0 : 1));
    List<Span> stack = new ArrayList<>();
    for (Span span : spans) {
      while (!stack.isEmpty() && !containsSpan(stack.get(stack.size() - 1), span)) {
        stack.remove(stack.size() - 1);
      }
      if (span != module) {
        span.parent = stack.isEmpty() ? module : stack.get(stack.size() - 1);
        byStart.putIfAbsent(span.start, span);
      }
      stack.add(span);
    }
  }

  private static boolean containsSpan(Span outer, Span inner) {
    return inner.start >= outer.start && inner.end <= outer.end && outer != inner;
  }

  List<Span> all() {
    return spans;
  }

  Span module() {
    return module;
  }

  /** The innermost unit holding byte {@code offset}. */
  Span at(int offset) {
    Span best = module;
    for (Span span : spans) {
      if (span.start > offset) {
        break;
      }
      if (span.contains(offset) && span != module && (best == module || span.start >= best.start)) {
        best = span;
      }
    }
    return best;
  }

  /** The unit of a function (or binding) node that starts at {@code node}'s first byte. */
  Span startingAt(TsNode node) {
    return byStart.get(node.getStartByte());
  }
}
