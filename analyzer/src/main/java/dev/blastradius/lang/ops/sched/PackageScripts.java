package dev.blastradius.lang.ops.sched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.util.Optional;

/** The {@code scripts} of {@code package.json} files, for {@code npm run x}. */
final class PackageScripts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PackageScripts() {}

  /** A package.json script's command and the directory it runs in. */
  record Script(String command, String directory) {}

  /**
   * The command of script {@code name} in the package.json of {@code directory}, else of the
   * repository root.
   */
  static Optional<Script> command(ExtractContext context, String directory, String name) {
    String own = directory.isEmpty() ? "package.json" : directory + "/package.json";
    for (String path : new String[] {own, "package.json"}) {
      for (SourceFile file : context.files()) {
        if (!file.path().equals(path)) {
          continue;
        }
        try {
          JsonNode script = JSON.readTree(SourceText.read(file).text()).path("scripts").path(name);
          if (script.isTextual()) {
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            return Optional.of(new Script(script.asText(), dir));
          }
        } catch (java.io.IOException | RuntimeException e) {
          return Optional.empty(); // the TS frontend reports unreadable package.json files
        }
      }
    }
    return Optional.empty();
  }
}
