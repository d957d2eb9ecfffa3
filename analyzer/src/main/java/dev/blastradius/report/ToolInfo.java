package dev.blastradius.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's name, version and home page, as shown in every report. */
public final class ToolInfo {

  public static final String NAME = "blastradius";
  public static final String INFORMATION_URI = "https://github.com/blastradius-dev/blastradius";

  private static final String VERSION = loadVersion();

  private ToolInfo() {}

  /** The version from the build, e.g. {@code 0.1.0}. */
  public static String version() {
    return VERSION;
  }

  private static String loadVersion() {
    try (InputStream in = ToolInfo.class.getResourceAsStream("/blastradius-version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "blastradius-version.properties is missing; the build is broken");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
