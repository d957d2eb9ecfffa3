package dev.blastradius.lang.treesitter;

import dev.blastradius.source.Location;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSTree;

/**
 * A parsed file: the tree, the UTF-8 bytes tree-sitter saw, and conversions from its byte offsets
 * to the text and to our {@link Location}s (1-based lines, UTF-16 columns).
 *
 * <p>bonede's binding frees native trees with a {@link java.lang.ref.Cleaner} and exposes no {@code
 * close()}; a {@code SyntaxTree} must therefore not outlive the file's extraction, so that its tree
 * becomes unreachable and is freed as soon as the extractor is done with it.
 */
public final class SyntaxTree {

  private final Grammar grammar;
  private final String path;
  private final byte[] bytes;
  private final boolean ascii;
  private final TSTree tree;
  private final TSNode root;
  private LineStarts lineStarts;

  SyntaxTree(Grammar grammar, String path, byte[] bytes, boolean ascii, TSTree tree) {
    this.grammar = grammar;
    this.path = path;
    this.bytes = bytes;
    this.ascii = ascii;
    this.tree = tree;
    this.root = tree.getRootNode();
  }

  public Grammar grammar() {
    return grammar;
  }

  /** The report-relative path of the file, used in every {@link Location}. */
  public String path() {
    return path;
  }

  public TSNode root() {
    return root;
  }

  /** The source text of a node. */
  public String text(TSNode node) {
    return text(node.getStartByte(), node.getEndByte());
  }

  /** The 1-based line a node starts on. */
  public int line(TSNode node) {
    return node.getStartPoint().getRow() + 1;
  }

  /** The span of a node. */
  public Location location(TSNode node) {
    int startRow = node.getStartPoint().getRow();
    int endRow = node.getEndPoint().getRow();
    return new Location(
        path,
        startRow + 1,
        column(node.getStartByte(), node.getStartPoint().getColumn()),
        endRow + 1,
        column(node.getEndByte(), node.getEndPoint().getColumn()));
  }

  /** The text between two byte offsets (a node copied out of the tree keeps only its offsets). */
  public String text(int startByte, int endByte) {
    return new String(bytes, startByte, endByte - startByte, StandardCharsets.UTF_8);
  }

  /**
   * The span from a start (byte offset, 0-based row and byte column, as tree-sitter gives them) to
   * an end byte offset, whose row and column are computed from the text.
   */
  public Location location(int startByte, int startRow, int startColumn, int endByte) {
    int endRow = lineStarts().row(endByte);
    int endColumn = endByte - lineStarts().start(endRow);
    return new Location(
        path, startRow + 1, column(startByte, startColumn), endRow + 1, column(endByte, endColumn));
  }

  private LineStarts lineStarts() {
    if (lineStarts == null) {
      lineStarts = LineStarts.of(bytes);
    }
    return lineStarts;
  }

  /** Converts a byte column on the line of {@code byteOffset} to a 1-based UTF-16 column. */
  private int column(int byteOffset, int byteColumn) {
    if (ascii) {
      return byteColumn + 1;
    }
    int lineStart = byteOffset - byteColumn;
    return new String(bytes, lineStart, byteColumn, StandardCharsets.UTF_8).length() + 1;
  }

  /** Whether the parser had to recover from syntax errors anywhere in the file. */
  public boolean hasErrors() {
    return root.hasError();
  }

  /**
   * The first few places where the parser recovered ({@code ERROR} nodes and inserted {@code
   * MISSING} tokens), in source order, as {@code line:column} locations.
   */
  public List<Location> errors(int limit) {
    List<Location> found = new ArrayList<>();
    if (!root.hasError()) {
      return found;
    }
    Nodes.walk(
        root,
        node -> {
          if (found.size() >= limit) {
            return false;
          }
          if (node.isError() || node.isMissing()) {
            found.add(location(node));
            return false;
          }
          return node.hasError();
        });
    return found;
  }

  /** Keeps the native tree reachable for as long as this object is. */
  TSTree tree() {
    return tree;
  }
}
