package dev.blastradius.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blastradius.testing.BaseRolloutRepo;
import dev.blastradius.testing.BrowserTools;
import dev.blastradius.testing.Cli;
import dev.blastradius.testing.HostileRepo;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report of every sample (plus {@code scan}, {@code who} and a repository of hostile
 * names) in headless Chromium through {@code src/test/js/report-browser-check.cjs}, which fails on
 * any network request, console error, CSP violation or injected code, checks that the page shows
 * every finding's rule id and every column, follows deep links and the search box, and writes
 * light, dark and print screenshots to {@code analyzer/target/screenshots/}. Skips locally when
 * node, playwright-core or Chromium are missing; fails in CI (see {@link BrowserTools}).
 */
class HtmlBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Names longer than this are shown shortened (the template's LONG_NAME). */
  private static final int LONG_NAME = 160;

  @TempDir Path temp;

  @Test
  void reportsRenderWithoutNetworkErrorsOrInjectedCode() throws Exception {
    BrowserTools tools = BrowserTools.locate();
    Path target = TestPaths.repo().resolve("analyzer/target");
    Path reports = target.resolve("browser-reports");
    ArrayNode pages = JSON.createArrayNode();

    List<Path> samples;
    try (Stream<Path> dirs = Files.list(TestPaths.samples())) {
      samples = dirs.filter(Files::isDirectory).sorted().toList();
    }
    for (Path sample : samples) {
      String name = sample.getFileName().toString();
      Path out = reports.resolve(name);
      run(out, "check", "--migration", sample.resolve("proposed").toString(), sample);
      pages.add(page(name, out, null));
    }
    Path split = TestPaths.samples().resolve("split-user-name");
    run(reports.resolve("scan"), "scan", split);
    pages.add(page("split-user-name-scan", reports.resolve("scan"), "users.email"));
    run(reports.resolve("who"), "who", "users.name", split);
    pages.add(page("split-user-name-who", reports.resolve("who"), null));

    // check --base: sites in the code at the base revision are quoted from that revision (this
    // line exists only at HEAD: release 42 removed it).
    Path rollout = temp.resolve("base-rollout");
    BaseRolloutRepo.write(rollout);
    run(reports.resolve("base-rollout"), "check", "--base", "HEAD", rollout);
    ObjectNode rolloutPage = page("base-rollout", reports.resolve("base-rollout"), null);
    ((ArrayNode) rolloutPage.get("expectTexts"))
        .add("jdbc.queryForObject(\"SELECT nickname FROM users WHERE id = ?\"")
        .add("HEAD:src/main/java/com/acme/users/UserController.java:");
    pages.add(rolloutPage);

    Path hostile = temp.resolve("hostile");
    HostileRepo.write(hostile);
    Path hostileOut = reports.resolve("hostile");
    run(
        hostileOut,
        "check",
        "--migration",
        hostile.resolve(HostileRepo.PROPOSED).toString(),
        hostile);
    ObjectNode hostilePage = page("hostile-names", hostileOut, "javascript:alert(1)");
    ArrayNode texts = (ArrayNode) hostilePage.get("expectTexts");
    for (String text :
        List.of(
            HostileRepo.SQL_SCRIPT_END,
            HostileRepo.SQL_ATTRIBUTE_BREAK,
            HostileRepo.ATTRIBUTE_BREAK,
            HostileRepo.JAVASCRIPT_URL,
            shown(HostileRepo.RTL),
            HostileRepo.EMOJI,
            "more characters")) {
      texts.add(text);
    }
    pages.add(hostilePage);

    ObjectNode spec = JSON.createObjectNode();
    spec.put("playwrightCore", tools.playwrightCore().toString());
    spec.put("chromium", tools.chromium().toString());
    spec.put("screenshots", target.resolve("screenshots").toString());
    spec.put("userDataDir", temp.resolve("chromium-profile").toString());
    spec.set("pages", pages);
    Path specFile = temp.resolve("spec.json");
    Files.writeString(specFile, JSON.writeValueAsString(spec), StandardCharsets.UTF_8);

    Path script = TestPaths.repo().resolve("analyzer/src/test/js/report-browser-check.cjs");
    Process node =
        new ProcessBuilder("node", script.toString(), specFile.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean finished = node.waitFor(5, TimeUnit.MINUTES);
    System.out.print(output);
    assertThat(finished).as("the browser check did not finish in 5 minutes:\n%s", output).isTrue();
    assertThat(node.exitValue())
        .as(
            "the browser check failed (screenshots in %s):\n%s",
            target.resolve("screenshots"), output)
        .isZero();
    assertThat(output).contains("all " + pages.size() + " pages passed");
  }

  /** Runs the CLI, writing HTML and JSON into {@code out}. */
  private static void run(Path out, String command, Object... args) {
    String[] argv = new String[args.length + 5];
    argv[0] = command;
    argv[1] = "--format";
    argv[2] = "html,json";
    argv[3] = "--output";
    argv[4] = out + "/";
    for (int i = 0; i < args.length; i++) {
      argv[i + 5] = args[i].toString();
    }
    Cli.Result result = Cli.run(argv);
    assertThat(result.exitCode()).as("%s", result).isIn(0, 4, 5);
  }

  /**
   * A page to check: every rule id, column and suppression reason of the JSON report must be shown;
   * the first finding, the first suppressed finding and the first column in a finding (else the
   * first column) are deep-linked.
   */
  private static ObjectNode page(String name, Path out, String search) throws IOException {
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    ObjectNode page = JSON.createObjectNode();
    page.put("name", name);
    page.put("file", out.resolve("report.html").toAbsolutePath().toString());
    page.put("expectGraph", report.path("columns").size() > 0);
    ArrayNode texts = page.putArray("expectTexts");
    ArrayNode links = page.putArray("deepLinks");
    for (JsonNode finding : report.path("findings")) {
      texts.add(finding.path("ruleId").asText());
    }
    if (report.path("findings").size() > 0) {
      links.add("finding-1");
    }
    for (JsonNode waived : report.path("suppressed")) {
      texts.add(waived.path("ruleId").asText());
      if (!waived.path("suppressedBy").path("reason").asText().isEmpty()) {
        texts.add(waived.path("suppressedBy").path("reason").asText());
      }
    }
    if (report.path("suppressed").size() > 0) {
      links.add("suppressed-1");
    }
    boolean columnLinked = false;
    for (JsonNode column : report.path("columns")) {
      String display = displayName(column);
      texts.add(shown(display));
      if (!columnLinked) {
        links.add("column-" + display);
        columnLinked = true;
      }
    }
    if (search != null) {
      page.put("search", search.contains(".") ? search : firstColumnContaining(report, search));
    }
    return page;
  }

  private static String firstColumnContaining(JsonNode report, String text) {
    for (JsonNode column : report.path("columns")) {
      if (displayName(column).contains(text)) {
        return displayName(column);
      }
    }
    throw new IllegalStateException("no column contains " + text);
  }

  private static String displayName(JsonNode column) {
    String schema = column.path("schema").asText();
    return (schema.equals("public") ? "" : schema + ".")
        + column.path("table").asText()
        + "."
        + column.path("column").asText();
  }

  /** How the page shows a name: controls as U+XXXX badges, long names cut to 120 characters. */
  private static String shown(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .limit(name.codePointCount(0, name.length()) > LONG_NAME ? 120 : Long.MAX_VALUE)
        .forEach(
            c -> {
              boolean control =
                  c < 0x20 && c != '\t' && c != '\n'
                      || c >= 0x7f && c <= 0x9f
                      || c == 0x61c
                      || c == 0x200e
                      || c == 0x200f
                      || c >= 0x202a && c <= 0x202e
                      || c >= 0x2066 && c <= 0x2069;
              out.append(control ? String.format("U+%04X", c) : new String(Character.toChars(c)));
            });
    return out.toString();
  }
}
