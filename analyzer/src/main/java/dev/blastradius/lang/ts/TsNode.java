package dev.blastradius.lang.ts;

import dev.blastradius.lang.treesitter.NodeReader;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.lang.treesitter.TreeCopy;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * A plain-Java copy of one tree-sitter node of a TypeScript/JavaScript file, named and anonymous
 * alike, with its parent and children. The frontend asks thousands of small questions of each tree
 * (a call's callee, a node's parent, a field); through the binding each is a native call that
 * rebuilds the node (see {@link NodeReader}), which made reading a parsed file several times slower
 * than parsing it. The copy is made with one cursor walk; every question after it is a field read.
 * The methods keep the names of {@link TSNode}'s, so code reads as it did against the binding,
 * except that an absent child is {@code null} (never a "null node").
 */
public final class TsNode {

  private static final List<TsNode> NONE = List.of();

  private final String type;
  private final String field;
  private final boolean named;
  private final int startByte;
  private final int endByte;
  private final int startRow;
  private final int startColumn;
  private final TsNode parent;
  private final int index;
  private List<TsNode> children = NONE;
  private List<TsNode> namedChildren;

  private TsNode(
      String type,
      String field,
      boolean named,
      int startByte,
      int endByte,
      int startRow,
      int startColumn,
      TsNode parent,
      int index) {
    this.type = type;
    this.field = field;
    this.named = named;
    this.startByte = startByte;
    this.endByte = endByte;
    this.startRow = startRow;
    this.startColumn = startColumn;
    this.parent = parent;
    this.index = index;
  }

  /** The 0-based row and byte column of a node's start, as {@code TSPoint}. */
  public record Point(int getRow, int getColumn) {}

  /** The copy of {@code tree}'s whole tree; its root. */
  static TsNode copy(SyntaxTree tree) {
    return TreeCopy.copy(
        tree,
        (reader, node, symbol, field, parent) -> {
          TsNode copy = of(node, reader, symbol, field, parent);
          if (parent != null) {
            parent.add(copy);
          }
          return copy;
        });
  }

  private static TsNode of(
      TSNode node, NodeReader reader, int symbol, String field, TsNode parent) {
    return new TsNode(
        reader.type(symbol),
        field,
        reader.named(symbol),
        NodeReader.startByte(node),
        NodeReader.endByte(node),
        NodeReader.startRow(node),
        NodeReader.startColumn(node),
        parent,
        parent == null ? 0 : parent.children.size());
  }

  private void add(TsNode child) {
    if (children == NONE) {
      children = new ArrayList<>(4);
    }
    children.add(child);
  }

  /** The node's type (its alias when aliased), as tree-sitter names it. */
  public String getType() {
    return type;
  }

  /** The field this node fills in its parent, or null. */
  public String field() {
    return field;
  }

  public boolean isNamed() {
    return named;
  }

  public int getStartByte() {
    return startByte;
  }

  public int getEndByte() {
    return endByte;
  }

  public Point getStartPoint() {
    return new Point(startRow, startColumn);
  }

  int startRow() {
    return startRow;
  }

  int startColumn() {
    return startColumn;
  }

  /** The parent, or null for the root. */
  public TsNode getParent() {
    return parent;
  }

  public int getChildCount() {
    return children.size();
  }

  public TsNode getChild(int i) {
    return children.get(i);
  }

  public int getNamedChildCount() {
    return named().size();
  }

  public TsNode getNamedChild(int i) {
    return named().get(i);
  }

  /** The first child in field {@code name}, or null. */
  public TsNode getChildByFieldName(String name) {
    for (TsNode child : children) {
      if (name.equals(child.field)) {
        return child;
      }
    }
    return null;
  }

  /** The next named node with the same parent, or null. */
  public TsNode getNextNamedSibling() {
    if (parent == null) {
      return null;
    }
    List<TsNode> siblings = parent.children;
    for (int i = index + 1; i < siblings.size(); i++) {
      if (siblings.get(i).named) {
        return siblings.get(i);
      }
    }
    return null;
  }

  /** Every child, named and anonymous, in order. */
  public List<TsNode> children() {
    return children;
  }

  private List<TsNode> named() {
    if (namedChildren == null) {
      List<TsNode> found = new ArrayList<>(children.size());
      for (TsNode child : children) {
        if (child.named) {
          found.add(child);
        }
      }
      namedChildren = found;
    }
    return namedChildren;
  }

  @Override
  public String toString() {
    return type + "@" + startByte + ".." + endByte;
  }
}
