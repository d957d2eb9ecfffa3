package dev.blastradius.report.dot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blastradius.testing.Cli;
import dev.blastradius.testing.HostileRepo;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DOT quoting, checked with a lexer that follows Graphviz's rules for quoted strings (only {@code
 * \"} is an escape; a backslash before the closing quote escapes it), so a name that could end a
 * string early or swallow the closing quote fails here.
 */
class DotReportTest {

  @TempDir Path root;

  @Test
  void positive_quotedEscapesQuotesAndBackslashes() {
    assertThat(DotReport.quoted("a\"b")).isEqualTo("\"a\\\"b\"");
    assertThat(DotReport.quoted("a\\nb")).isEqualTo("\"a\\\\nb\"");
    assertThat(DotReport.quoted("ends\\")).isEqualTo("\"ends\\\\ \"");
    assertThat(DotReport.quoted(HostileRepo.RTL)).isEqualTo("\"evil[U+202E]exe.sql\"");
    assertThat(DotReport.quoted("a\u2028b")).isEqualTo("\"a b\"");
    assertThat(DotReport.quoted(HostileRepo.LONG)).hasSize(HostileRepo.LONG.length() + 2);
    assertThat(DotReport.label("kind\nname")).isEqualTo("\"kind\\nname\"");
    assertThat(DotReport.label(HostileRepo.LONG)).hasSizeLessThan(260);
  }

  @Test
  void positive_hostileNamesGiveAWellFormedGraph() throws IOException {
    HostileRepo.write(root);
    Files.writeString(
        root.resolve(HostileRepo.CODE_DIR + "/quote\"end\\.sql"),
        "SELECT \"javascript:alert(1)\" FROM \"" + HostileRepo.SQL_SCRIPT_END + "\";\n");
    String dot = render("check", "--migration", root.resolve(HostileRepo.PROPOSED).toString());
    List<String> strings = quotedStrings(dot);
    assertThat(strings).anyMatch(s -> s.contains("javascript:alert(1)"));
    assertThat(strings).anyMatch(s -> s.contains(HostileRepo.SQL_SCRIPT_END));
    // Paths are /-separated (the backslash became one); the quote survives lexing intact.
    assertThat(strings).anyMatch(s -> s.startsWith("site:") && s.endsWith("/quote\"end/.sql:1"));
    assertThat(dot).doesNotContain("\u202e", "\u2028", "\u2029");
    GraphvizCheck.assertRenders(dot);
  }

  @Test
  void positive_whoShowsOnlyItsColumn() throws IOException {
    Path sample = TestPaths.samples().resolve("split-user-name");
    String dot = render(sample, "who", "users.email");
    List<String> columns =
        quotedStrings(dot).stream().filter(s -> s.startsWith("column:")).distinct().toList();
    assertThat(columns).containsExactly("column:users.email");
    assertThat(dot).contains("\"entry:worker kafka user-signups@");
  }

  private String render(String... command) throws IOException {
    return render(root, command);
  }

  private String render(Path scanRoot, String... command) throws IOException {
    Path out = root.resolve("report-" + System.nanoTime() + ".dot");
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--format", "dot", "--output", out.toString(), scanRoot.toString()));
    Cli.Result result = Cli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as("%s", result).isIn(0, 4, 5);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /**
   * Every quoted string of a DOT file, as the Graphviz lexer reads it (with {@code \"} → {@code
   * "}); fails when the text outside strings is not plain DOT syntax.
   */
  static List<String> quotedStrings(String dot) {
    List<String> strings = new ArrayList<>();
    StringBuilder outside = new StringBuilder();
    int i = 0;
    while (i < dot.length()) {
      char c = dot.charAt(i);
      if (c != '"') {
        outside.append(c);
        i++;
        continue;
      }
      StringBuilder string = new StringBuilder();
      i++;
      while (true) {
        if (i >= dot.length()) {
          fail("unterminated string in DOT output: " + string);
        }
        char d = dot.charAt(i);
        if (d == '\\' && i + 1 < dot.length() && dot.charAt(i + 1) == '"') {
          string.append('"');
          i += 2;
        } else if (d == '\\' && i + 1 < dot.length() && dot.charAt(i + 1) == '\n') {
          fail("line continuation inside a DOT string: " + string);
        } else if (d == '"') {
          i++;
          break;
        } else {
          string.append(d);
          i++;
        }
      }
      strings.add(string.toString());
      outside.append("S");
    }
    assertThat(outside.toString())
        .as("DOT text outside quoted strings")
        .matches("(?s)[A-Za-z0-9_ \\t\\n\\[\\]{}=;,.>\\-S]*");
    return strings;
  }
}
