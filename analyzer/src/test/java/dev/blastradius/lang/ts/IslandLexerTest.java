package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IslandLexerTest {

  @Test
  void findsEveryKindOfSpecifier() {
    String text =
        """
        import a from './a';
        import type { B } from "@/lib/b";
        import './side-effect';
        export * from '../c';
        export { d } from './d';
        const e = await import('./e');
        const f = require('f');
        """;
    assertThat(IslandLexer.specifiers(text))
        .containsExactly("./a", "@/lib/b", "./side-effect", "../c", "./d", "./e", "f");
  }

  @Test
  void ignoresKeywordsInCommentsStringsAndOtherWords() {
    String text =
        """
        // import x from './commented';
        /* require('./block') */
        const s = "import y from './in-string'";
        const important = fromage('z');
        client.from('users');
        const t = `import ${'./in-template-code'}`;
        """;
    assertThat(IslandLexer.specifiers(text)).isEmpty();
  }

  @Test
  void findsALateRequireAfterARegexAndATemplate() {
    String text =
        """
        import a from './a';
        const re = /from '\\.\\/not'/g;
        const msg = `${user.name} says ${"hi"}`;
        function load() {
          return require('./late');
        }
        """;
    assertThat(IslandLexer.specifiers(text)).containsExactly("./a", "./late");
  }

  @Test
  void unterminatedLiteralsDoNotStopTheScan() {
    String text = "const broken = 'no end\nimport a from './a';\nconst t = `open ${";
    assertThat(IslandLexer.specifiers(text)).containsExactly("./a");
  }

  /** The specifier scan keeps no token; it must answer as the scan of all tokens does. */
  @ParameterizedTest
  @MethodSource("sources")
  void specifiersAgreeWithTheTokens(Path file) throws IOException {
    String text = Files.readString(file);
    assertThat(IslandLexer.specifiers(text)).isEqualTo(fromTokens(text));
  }

  static Stream<Path> sources() throws IOException {
    List<Path> roots = List.of(Path.of("src/test/resources"), Path.of("../samples"));
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().matches(".*\\.(ts|tsx|js|jsx|mjs|cjs)$"))
            .sorted()
            .forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(40);
    return files.stream();
  }

  /** The specifiers read from the whole token list, as the lexer did before its specifier mode. */
  private static List<String> fromTokens(String text) {
    List<IslandLexer.Token> tokens = IslandLexer.tokens(text);
    List<String> found = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      IslandLexer.Token token = tokens.get(i);
      if (token.kind() != IslandLexer.Kind.IDENTIFIER) {
        continue;
      }
      IslandLexer.Token next = tokens.get(i + 1);
      String word = token.text();
      if ((word.equals("from") || word.equals("import"))
          && next.kind() == IslandLexer.Kind.STRING) {
        next.value().constant().ifPresent(found::add);
      } else if ((word.equals("require") || word.equals("import"))
          && next.kind() == IslandLexer.Kind.PUNCTUATION
          && next.text().equals("(")
          && i + 2 < tokens.size()
          && tokens.get(i + 2).kind() == IslandLexer.Kind.STRING) {
        tokens.get(i + 2).value().constant().ifPresent(found::add);
      }
    }
    return found;
  }
}
