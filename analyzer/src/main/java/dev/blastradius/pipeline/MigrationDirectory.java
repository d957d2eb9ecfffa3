package dev.blastradius.pipeline;

import dev.blastradius.lang.migrations.ConfiguredLayout;
import java.util.List;

/**
 * A migration directory configured in {@code blastradius.yaml} ({@code migrations: [{tool,
 * path}]}).
 *
 * @param tool one of {@link #TOOLS}
 * @param path relative to the report root, with {@code /} separators
 */
public record MigrationDirectory(String tool, String path) {

  /** The tools a configured directory may name. */
  public static final List<String> TOOLS = ConfiguredLayout.TOOLS;

  public MigrationDirectory {
    if (!TOOLS.contains(tool)) {
      throw new IllegalArgumentException(
          "unknown migration tool '" + tool + "' (known: " + String.join(", ", TOOLS) + ")");
    }
  }

  ConfiguredLayout layout() {
    return new ConfiguredLayout(tool, path);
  }
}
