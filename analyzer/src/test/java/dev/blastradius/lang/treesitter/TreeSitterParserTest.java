package dev.blastradius.lang.treesitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.source.Location;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.treesitter.TSNode;

class TreeSitterParserTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);

  private static SyntaxTree parse(Grammar grammar, String text) {
    TreeSitterParser.Result result = TreeSitterParser.parse(grammar, "f", text, LIMIT);
    assertThat(result).isInstanceOf(TreeSitterParser.Result.Parsed.class);
    return ((TreeSitterParser.Result.Parsed) result).tree();
  }

  @ParameterizedTest
  @EnumSource(Grammar.class)
  void positive_everyGrammarLoadsAndParses(Grammar grammar) {
    String text =
        switch (grammar) {
          case PYTHON -> "x = 1\n";
          case BASH -> "echo hi\n";
          default -> "const x = 1;\n";
        };
    SyntaxTree tree = parse(grammar, text);
    assertThat(tree.hasErrors()).isFalse();
    assertThat(tree.text(tree.root()).strip()).isEqualTo(text.strip());
  }

  @Test
  void positive_typescriptGrammarIsNotTsx() {
    // An angle-bracket cast is TypeScript, and a syntax error in TSX: the two artifacts really hold
    // the two grammars, so .ts files must use TYPESCRIPT.
    String cast = "const n = <number>value;\n";
    assertThat(parse(Grammar.TYPESCRIPT, cast).hasErrors()).isFalse();
    assertThat(parse(Grammar.TSX, cast).hasErrors()).isTrue();
    assertThat(parse(Grammar.TSX, "const e = <div>{value}</div>;\n").hasErrors()).isFalse();
  }

  @Test
  void positive_locationsCountUtf16ColumnsAfterNonAsciiText() {
    String text = "const s = '\uD83D\uDE00é'; const target = 1;\n";
    SyntaxTree tree = parse(Grammar.TYPESCRIPT, text);
    TSNode number = Nodes.descendants(tree.root(), "number").stream().findFirst().orElseThrow();
    Location location = tree.location(number);
    assertThat(location.startLine()).isEqualTo(1);
    assertThat(location.startColumn()).isEqualTo(text.indexOf("1;") + 1);
    assertThat(tree.text(number)).isEqualTo("1");
  }

  @Test
  void positive_syntaxErrorsAreLocated() {
    SyntaxTree tree = parse(Grammar.PYTHON, "def f(:\n    return 1\n\nx = 2\n");
    assertThat(tree.hasErrors()).isTrue();
    List<Location> errors = tree.errors(5);
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).startLine()).isEqualTo(1);
  }

  @Test
  void negative_aParseOverTheLimitTimesOutAndTheParserRecovers() {
    String huge = "const a = [" + "1, ".repeat(400_000) + "];\n";
    TreeSitterParser.Result timedOut =
        TreeSitterParser.parse(Grammar.JAVASCRIPT, "big.js", huge, Duration.ofNanos(1000));
    assertThat(timedOut).isInstanceOf(TreeSitterParser.Result.TimedOut.class);
    // The same thread's parser starts afresh on the next file.
    SyntaxTree next = parse(Grammar.JAVASCRIPT, "let b = 2;\n");
    assertThat(next.hasErrors()).isFalse();
    assertThat(tree(next)).isEqualTo("let b = 2;");
  }

  private static String tree(SyntaxTree tree) {
    return tree.text(tree.root()).strip();
  }
}
