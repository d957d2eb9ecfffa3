package dev.blastradius.lang.ops.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the dbt project a SQL file belongs to: the nearest enclosing directory with a {@code
 * dbt_project.yml} among the discovered files. Each project's YAML is read once per run (the
 * projects are kept for the last {@link ExtractContext} seen) and shared by the threads that
 * extract its models.
 */
public final class DbtProjects {

  /** The name of a dbt project file. */
  public static final String PROJECT_FILE = "dbt_project.yml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ExtractContext indexed;
  private Map<String, SourceFile> projectFiles = Map.of();
  private final Map<String, DbtProject> projects = new HashMap<>();

  /** The project of {@code file}, if it lies inside one. */
  synchronized Optional<DbtProject> projectOf(SourceFile file, ExtractContext context) {
    if (indexed != context) {
      indexed = context;
      projects.clear();
      projectFiles = new HashMap<>();
      for (SourceFile f : context.files()) {
        if (f.fileName().equals(PROJECT_FILE)) {
          projectFiles.put(parent(f.path()), f);
        }
      }
    }
    if (projectFiles.isEmpty()) {
      return Optional.empty();
    }
    for (String dir = parent(file.path()); ; dir = parent(dir)) {
      SourceFile projectFile = projectFiles.get(dir);
      if (projectFile != null) {
        String key = dir;
        return Optional.of(projects.computeIfAbsent(key, d -> load(d, projectFile, context)));
      }
      if (dir.isEmpty()) {
        return Optional.empty();
      }
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static DbtProject load(String dir, SourceFile projectFile, ExtractContext context) {
    List<String> errors = new ArrayList<>();
    JsonNode project = readYaml(projectFile, errors);
    List<String> modelPaths = new ArrayList<>(paths(project, "model-paths", "models"));
    modelPaths.addAll(paths(project, "source-paths", null));
    modelPaths.addAll(paths(project, "analysis-paths", "analyses"));
    modelPaths.addAll(paths(project, "snapshot-paths", "snapshots"));
    List<String> testPaths = paths(project, "test-paths", "tests");
    List<String> macroPaths = paths(project, "macro-paths", "macros");
    Map<String, String> sources = new HashMap<>();
    Map<String, SourceFile> models = new HashMap<>();
    String prefix = dir.isEmpty() ? "" : dir + "/";
    for (SourceFile f : context.files()) {
      String name = f.fileName();
      if (!f.path().startsWith(prefix)
          || !DbtProject.under(f.path().substring(prefix.length()), modelPaths)) {
        continue;
      }
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        sources(readYaml(f, errors), sources);
      } else if (name.endsWith(".sql")) {
        // The first by path wins, as files are sorted; dbt itself rejects duplicate names.
        models.putIfAbsent(name.substring(0, name.length() - ".sql".length()), f);
      }
    }
    return new DbtProject(dir, modelPaths, testPaths, macroPaths, sources, models, errors);
  }

  /** The list under {@code key}, or the default when absent. */
  private static List<String> paths(JsonNode project, String key, String fallback) {
    JsonNode value = project.path(key);
    if (!value.isArray()) {
      return fallback == null ? List.of() : List.of(fallback);
    }
    List<String> paths = new ArrayList<>();
    value.forEach(v -> paths.add(v.asText()));
    return paths;
  }

  /** Adds the tables of a {@code sources:} list. */
  private static void sources(JsonNode yaml, Map<String, String> into) {
    for (JsonNode source : yaml.path("sources")) {
      String name = source.path("name").asText("");
      String schema = source.path("schema").asText("");
      for (JsonNode table : source.path("tables")) {
        String tableName = table.path("name").asText("");
        String identifier = table.path("identifier").asText(tableName);
        if (!name.isEmpty() && !tableName.isEmpty()) {
          into.put(
              DbtProject.sourceKey(name, tableName),
              schema.isEmpty() ? identifier : schema + "." + identifier);
        }
      }
    }
  }

  private static JsonNode readYaml(SourceFile file, List<String> errors) {
    try {
      String text = Files.readString(file.absolutePath(), StandardCharsets.UTF_8);
      JsonNode node = YAML.readTree(text);
      return node == null ? YAML.createObjectNode() : node;
    } catch (IOException | RuntimeException e) {
      String reason =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      errors.add(file.path() + " could not be read: " + reason);
      return YAML.createObjectNode();
    }
  }
}
