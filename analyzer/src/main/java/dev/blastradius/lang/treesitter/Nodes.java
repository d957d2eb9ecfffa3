package dev.blastradius.lang.treesitter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.treesitter.TSNode;

/**
 * Small, allocation-light walks over tree-sitter nodes; iterative, so deep trees cannot overflow.
 */
public final class Nodes {

  private Nodes() {}

  /**
   * Visits {@code root} and its descendants in source order; {@code visitor} returns whether to
   * descend into the node it was given.
   */
  public static void walk(TSNode root, Predicate<TSNode> visitor) {
    Deque<TSNode> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      TSNode node = stack.pop();
      if (!visitor.test(node)) {
        continue;
      }
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        stack.push(node.getChild(i));
      }
    }
  }

  /** Every named descendant of {@code root} (itself included) whose type is {@code type}. */
  public static List<TSNode> descendants(TSNode root, String type) {
    List<TSNode> found = new ArrayList<>();
    walk(
        root,
        node -> {
          if (node.getType().equals(type)) {
            found.add(node);
          }
          return true;
        });
    return found;
  }

  /** The named children of a node, in order. */
  public static List<TSNode> namedChildren(TSNode node) {
    int count = node.getNamedChildCount();
    List<TSNode> children = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      children.add(node.getNamedChild(i));
    }
    return children;
  }

  /** The child in field {@code name}, if present. */
  public static Optional<TSNode> field(TSNode node, String name) {
    TSNode child = node.getChildByFieldName(name);
    return child == null || child.isNull() ? Optional.empty() : Optional.of(child);
  }

  /** The nearest ancestor (not the node itself) whose type is one of {@code types}. */
  public static Optional<TSNode> ancestor(TSNode node, java.util.Set<String> types) {
    TSNode current = node.getParent();
    while (current != null && !current.isNull()) {
      if (types.contains(current.getType())) {
        return Optional.of(current);
      }
      current = current.getParent();
    }
    return Optional.empty();
  }
}
