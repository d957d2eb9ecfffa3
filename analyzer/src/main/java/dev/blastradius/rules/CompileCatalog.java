package dev.blastradius.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step that compiles the YAML rules into the catalogue a run loads ({@link
 * RuleCatalog#COMPILED}); Maven runs it at {@code process-classes} (analyzer/pom.xml).
 *
 * <p>Usage: {@code CompileCatalog RULES_DIRECTORY OUTPUT_FILE}
 */
public final class CompileCatalog {

  private CompileCatalog() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CompileCatalog RULES_DIRECTORY OUTPUT_FILE");
    }
    Path output = Path.of(args[1]);
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, RuleCatalog.compile(Path.of(args[0])), StandardCharsets.UTF_8);
  }
}
