package dev.blastradius.lang.ts;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Node project's configuration says about entry points, read once per run: Vercel cron paths
 * ({@code vercel.json} {@code crons}), the files {@code package.json} scripts run, the files
 * scheduled GitHub Actions workflows run, and whether the project is a Vite single-page app.
 */
public final class ProjectFiles {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();

  private static final ObjectMapper YAML = new YAMLMapper();

  /** Runners whose first file argument is the script they run. */
  private static final List<String> RUNNERS =
      List.of(
          "node",
          "tsx",
          "ts-node",
          "ts-node-esm",
          "bun",
          "deno",
          "esno",
          "vite-node",
          "babel-node");

  /**
   * The last run's configuration, keyed by the identity of its file list: a context's hash code
   * covers every file and the catalog, far too dear to compute once per file.
   */
  private static final Object LOCK = new Object();

  private static WeakReference<List<SourceFile>> lastFiles = new WeakReference<>(null);
  private static ProjectFiles last;

  /** Vercel cron route path → schedule. */
  private final Map<String, String> vercelCrons = new LinkedHashMap<>();

  /** A file run by a package.json script → the script's name. */
  private final Map<String, String> scripts = new LinkedHashMap<>();

  /** A file run by a scheduled workflow → {@code workflow (cron)}. */
  private final Map<String, String> scheduledScripts = new LinkedHashMap<>();

  private final List<String> viteRoots = new ArrayList<>();

  private ProjectFiles(List<SourceFile> files) {
    Map<String, Map<String, String>> packageScripts = new LinkedHashMap<>();
    for (SourceFile file : files) {
      String name = file.fileName();
      String dir = ModuleResolver.dir(file.path());
      if (name.equals("vercel.json")) {
        read(JSON, file)
            .ifPresent(
                json ->
                    json.path("crons")
                        .forEach(
                            c ->
                                vercelCrons.put(
                                    c.path("path").asText("").replaceAll("\\?.*", ""),
                                    c.path("schedule").asText(""))));
      } else if (name.equals("package.json")) {
        read(JSON, file).ifPresent(json -> packageScripts.put(dir, scripts(json, dir)));
      } else if (name.startsWith("vite.config.")) {
        viteRoots.add(dir);
      }
    }
    for (SourceFile file : files) {
      if (file.path().contains(".github/workflows/")
          && (file.path().endsWith(".yml") || file.path().endsWith(".yaml"))) {
        read(YAML, file).ifPresent(y -> workflow(file, y, packageScripts));
      }
    }
  }

  /** The project configuration of a run. */
  public static ProjectFiles of(ExtractContext context) {
    synchronized (LOCK) {
      if (lastFiles.get() != context.files() || last == null) {
        last = new ProjectFiles(context.files());
        lastFiles = new WeakReference<>(context.files());
      }
      return last;
    }
  }

  /** The schedule of a Vercel cron that calls {@code routePath}, if one does. */
  public Optional<String> vercelCron(String routePath) {
    return Optional.ofNullable(vercelCrons.get(routePath));
  }

  /** The package.json script that runs {@code path}, if one does. */
  public Optional<String> script(String path) {
    return Optional.ofNullable(scripts.get(path));
  }

  /** The scheduled workflow that runs {@code path}, if one does. */
  public Optional<String> scheduledWorkflow(String path) {
    return Optional.ofNullable(scheduledScripts.get(path));
  }

  /** Whether {@code path} is source of a Vite app (a {@code src/} next to a vite.config). */
  public boolean viteSource(String path) {
    for (String root : viteRoots) {
      String src = root.isEmpty() ? "src/" : root + "/src/";
      if (path.startsWith(src)) {
        return true;
      }
    }
    return false;
  }

  /** Each script's files, and the script names for {@code npm run}. */
  private Map<String, String> scripts(JsonNode json, String dir) {
    Map<String, String> commands = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = json.path("scripts").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      commands.put(entry.getKey(), entry.getValue().asText(""));
      for (String file : filesRun(entry.getValue().asText(""), dir)) {
        scripts.putIfAbsent(file, "npm run " + entry.getKey());
      }
    }
    return commands;
  }

  private void workflow(
      SourceFile file, JsonNode yaml, Map<String, Map<String, String>> packageScripts) {
    // YAML 1.1 reads an unquoted `on` key as true.
    JsonNode on = yaml.has("on") ? yaml.path("on") : yaml.path("true");
    JsonNode schedule = on.path("schedule");
    if (!schedule.isArray() || schedule.isEmpty()) {
      return;
    }
    List<String> crons = new ArrayList<>();
    schedule.forEach(s -> crons.add(s.path("cron").asText("")));
    String label = file.fileName() + " (cron " + String.join(", ", crons) + ")";
    yaml.path("jobs")
        .forEach(
            job ->
                job.path("steps")
                    .forEach(
                        step -> {
                          String run = step.path("run").asText("");
                          String dir = step.path("working-directory").asText("");
                          for (String line : run.split("\n")) {
                            filesRun(line, dir)
                                .forEach(f -> scheduledScripts.putIfAbsent(f, label));
                            npmScript(line)
                                .map(n -> packageScripts.getOrDefault(dir, Map.of()).get(n))
                                .ifPresent(
                                    c ->
                                        filesRun(c, dir)
                                            .forEach(f -> scheduledScripts.putIfAbsent(f, label)));
                          }
                        }));
  }

  /** {@code npm run x}, {@code pnpm x}, {@code yarn x}: the script name. */
  private static Optional<String> npmScript(String command) {
    List<String> words = List.of(command.strip().split("\\s+"));
    for (int i = 0; i + 1 < words.size(); i++) {
      String word = words.get(i);
      if ((word.equals("npm") || word.equals("pnpm") || word.equals("yarn") || word.equals("bun"))
          && words.get(i + 1).equals("run")
          && i + 2 < words.size()) {
        return Optional.of(words.get(i + 2));
      }
      if ((word.equals("pnpm") || word.equals("yarn")) && !words.get(i + 1).startsWith("-")) {
        return Optional.of(words.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** The source files a shell command runs with a Node runner, relative to the repository. */
  private static List<String> filesRun(String command, String dir) {
    List<String> found = new ArrayList<>();
    for (String part : command.split("&&|;|\\|\\|")) {
      List<String> words = List.of(part.strip().split("\\s+"));
      for (int i = 0; i < words.size(); i++) {
        String runner = words.get(i);
        if (!RUNNERS.contains(runner) && !(runner.equals("npx") || runner.equals("pnpx"))) {
          continue;
        }
        for (int j = i + 1; j < words.size(); j++) {
          String word = words.get(j);
          if (word.startsWith("-") || RUNNERS.contains(word) || word.equals("run")) {
            continue;
          }
          if (word.matches(".*\\.(ts|tsx|js|mjs|cjs|mts|cts|jsx)$")) {
            String path = ModuleResolver.join(dir, word);
            if (path != null) {
              found.add(path);
            }
          }
          break;
        }
      }
    }
    return found;
  }

  private static Optional<JsonNode> read(ObjectMapper mapper, SourceFile file) {
    try {
      return Optional.ofNullable(mapper.readTree(SourceText.read(file).text()));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
