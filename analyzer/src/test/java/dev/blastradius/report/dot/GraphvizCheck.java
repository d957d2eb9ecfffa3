package dev.blastradius.report.dot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Feeds a DOT file to Graphviz's {@code dot -Tsvg} when it is installed. Locally a missing {@code
 * dot} skips; in CI ({@code .ci/run} installs graphviz) it fails.
 */
final class GraphvizCheck {

  private GraphvizCheck() {}

  /** Fails unless {@code dot} renders the graph without errors or warnings. */
  static void assertRenders(String dot) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(true).start();
    } catch (IOException e) {
      String message = "Graphviz 'dot' is not installed (apt-get install graphviz)";
      if (TestPaths.inCi()) {
        fail(message + "; CI must not skip this check");
      }
      Assumptions.abort(message);
      return;
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write(dot.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("dot finished").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while waiting for dot");
    }
    assertThat(process.exitValue()).as("dot -Tsvg:\n%s", tail(output)).isZero();
    assertThat(output).as("dot warnings").doesNotContain("Warning:", "Error:");
    assertThat(output).contains("</svg>");
  }

  private static String tail(String text) {
    return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
  }
}
