package dev.blastradius.lang.treesitter;

import java.util.ArrayDeque;
import java.util.Deque;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Copies a tree-sitter tree into a frontend's own nodes with one cursor walk, so that reading the
 * tree afterwards costs no native calls (see {@link NodeReader}). Per node visited: the cursor's
 * current node, its symbol and its field; the maker reads what else it keeps.
 */
public final class TreeCopy {

  private TreeCopy() {}

  /** Makes the copy of one node and adds it to its parent's copy. */
  public interface Maker<N> {
    /**
     * The copy of {@code node}, or null to leave it and everything below it out.
     *
     * @param field the field the node fills in its parent, or null
     * @param parent the parent's copy; null for the root, which must be copied
     */
    N make(NodeReader reader, TSNode node, int symbol, String field, N parent);
  }

  /** The copy of {@code tree}'s root, with every node below it the maker kept. */
  public static <N> N copy(SyntaxTree tree, Maker<N> maker) {
    NodeReader reader = NodeReader.of(tree.grammar());
    TSNode rootNode = tree.root();
    N root = maker.make(reader, rootNode, reader.symbol(rootNode), null, null);
    // The binding frees cursors with a Cleaner, like trees; it has no close().
    TSTreeCursor cursor = new TSTreeCursor(rootNode);
    if (!cursor.gotoFirstChild()) {
      return root;
    }
    Deque<N> parents = new ArrayDeque<>();
    parents.push(root);
    while (true) {
      String field = reader.field(cursor.currentFieldId());
      TSNode current = cursor.currentNode();
      N copy = maker.make(reader, current, reader.symbol(current), field, parents.peek());
      if (copy != null && cursor.gotoFirstChild()) {
        parents.push(copy);
        continue;
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
}
