package dev.blastradius.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.HostileRepo;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's data embedding, Content Security Policy and determinism. */
class HtmlReportTest {

  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL);

  @TempDir Path root;

  @Test
  void positive_escapeForScriptLeavesNoMarkupAndRoundTrips() throws IOException {
    String hostile =
        HostileRepo.SCRIPT_END
            + HostileRepo.ATTRIBUTE_BREAK
            + "<!-- & "
            + HostileRepo.SEPARATORS
            + HostileRepo.RTL
            + HostileRepo.EMOJI;
    String json = new ObjectMapper().writeValueAsString(List.of(hostile));
    String escaped = HtmlReport.escapeForScript(json);
    assertThat(escaped).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    assertThat(escaped).contains("\\u003c/script\\u003e", "\\u2028", "\\u0026");
    assertThat(new ObjectMapper().readTree(escaped).get(0).asText()).isEqualTo(hostile);
  }

  @Test
  void positive_hostileNamesStayInsideTheDataBlock() throws IOException {
    HostileRepo.write(root);
    String html = render(root, root.resolve(HostileRepo.PROPOSED));

    // Exactly the template's elements: the hostile </script> never closes anything early.
    assertThat(count(html, "</script>")).isEqualTo(2);
    assertThat(count(html, "<script")).isEqualTo(2);
    assertThat(html).doesNotContain("<img", "\u2028", "\u2029");

    Matcher data = DATA.matcher(html);
    assertThat(data.find()).isTrue();
    JsonNode parsed = new ObjectMapper().readTree(data.group(1));
    String text = parsed.toString();
    assertThat(text)
        .contains(HostileRepo.SQL_SCRIPT_END, HostileRepo.SQL_ATTRIBUTE_BREAK)
        .contains(HostileRepo.JAVASCRIPT_URL, HostileRepo.RTL, HostileRepo.LONG)
        .contains(HostileRepo.EMOJI, HostileRepo.ATTRIBUTE_BREAK);
    assertThat(parsed.path("verdict").path("answer").asText()).isEqualTo("no");
    assertThat(parsed.path("report").path("findings").size()).isPositive();
  }

  @Test
  void positive_cspAllowsExactlyTheTemplatesScriptAndStyle() throws IOException {
    Path sample = TestPaths.samples().resolve("split-user-name");
    String html = render(sample, sample.resolve("proposed"));
    Matcher csp = Pattern.compile("content=\"(default-src 'none';[^\"]*)\"").matcher(html);
    assertThat(csp.find()).as("a CSP meta tag").isTrue();
    String policy = csp.group(1);
    String script = between(html, "<script>", "</script>");
    String style = between(html, "<style>", "</style>");
    assertThat(policy)
        .isEqualTo(
            "default-src 'none'; script-src '"
                + HtmlReport.sha256(script)
                + "'; style-src '"
                + HtmlReport.sha256(style)
                + "'; base-uri 'none'; form-action 'none'");
    assertThat(html)
        .doesNotContainPattern(
            "\\.innerHTML|outerHTML|insertAdjacentHTML|document\\.write|eval\\(");
    assertThat(html.replace("'http://www.w3.org/2000/svg'", ""))
        .doesNotContain("http://", "https://");
    assertThat(html).doesNotContainPattern("(?i)<(link|img|iframe)\\b");
  }

  @Test
  void positive_sameInputSameBytesAndExcerptsFromTheReportRoot() throws IOException {
    Path sample = TestPaths.samples().resolve("split-user-name");
    String first = render(sample, sample.resolve("proposed"));
    String second = render(sample, sample.resolve("proposed"));
    assertThat(first).isEqualTo(second);
    Matcher data = DATA.matcher(first);
    assertThat(data.find()).isTrue();
    JsonNode sources = new ObjectMapper().readTree(data.group(1)).path("sources");
    assertThat(sources.path("src/main/java/com/acme/users/UserDao.java").path("20").asText())
        .contains("jdbc.queryForObject(DISPLAY_NAME");
    assertThat(sources.path("proposed/V5__drop_users_name.sql").path("4").asText())
        .isEqualTo("ALTER TABLE users DROP COLUMN name;");
  }

  @Test
  void negative_noExcerptOutsideTheRootOrForMissingFiles() {
    SourceExcerpts excerpts = new SourceExcerpts(java.util.Optional.of(root));
    excerpts.add(dev.blastradius.source.Location.ofLine("../../etc/passwd", 1));
    excerpts.add(dev.blastradius.source.Location.ofLine("missing.sql", 3));
    assertThat(excerpts.lines()).isEmpty();
  }

  private String render(Path scanRoot, Path migration) throws IOException {
    Path out = root.resolve("out-" + System.nanoTime());
    Cli.Result result =
        Cli.run(
            "check",
            "--migration",
            migration.toString(),
            "--format",
            "html",
            "--output",
            out.resolve("report.html").toString(),
            "--repo-root",
            scanRoot.toString(),
            scanRoot.toString());
    assertThat(result.exitCode()).as("%s", result).isIn(0, 4, 5);
    return Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open) + open.length();
    return text.substring(start, text.indexOf(close, start));
  }

  private static int count(String text, String needle) {
    List<Integer> at = new ArrayList<>();
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      at.add(i);
    }
    return at.size();
  }
}
