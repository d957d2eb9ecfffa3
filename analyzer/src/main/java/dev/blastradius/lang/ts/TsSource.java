package dev.blastradius.lang.ts;

import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed TypeScript/JavaScript file and the small questions adapters ask of its nodes: type,
 * text, fields, string values, the host statement of a call and its snippet. Lives only while the
 * file is extracted (see {@link SyntaxTree}).
 */
public final class TsSource {

  /** Node types that are statements (or member declarations) a call can be the host of. */
  private static final Set<String> HOSTS =
      Set.of(
          "expression_statement",
          "lexical_declaration",
          "variable_declaration",
          "return_statement",
          "if_statement",
          "for_statement",
          "for_in_statement",
          "while_statement",
          "do_statement",
          "throw_statement",
          "switch_statement",
          "export_statement",
          "public_field_definition",
          "field_definition");

  private final SyntaxTree tree;
  private final TsNode root;

  TsSource(SyntaxTree tree) {
    this.tree = tree;
    this.root = TsNode.copy(tree);
  }

  /** A source over a parsed tree, for readers outside this package (Knex migrations). */
  public static TsSource of(SyntaxTree tree) {
    return new TsSource(tree);
  }

  /** The report-relative path. */
  public String path() {
    return tree.path();
  }

  public TsNode root() {
    return root;
  }

  SyntaxTree tree() {
    return tree;
  }

  /** The node's type; "" for an absent node (null). */
  public static String type(TsNode node) {
    return node == null ? "" : node.getType();
  }

  /** Whether the node is present. */
  public static boolean present(TsNode node) {
    return node != null;
  }

  public String text(TsNode node) {
    return tree.text(node.getStartByte(), node.getEndByte());
  }

  public Location location(TsNode node) {
    return tree.location(
        node.getStartByte(), node.startRow(), node.startColumn(), node.getEndByte());
  }

  public int line(TsNode node) {
    return node.startRow() + 1;
  }

  /** The child in a field, or null. */
  public static TsNode field(TsNode node, String name) {
    return node.getChildByFieldName(name);
  }

