package dev.blastradius.lang.python;

import dev.blastradius.lang.treesitter.SyntaxTree;
import java.util.ArrayDeque;
import java.util.Deque;
import org.treesitter.TSNode;
import org.treesitter.TSPoint;
import org.treesitter.TSTreeCursor;

/** Copies a tree-sitter tree into {@link PyNode}s with one cursor walk. */
final class PyTreeCopy {

  private PyTreeCopy() {}

  /** The copy of {@code tree}, whose text is in {@code source}. */
  static PyNode copy(SyntaxTree tree, PySource source) {
    TSNode rootNode = tree.root();
    PyNode root = node(rootNode, null, source);
    // The binding frees cursors with a Cleaner, like trees; it has no close().
    TSTreeCursor cursor = new TSTreeCursor(rootNode);
    if (!cursor.gotoFirstChild()) {
      return root;
    }
    Deque<PyNode> parents = new ArrayDeque<>();
    parents.push(root);
    while (true) {
      TSNode current = cursor.currentNode();
      String field = cursor.currentFieldName();
      boolean keep = current.isNamed() || field != null;
      if (keep) {
        PyNode copy = node(current, field, source);
        parents.peek().add(copy);
        if (current.getChildCount() > 0 && cursor.gotoFirstChild()) {
          parents.push(copy);
          continue;
        }
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          return root;
        }
        parents.pop();
        if (parents.isEmpty()) {
          return root;
        }
      }
    }
  }

  private static PyNode node(TSNode node, String field, PySource source) {
    TSPoint start = node.getStartPoint();
    TSPoint end = node.getEndPoint();
    return new PyNode(
        source,
        node.getType(),
        field,
        node.isNamed(),
        node.getStartByte(),
        node.getEndByte(),
        start.getRow(),
        start.getColumn(),
        end.getRow(),
        end.getColumn());
  }
}
