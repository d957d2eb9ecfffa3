package dev.blastradius.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.testing.Cli;
import dev.blastradius.testing.HostileRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown escaping of names from the scanned code. */
class MarkdownReportTest {

  @TempDir Path root;

  @Test
  void positive_textEscapesInlineSyntaxAndHtml() {
    assertThat(MarkdownText.text("a|b `c` *d* _e_ [f](g) <img src=x> & ~h~ !"))
        .isEqualTo("a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) &lt;img src=x&gt; &amp; \\~h\\~ \\!");
    assertThat(MarkdownText.text("</script>")).isEqualTo("&lt;/script&gt;");
    assertThat(MarkdownText.text("back\\slash")).isEqualTo("back\\\\slash");
  }

  @Test
  void positive_textRevealsControlsAndKeepsOneLine() {
    assertThat(MarkdownText.text(HostileRepo.RTL)).isEqualTo("evil\\[U+202E\\]exe.sql");
    assertThat(MarkdownText.text("a\nb\u2028c")).isEqualTo("a b c");
    assertThat(MarkdownText.text(HostileRepo.EMOJI)).isEqualTo(HostileRepo.EMOJI);
    assertThat(MarkdownText.text(HostileRepo.LONG)).hasSizeLessThan(400).endsWith("characters)");
  }

  @Test
  void positive_codeSpansFenceBackticksAndEscapePipesInTables() {
    assertThat(MarkdownText.code("a|b", true)).isEqualTo("`a\\|b`");
    assertThat(MarkdownText.code("a|b", false)).isEqualTo("`a|b`");
    assertThat(MarkdownText.code("x`y``z", false)).isEqualTo("```x`y``z```");
    assertThat(MarkdownText.code("`edge`", false)).isEqualTo("`` `edge` ``");
    assertThat(MarkdownText.code("<img src=x>", true)).isEqualTo("`<img src=x>`");
  }

  @Test
  void positive_hostileReportKeepsTableShapeAndNoRawHtml() throws IOException {
    HostileRepo.write(root);
    Path out = root.resolve("report.md");
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            root.resolve(HostileRepo.PROPOSED).toString(),
            "--format",
            "markdown",
            "--output",
            out.toString(),
            root.toString());
    assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
    String markdown = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(markdown).doesNotContain("\u202e", "\u2028", "\u2029");
    for (String line : markdown.split("\n")) {
      if (line.startsWith("| ") && !line.startsWith("|--")) {
        // Six cells: seven pipes that are not escaped.
        assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
            .as("cells of %s", line)
            .isEqualTo(7);
      }
      String outsideCode = line.replaceAll("(`+)(?:(?!\\1).)*\\1", "");
      assertThat(outsideCode.replace("<br>", "").replace("<sub>", "").replace("</sub>", ""))
          .as("no raw HTML outside code spans: %s", line)
          .doesNotContain("<");
    }
    assertThat(markdown).contains("### Not analysed — results may be incomplete");
  }
}
