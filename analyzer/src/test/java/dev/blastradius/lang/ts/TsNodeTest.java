package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.lang.treesitter.Grammar;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.lang.treesitter.TreeSitterParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.treesitter.TSNode;

/** The copied tree answers every question the frontend asks as the binding's nodes do. */
class TsNodeTest {

  /** Every field name the TypeScript/JavaScript grammars use that the frontend reads. */
  private static final List<String> FIELDS =
      List.of(
          "alias",
          "arguments",
          "body",
          "condition",
          "constructor",
          "declaration",
          "decorator",
          "function",
          "index",
          "key",
          "left",
          "name",
          "object",
          "operator",
          "parameters",
          "pattern",
          "property",
          "return_type",
          "right",
          "source",
          "type",
          "value");

  private static final String TYPESCRIPT =
      """
      import { a, b as c } from '@/lib/db';
      import type { T } from "./t";
      @Controller('users')
      export default class UsersController extends Base<T> implements I {
        private readonly x: number = 1;
        @Get(':id') async find(@Param('id') id: string): Promise<T | null> {
          const s = `é${id}\\n` + <any>a?.b!;
          return await db.query.users.findFirst({ where: eq(users.id, id) }) as T;
        }
      }
      export const GET = withAuth(async (req: Request) => prisma.user.findMany());
      x.y = function* () { yield 1; }; // done
      const broken = (
      """;

  private static final String JSX =
      """
      'use client';
      import { useState } from 'react';
      export function Widget({ label }: { label: string }) {
        const [open, setOpen] = useState(false);
        return <section onClick={() => setOpen(!open)}>{label} {format.label(label)} ü</section>;
      }
      class A { static #p = 1; field = 2; get g() { return this.field; } }
      const oops = <div>{</div>;
      """;

  private static SyntaxTree parse(Grammar grammar, String text) {
    TreeSitterParser.Result result =
        TreeSitterParser.parse(grammar, "src/f", text, Duration.ofSeconds(5));
    assertThat(result).isInstanceOf(TreeSitterParser.Result.Parsed.class);
    return ((TreeSitterParser.Result.Parsed) result).tree();
  }

  /** What the binding's public API says of a node and its relatives. */
  private static void api(SyntaxTree tree, TSNode node, List<String> out) {
    StringBuilder line = new StringBuilder(describe(tree, node));
    for (String field : FIELDS) {
      TSNode child = node.getChildByFieldName(field);
      if (child != null && !child.isNull()) {
        line.append(' ').append(field).append('=').append(child.getStartByte());
      }
    }
    TSNode next = node.getNextNamedSibling();
    line.append(" next=").append(next == null || next.isNull() ? "-" : next.getStartByte());
    TSNode parent = node.getParent();
    line.append(" parent=").append(parent == null || parent.isNull() ? "-" : parent.getType());
    line.append(" named=").append(node.getNamedChildCount());
    out.add(line.toString());
    for (int i = 0; i < node.getChildCount(); i++) {
      api(tree, node.getChild(i), out);
    }
  }

  private static String describe(SyntaxTree tree, TSNode node) {
    return node.getType()
        + (node.isNamed() ? " named " : " anonymous ")
        + node.getStartByte()
        + "-"
        + node.getEndByte()
        + " "
        + node.getStartPoint().getRow()
        + ":"
        + node.getStartPoint().getColumn()
        + " "
        + tree.location(node)
        + " ["
        + tree.text(node)
        + "]";
  }

  /** What the copy says of the same node. */
  private static void copy(TsSource source, TsNode node, List<String> out) {
    StringBuilder line =
        new StringBuilder(
            node.getType()
                + (node.isNamed() ? " named " : " anonymous ")
                + node.getStartByte()
                + "-"
                + node.getEndByte()
                + " "
                + node.getStartPoint().getRow()
                + ":"
                + node.getStartPoint().getColumn()
                + " "
                + source.location(node)
                + " ["
                + source.text(node)
                + "]");
    for (String field : FIELDS) {
      TsNode child = node.getChildByFieldName(field);
      if (child != null) {
        line.append(' ').append(field).append('=').append(child.getStartByte());
      }
    }
    TsNode next = node.getNextNamedSibling();
    line.append(" next=").append(next == null ? "-" : next.getStartByte());
    TsNode parent = node.getParent();
    line.append(" parent=").append(parent == null ? "-" : parent.getType());
    line.append(" named=").append(node.getNamedChildCount());
    out.add(line.toString());
    for (int i = 0; i < node.getChildCount(); i++) {
      copy(source, node.getChild(i), out);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Grammar.class,
      names = {"TYPESCRIPT", "TSX", "JAVASCRIPT"})
  void positive_theCopyAgreesWithTheBindingOnEveryNode(Grammar grammar) {
    String text = grammar == Grammar.TYPESCRIPT ? TYPESCRIPT : JSX;
    SyntaxTree tree = parse(grammar, text);
    assertThat(tree.hasErrors()).isTrue();
    List<String> api = new ArrayList<>();
    api(tree, tree.root(), api);
    List<String> copied = new ArrayList<>();
    copy(TsSource.of(tree), TsSource.of(tree).root(), copied);
    assertThat(api).hasSizeGreaterThan(100);
    assertThat(copied).containsExactlyElementsOf(api);
  }

  @Test
  void positive_namedChildrenSkipAnonymousTokensAndKeepComments() {
    TsSource source = TsSource.of(parse(Grammar.TYPESCRIPT, "f(a, /* c */ b);\n"));
    TsNode arguments =
        source.root().getNamedChild(0).getNamedChild(0).getChildByFieldName("arguments");
    assertThat(arguments.getChildCount()).isEqualTo(6);
    List<String> named = new ArrayList<>();
    for (int i = 0; i < arguments.getNamedChildCount(); i++) {
      named.add(arguments.getNamedChild(i).getType());
    }
    assertThat(named).containsExactly("identifier", "comment", "identifier");
  }

  @Test
  void negative_anAbsentFieldOrSiblingIsNull() {
    TsSource source = TsSource.of(parse(Grammar.JAVASCRIPT, "f();\n"));
    TsNode call = source.root().getNamedChild(0).getNamedChild(0);
    assertThat(call.getType()).isEqualTo("call_expression");
    assertThat(call.getChildByFieldName("object")).isNull();
    assertThat(call.getNextNamedSibling()).isNull();
    assertThat(source.root().getParent()).isNull();
    assertThat(source.line(call)).isEqualTo(1);
  }
}
