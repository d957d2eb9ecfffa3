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

  /** The questions the frontend asks of a node, asked of the binding's nodes or of the copy. */
  private interface View<N> {
    String type(N node);

    boolean named(N node);

    int start(N node);

    int end(N node);

    int row(N node);

    int column(N node);

    String where(N node);

    /** The start byte of the child in {@code field}, or null. */
    Integer field(N node, String field);

    Integer nextNamed(N node);

    String parentType(N node);

    int namedCount(N node);

    List<N> children(N node);
  }

  /** One line per node, in tree order, with everything the view says of it. */
  private static <N> void describe(View<N> view, N node, List<String> out) {
    StringBuilder line =
        new StringBuilder()
            .append(view.type(node))
            .append(view.named(node) ? " named " : " anonymous ")
            .append(view.start(node))
            .append('-')
            .append(view.end(node))
            .append(' ')
            .append(view.row(node))
            .append(':')
            .append(view.column(node))
            .append(' ')
            .append(view.where(node));
    for (String field : FIELDS) {
      Integer start = view.field(node, field);
      if (start != null) {
        line.append(' ').append(field).append('=').append(start);
      }
    }
    line.append(" next=").append(view.nextNamed(node));
    line.append(" parent=").append(view.parentType(node));
    line.append(" named=").append(view.namedCount(node));
    out.add(line.toString());
    for (N child : view.children(node)) {
      describe(view, child, out);
    }
  }

  private static View<TSNode> binding(SyntaxTree tree) {
    return new View<>() {
      public String type(TSNode node) {
        return node.getType();
      }

      public boolean named(TSNode node) {
        return node.isNamed();
      }

      public int start(TSNode node) {
        return node.getStartByte();
      }

      public int end(TSNode node) {
        return node.getEndByte();
      }

      public int row(TSNode node) {
        return node.getStartPoint().getRow();
      }

      public int column(TSNode node) {
        return node.getStartPoint().getColumn();
      }

      public String where(TSNode node) {
        return tree.location(node) + " [" + tree.text(node) + "]";
      }

      public Integer field(TSNode node, String field) {
        TSNode child = node.getChildByFieldName(field);
        return child == null || child.isNull() ? null : child.getStartByte();
      }

      public Integer nextNamed(TSNode node) {
        TSNode next = node.getNextNamedSibling();
        return next == null || next.isNull() ? null : next.getStartByte();
      }

      public String parentType(TSNode node) {
        TSNode parent = node.getParent();
        return parent == null || parent.isNull() ? null : parent.getType();
      }

      public int namedCount(TSNode node) {
        return node.getNamedChildCount();
      }

      public List<TSNode> children(TSNode node) {
        List<TSNode> children = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
          children.add(node.getChild(i));
        }
        return children;
      }
    };
  }

  private static View<TsNode> copy(TsSource source) {
    return new View<>() {
      public String type(TsNode node) {
        return node.getType();
      }

      public boolean named(TsNode node) {
        return node.isNamed();
      }

      public int start(TsNode node) {
        return node.getStartByte();
      }

      public int end(TsNode node) {
        return node.getEndByte();
      }

      public int row(TsNode node) {
        return node.getStartPoint().getRow();
      }

      public int column(TsNode node) {
        return node.getStartPoint().getColumn();
      }

      public String where(TsNode node) {
        return source.location(node) + " [" + source.text(node) + "]";
      }

      public Integer field(TsNode node, String field) {
        TsNode child = node.getChildByFieldName(field);
        return child == null ? null : child.getStartByte();
      }

      public Integer nextNamed(TsNode node) {
        TsNode next = node.getNextNamedSibling();
        return next == null ? null : next.getStartByte();
      }

      public String parentType(TsNode node) {
        return node.getParent() == null ? null : node.getParent().getType();
      }

      public int namedCount(TsNode node) {
        return node.getNamedChildCount();
      }

      public List<TsNode> children(TsNode node) {
        return node.children();
      }
    };
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
    describe(binding(tree), tree.root(), api);
    TsSource source = TsSource.of(tree);
    List<String> copied = new ArrayList<>();
    describe(copy(source), source.root(), copied);
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