  /** The named children of a node. */
  public static List<TsNode> named(TsNode node) {
    int count = node.getNamedChildCount();
    List<TsNode> children = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      TsNode child = node.getNamedChild(i);
      if (!child.getType().equals("comment")) {
        children.add(child);
      }
    }
    return children;
  }

  /** The first named child of {@code type}, or null. */
  public static TsNode child(TsNode node, String type) {
    int count = node.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      TsNode child = node.getNamedChild(i);
      if (child.getType().equals(type)) {
        return child;
      }
    }
    return null;
  }

  /** Strips wrappers that do not change a value: parentheses, {@code await}, type assertions. */
  public static TsNode unwrap(TsNode node) {
    TsNode current = node;
    while (present(current)) {
      switch (current.getType()) {
        case "parenthesized_expression",
            "await_expression",
            "as_expression",
            "satisfies_expression",
            "non_null_expression",
            "type_assertion" -> {
          List<TsNode> children = named(current);
          // A type assertion is <T>x: the expression is the last child.
          current = children.isEmpty() ? null : children.get(children.size() - 1);
          if (current != null && current.getType().equals("type_arguments")) {
            return null;
          }
        }
        default -> {
          return current;
        }
      }
    }
    return current;
  }

  /** The value of a string literal node ({@code 'x'}, {@code "x"}), escapes applied. */
  public Optional<String> stringValue(TsNode node) {
    if (!type(node).equals("string")) {
      return Optional.empty();
    }
    StringBuilder value = new StringBuilder();
    for (TsNode child : named(node)) {
      String text = text(child);
      value.append(child.getType().equals("escape_sequence") ? unescape(text) : text);
    }
    return Optional.of(value.toString());
  }

  /** The value of an escape sequence. */
  static String unescape(String escape) {
    if (escape.length() < 2) {
      return escape;
    }
    return switch (escape.charAt(1)) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '\n' -> "";
      case 'u', 'x' -> unicode(escape);
      default -> escape.substring(1);
    };
  }

  private static String unicode(String escape) {
    String digits = escape.substring(2).replace("{", "").replace("}", "");
    try {
      return new String(Character.toChars(Integer.parseInt(digits, 16)));
    } catch (IllegalArgumentException e) {
      return escape;
    }
  }

  /** The name of a property key: {@code a}, {@code 'a'}, {@code "a"}; empty for computed keys. */
  public Optional<String> keyName(TsNode key) {
    return switch (type(key)) {
      case "property_identifier",
          "identifier",
          "shorthand_property_identifier",
          "private_property_identifier",
          "number" ->
          Optional.of(text(key));
      case "string" -> stringValue(key);
      default -> Optional.empty();
    };
  }

  /**
   * The host statement of a node: the nearest enclosing statement, the line whose first line is an
   * access's line.
   */
  public TsNode hostStatement(TsNode node) {
    TsNode current = node;
    while (present(current)) {
      String type = current.getType();
      if (HOSTS.contains(type)) {
        // `export const x = …` reports on the export's line, which is the declaration's too.
        return current;
      }
      if (type.equals("program")) {
        break;
      }
      current = current.getParent();
    }
    return node;
  }

  /** Node types an ORM call chain is made of: the call, its receiver steps and its wrappers. */
  private static final Set<String> CHAIN =
      Set.of(
          "call_expression",
          "member_expression",
          "subscript_expression",
          "await_expression",
          "non_null_expression",
          "parenthesized_expression",
          "as_expression",
          "satisfies_expression",
          "type_assertion");

  /**
   * Node types between a chain and its host statement that keep the statement as the access site:
   * {@code const x = await …}, {@code return …}, {@code x = …}, {@code for (… of …)}.
   */
  private static final Set<String> CARRIERS =
      Set.of(
          "variable_declarator",
          "assignment_expression",
          "augmented_assignment_expression",
          "sequence_expression");

  /**
   * The node an access at {@code node} is reported at (DESIGN §3, bench/labels "Line convention"):
   * the host statement when the call chain is the statement's own expression ({@code const x =
   * await tx⏎ .delete(t)} reports on the {@code const} line), else the call chain itself ({@code
   * Promise.all([…, tx.query.t.findMany(…)])}, an argument, an arrow body, an object property).
   */
  public TsNode accessNode(TsNode node) {
    TsNode top = node;
    TsNode parent = top.getParent();
    while (present(parent) && CHAIN.contains(parent.getType()) && !isArgumentOf(top, parent)) {
      top = parent;
      parent = top.getParent();
    }
    TsNode host = hostStatement(node);
    TsNode current = parent;
    while (present(current) && !same(current, host)) {
      if (!CARRIERS.contains(current.getType())) {
        return top;
      }
      current = current.getParent();
    }
    return host;
  }

  /** Whether two nodes are the same node: the same span and type (copies of one file agree). */
  private static boolean same(TsNode a, TsNode b) {
    return a.getStartByte() == b.getStartByte()
        && a.getEndByte() == b.getEndByte()
        && a.getType().equals(b.getType());
  }

  /** Whether {@code child} is an argument (not the callee) of {@code parent}. */
  private static boolean isArgumentOf(TsNode child, TsNode parent) {
    if (!parent.getType().equals("call_expression")) {
      return false;
    }
    TsNode callee = parent.getChildByFieldName("function");
    return !present(callee) || !same(callee, child);
  }

  /** The host statement's text, collapsed and shortened for display. */
  public String snippet(TsNode host) {
    String text = text(host);
    int newlines = 0;
    int cut = text.length();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' && ++newlines == 8) {
        cut = i;
        break;
      }
    }
    return HostedSql.snippet(text.substring(0, cut));
  }
}
