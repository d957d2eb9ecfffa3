package dev.blastradius.lang.treesitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

class NodeReaderTest {

  private static SyntaxTree parse(Grammar grammar, String text) {
    TreeSitterParser.Result result =
        TreeSitterParser.parse(grammar, "f", text, Duration.ofSeconds(5));
    assertThat(result).isInstanceOf(TreeSitterParser.Result.Parsed.class);
    return ((TreeSitterParser.Result.Parsed) result).tree();
  }

  /** What the public API says of every node a cursor visits, and what the reader says. */
  private static List<List<String>> compare(Grammar grammar, SyntaxTree tree) {
    NodeReader reader = NodeReader.of(grammar);
    List<String> api = new ArrayList<>();
    List<String> fast = new ArrayList<>();
    TSTreeCursor cursor = new TSTreeCursor(tree.root());
    boolean more = true;
    while (more) {
      TSNode node = cursor.currentNode();
      api.add(
          node.getType()
              + " named="
              + node.isNamed()
              + " field="
              + cursor.currentFieldName()
              + " "
              + node.getStartByte()
              + "-"
              + node.getEndByte()
              + " "
              + node.getStartPoint().getRow()
              + ":"
              + node.getStartPoint().getColumn());
      int symbol = reader.symbol(node);
      fast.add(
          reader.type(symbol)
              + " named="
              + reader.named(symbol)
              + " field="
              + reader.field(cursor.currentFieldId())
              + " "
              + NodeReader.startByte(node)
              + "-"
              + NodeReader.endByte(node)
              + " "
              + NodeReader.startRow(node)
              + ":"
              + NodeReader.startColumn(node));
      if (cursor.gotoFirstChild()) {
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          more = false;
          break;
        }
      }
    }
    return List.of(api, fast);
  }

  @Test
  void positive_theBindingHasTheFieldsAndNativesTheFastReadsUse() {
    assertThat(NodeReader.fast()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Grammar.class)
  void positive_fastReadsAgreeWithThePublicApiOnEveryNode(Grammar grammar) {
    String text =
        switch (grammar) {
          case PYTHON ->
              "import os\n"
                  + "class A(B):\n"
                  + "    def f(self, x=1, *a, **k):\n"
                  + "        s = f'é{x!r}\\n' + \"\"\"doc\"\"\" # note\n"
                  + "        return [y % 2 for y in a if not y] or {**k}\n"
                  + "print 'legacy'\n"
                  + "def g(:\n";
          case BASH -> "for f in *.sql; do psql \"$DB\" -f \"$f\" | tee é.log; done\nif [ -z\n";
          default ->
              "import { a } from 'b';\n"
                  + "export async function f(x: number = 1): Promise<void> {\n"
                  + "  const s = `é${x}` + <any>a?.b!;\n"
                  + "}\n"
                  + "const g = (\n";
        };
    SyntaxTree tree = parse(grammar, text);
    assertThat(tree.hasErrors()).isTrue();
    List<List<String>> both = compare(grammar, tree);
    assertThat(both.get(0)).hasSizeGreaterThan(30);
    assertThat(both.get(1)).containsExactlyElementsOf(both.get(0));
  }

  @Test
  void negative_anonymousTokensAreNotNamedAndHaveNoField() {
    SyntaxTree tree = parse(Grammar.PYTHON, "f(x)\n");
    NodeReader reader = NodeReader.of(Grammar.PYTHON);
    List<String> anonymous = new ArrayList<>();
    Nodes.walk(
        tree.root(),
        node -> {
          int symbol = reader.symbol(node);
          if (!reader.named(symbol)) {
            anonymous.add(reader.type(symbol));
          }
          return true;
        });
    assertThat(anonymous).containsExactly("(", ")");
    assertThat(reader.field(0)).isNull();
  }
}
