package dev.blastradius.lang.treesitter;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.EnumMap;
import java.util.Map;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;

/**
 * Reads what a tree walk needs from tree-sitter nodes with as few native calls as possible, for
 * walks that visit every node (copying a whole tree into Java objects).
 *
 * <p>bonede's binding rebuilds the C node from its Java object on every native call that takes one
 * (a class lookup and six field-id lookups: about 1.5 µs a call on our machines, where a call
 * taking a pointer costs 0.2 µs), and every public {@link TSNode} method makes two such calls, a
 * null check first. A copy of a Python tree through the public API cost about 25 µs per node, four
 * times the parse. So:
 *
 * <ul>
 *   <li>the start byte, row and column are read from the node object's own fields ({@code
 *       context0..2}, the binding's copy of tree-sitter's {@code TSNode.context[0..2]}, which are
 *       exactly those three), without a native call;
 *   <li>the symbol and the end byte cost one native call each, without the null check (a cursor's
 *       current node is never null);
 *   <li>type names, whether a symbol is named, and field names come from tables built once per
 *       grammar ({@code ts_node_type} is the name of {@code ts_node_symbol}, {@code
 *       ts_node_is_named} its metadata's named flag).
 * </ul>
 *
 * When the binding does not have the expected fields or methods, every read falls back to the
 * public API, which is slower and gives the same answers.
 */
public final class NodeReader {

  private static final VarHandle START_BYTE;
  private static final VarHandle START_ROW;
  private static final VarHandle START_COLUMN;
  private static final MethodHandle SYMBOL;
  private static final MethodHandle END_BYTE;

  static {
    VarHandle startByte = null;
    VarHandle startRow = null;
    VarHandle startColumn = null;
    MethodHandle symbol = null;
    MethodHandle endByte = null;
    try {
      MethodHandles.Lookup nodes =
          MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
      MethodHandles.Lookup natives =
          MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
      MethodType toInt = MethodType.methodType(int.class, TSNode.class);
      startByte = nodes.findVarHandle(TSNode.class, "context0", int.class);
      startRow = nodes.findVarHandle(TSNode.class, "context1", int.class);
      startColumn = nodes.findVarHandle(TSNode.class, "context2", int.class);
      symbol = natives.findStatic(TSParser.class, "ts_node_symbol", toInt);
      endByte = natives.findStatic(TSParser.class, "ts_node_end_byte", toInt);
    } catch (ReflectiveOperationException | RuntimeException e) {
      startByte = null;
      startRow = null;
      startColumn = null;
      symbol = null;
      endByte = null;
    }
    START_BYTE = startByte;
    START_ROW = startRow;
    START_COLUMN = startColumn;
    SYMBOL = symbol;
    END_BYTE = endByte;
  }

  private static final Map<Grammar, NodeReader> READERS = new EnumMap<>(Grammar.class);

  private final TSLanguage language;
  private final String[] types;
  private final boolean[] named;
  private final String[] fields;

  private NodeReader(TSLanguage language) {
    this.language = language;
    int symbols = language.symbolCount();
    types = new String[symbols];
    named = new boolean[symbols];
    for (int s = 0; s < symbols; s++) {
      types[s] = language.symbolName(s);
      named[s] = language.symbolType(s) == TSSymbolType.TSSymbolTypeRegular;
    }
    int fieldCount = language.fieldCount();
    fields = new String[fieldCount + 1];
    for (int f = 1; f <= fieldCount; f++) {
      fields[f] = language.fieldNameForId(f);
    }
  }

  /** The reader of {@code grammar}'s trees, built on first use. */
  public static NodeReader of(Grammar grammar) {
    synchronized (READERS) {
      return READERS.computeIfAbsent(grammar, g -> new NodeReader(g.language()));
    }
  }

  /** Whether the fast reads are in use (false: the public API, same answers). */
  public static boolean fast() {
    return SYMBOL != null;
  }

  /** The node's symbol (its alias when aliased), as {@link TSNode#getSymbol()}. */
  public int symbol(TSNode node) {
    if (SYMBOL == null) {
      return node.getSymbol();
    }
    try {
      return (int) SYMBOL.invokeExact(node);
    } catch (Throwable e) {
      throw new IllegalStateException("tree-sitter symbol", e);
    }
  }

  /** The type name of a symbol, as {@link TSNode#getType()} gives it. */
  public String type(int symbol) {
    return symbol < types.length ? types[symbol] : language.symbolName(symbol);
  }

  /** Whether nodes of a symbol are named, as {@link TSNode#isNamed()} says. */
  public boolean named(int symbol) {
    // Beyond the table: the built-in ERROR symbols, which are named.
    return symbol < named.length
        ? named[symbol]
        : language.symbolType(symbol) == TSSymbolType.TSSymbolTypeRegular;
  }

  /** The name of a field id ({@code TSTreeCursor.currentFieldId()}), or null for none. */
  public String field(int fieldId) {
    return fieldId > 0 && fieldId < fields.length ? fields[fieldId] : null;
  }

  public static int startByte(TSNode node) {
    return START_BYTE == null ? node.getStartByte() : (int) START_BYTE.get(node);
  }

  /** The 0-based row the node starts on. */
  public static int startRow(TSNode node) {
    return START_ROW == null ? node.getStartPoint().getRow() : (int) START_ROW.get(node);
  }

  /** The 0-based byte column the node starts at. */
  public static int startColumn(TSNode node) {
    return START_COLUMN == null ? node.getStartPoint().getColumn() : (int) START_COLUMN.get(node);
  }

  public static int endByte(TSNode node) {
    if (END_BYTE == null) {
      return node.getEndByte();
    }
    try {
      return (int) END_BYTE.invokeExact(node);
    } catch (Throwable e) {
      throw new IllegalStateException("tree-sitter end byte", e);
    }
  }
}
