package dev.blastradius.lang.python;

import dev.blastradius.lang.treesitter.NodeReader;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.lang.treesitter.TreeCopy;
import org.treesitter.TSNode;

/**
 * Copies a tree-sitter tree into {@link PyNode}s ({@link TreeCopy}): named nodes, and anonymous
 * ones that fill a field. Per kept node the end byte is one more native call; the end row and
 * column are computed from it.
 */
final class PyTreeCopy {

  private PyTreeCopy() {}

  /** The copy of {@code tree}, whose text is in {@code source}. */
  static PyNode copy(SyntaxTree tree, PySource source) {
    return TreeCopy.copy(
        tree,
        (reader, node, symbol, field, parent) -> {
          if (parent != null && field == null && !reader.named(symbol)) {
            return null;
          }
          PyNode copy = node(node, reader, symbol, field, source);
          if (parent != null) {
            parent.add(copy);
          }
          return copy;
        });
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
