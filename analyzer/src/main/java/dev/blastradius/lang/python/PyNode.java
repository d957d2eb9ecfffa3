package dev.blastradius.lang.python;

import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain-Java copy of one tree-sitter node: its type, the field it fills in its parent, its span
 * and its children. Named nodes are kept; anonymous tokens only when they fill a field (the
 * operator of {@code a % b}). The copy lets the reader walk the tree without native calls and lets
 * the native tree be freed as soon as the copy is made.
 */
final class PyNode {

  private static final List<PyNode> NONE = List.of();

  private final PySource source;
  private final String type;
  private final String field;
  private final boolean named;
  private final int startByte;
  private final int endByte;
  private final int startRow;
  private final int startColumn;
  private final int endRow;
  private final int endColumn;
  private List<PyNode> children = NONE;

  PyNode(
      PySource source,
      String type,
      String field,
      boolean named,
      int startByte,
      int endByte,
      int startRow,
      int startColumn,
      int endRow,
      int endColumn) {
    this.source = source;
    this.type = type;
    this.field = field;
    this.named = named;
    this.startByte = startByte;
    this.endByte = endByte;
    this.startRow = startRow;
    this.startColumn = startColumn;
    this.endRow = endRow;
    this.endColumn = endColumn;
  }

  void add(PyNode child) {
    if (children == NONE) {
      children = new ArrayList<>(4);
    }
    children.add(child);
  }

  String type() {
    return type;
  }

  boolean is(String candidate) {
    return type.equals(candidate);
  }

  /** The field this node fills in its parent, or null. */
  String field() {
    return field;
  }

  boolean named() {
    return named;
  }

  List<PyNode> children() {
    return children;
  }

  /** The first child filling field {@code name}. */
  Optional<PyNode> child(String name) {
    for (PyNode child : children) {
      if (name.equals(child.field)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** Every child filling field {@code name}, in order. */
  List<PyNode> children(String name) {
    List<PyNode> found = new ArrayList<>();
    for (PyNode child : children) {
      if (name.equals(child.field)) {
        found.add(child);
      }
    }
    return found;
  }

  /** The named children, in order. */
  List<PyNode> namedChildren() {
    List<PyNode> found = new ArrayList<>(children.size());
    for (PyNode child : children) {
      if (child.named) {
        found.add(child);
      }
    }
    return found;
  }

  /** The first named child of type {@code childType}. */
  Optional<PyNode> first(String childType) {
    for (PyNode child : children) {
      if (child.type.equals(childType)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  String text() {
    return source.text(startByte, endByte);
  }

  /**
   * The source text from this node's start to {@code end}'s start (a compound statement's header).
   */
  String textUpTo(PyNode end) {
    return source.text(startByte, Math.max(startByte, end.startByte));
  }

  /** The 1-based first line. */
  int line() {
    return startRow + 1;
  }

  /** The 1-based last line. */
  int endLine() {
    return endRow + 1;
  }

  int startByte() {
    return startByte;
  }

  Location location() {
    return source.location(startByte, startRow, startColumn, endByte, endRow, endColumn);
  }

  /**
   * The span from this node's start to the start of {@code end} (a compound statement's header).
   */
  Location locationUpTo(PyNode end) {
    if (end.startRow <= startRow) {
      return location();
    }
    return source.location(
        startByte, startRow, startColumn, end.startByte, end.startRow, end.startColumn);
  }

  @Override
  public String toString() {
    return type + "@" + line();
  }
}
