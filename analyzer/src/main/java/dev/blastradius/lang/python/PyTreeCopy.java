package dev.blastradius.lang.python;

import dev.blastradius.lang.treesitter.NodeReader;
import dev.blastradius.lang.treesitter.SyntaxTree;
import java.util.ArrayDeque;
import java.util.Deque;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Copies a tree-sitter tree into {@link PyNode}s with one cursor walk. Native calls are what a copy
 * costs (see {@link NodeReader}): per node the cursor's current node, its symbol and, for a node
 * that is kept, its end byte; the end row and column are computed from the end byte.
 */
final class PyTreeCopy {

  private PyTreeCopy() {}

  /** The copy of {@code tree}, whose text is in {@code source}. */
  static PyNode copy(SyntaxTree tree, PySource source) {
    NodeReader reader = NodeReader.of(tree.grammar());
    TSNode rootNode = tree.root();
    PyNode root = node(rootNode, reader, reader.symbol(rootNode), null, source);
    // The binding frees cursors with a Cleaner, like trees; it has no close().
    TSTreeCursor cursor = new TSTreeCursor(rootNode);
    if (!cursor.gotoFirstChild()) {
      return root;
    }
    Deque<PyNode> parents = new ArrayDeque<>();
    parents.push(root);
    while (true) {
      String field = reader.field(cursor.currentFieldId());
      TSNode current = cursor.currentNode();
      int symbol = reader.symbol(current);
      if (field != null || reader.named(symbol)) {
        PyNode copy = node(current, reader, symbol, field, source);
        parents.peek().add(copy);
        if (cursor.gotoFirstChild()) {
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

  private static PyNode node(
      TSNode node, NodeReader reader, int symbol, String field, PySource source) {
    int endByte = NodeReader.endByte(node);
    int endRow = source.row(endByte);
    return new PyNode(
        source,
        reader.type(symbol),
        field,
        reader.named(symbol),
        NodeReader.startByte(node),
        endByte,
        NodeReader.startRow(node),
        NodeReader.startColumn(node),
        endRow,
        endByte - source.lineStart(endRow));
  }
}
