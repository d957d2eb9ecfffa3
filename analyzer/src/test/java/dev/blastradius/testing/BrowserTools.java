package dev.blastradius.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the browser test needs outside the JVM: {@code node}, the npm package {@code
 * playwright-core} at {@link #PLAYWRIGHT_VERSION} (it drives the browser; it downloads none), and
 * Chromium from the system's packages. {@code .ci/run} installs all three. Locally a missing tool
 * skips the test; with {@code CI=true} it fails, naming what to install.
 *
 * @param playwrightCore the {@code playwright-core} package directory
 * @param chromium the Chromium executable
 */
public record BrowserTools(Path playwrightCore, Path chromium) {

  /** The pinned playwright-core version; {@code .ci/run} installs the same. */
  public static final String PLAYWRIGHT_VERSION = "1.56.1";

  /** Overrides the playwright-core package directory. */
  public static final String PLAYWRIGHT_ENV = "BLASTRADIUS_PLAYWRIGHT_CORE";

  /** Overrides the Chromium executable (default {@code /usr/bin/chromium}). */
  public static final String CHROMIUM_ENV = "BLASTRADIUS_CHROMIUM";

  /** Finds the tools, or skips (locally) / fails (in CI) naming what is missing. */
  public static BrowserTools locate() {
    List<String> missing = new ArrayList<>();
    if (!nodeRuns()) {
      missing.add("node (apt-get install nodejs npm)");
    }
    Path playwright = defaultPlaywrightCore();
    if (!installedVersion(playwright).equals(PLAYWRIGHT_VERSION)) {
      missing.add(
          "playwright-core "
              + PLAYWRIGHT_VERSION
              + " at "
              + playwright
              + " (npm install --prefix "
              + playwright.getParent().getParent()
              + " playwright-core@"
              + PLAYWRIGHT_VERSION
              + ", or set "
              + PLAYWRIGHT_ENV
              + ")");
    }
    Path chromium = Path.of(envOr(CHROMIUM_ENV, "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      missing.add(
          "Chromium at " + chromium + " (apt-get install chromium, or set " + CHROMIUM_ENV + ")");
    }
    if (!missing.isEmpty()) {
      String message = "browser test needs: " + String.join("; ", missing);
      if (TestPaths.inCi()) {
        fail(message + ". CI must not skip it: .ci/run installs these.");
      }
      Assumptions.abort(message);
    }
    return new BrowserTools(playwright, chromium);
  }

  /** {@code $BLASTRADIUS_PLAYWRIGHT_CORE}, else the cache directory {@code .ci/run} installs to. */
  static Path defaultPlaywrightCore() {
    String configured = System.getenv(PLAYWRIGHT_ENV);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String cache = envOr("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
    return Path.of(
        cache,
        "blastradius",
        "playwright-core-" + PLAYWRIGHT_VERSION,
        "node_modules",
        "playwright-core");
  }

  private static String installedVersion(Path packageDir) {
    Path manifest = packageDir.resolve("package.json");
    try {
      return Files.isRegularFile(manifest)
          ? new ObjectMapper().readTree(manifest.toFile()).path("version").asText("")
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static boolean nodeRuns() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node.getInputStream().readAllBytes();
      return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
