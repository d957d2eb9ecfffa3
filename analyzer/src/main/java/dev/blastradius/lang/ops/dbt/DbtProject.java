package dev.blastradius.lang.ops.dbt;

import dev.blastradius.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dbt project: the directory of its {@code dbt_project.yml}, its model, test and macro paths, and
 * the tables its {@code sources:} declare.
 *
 * @param dir the project directory relative to the scan root, "" for the root itself
 * @param modelPaths {@code model-paths} (also {@code analysis-paths}, {@code snapshot-paths}):
 *     their SQL files are models, read by dashboards
 * @param testPaths {@code test-paths}: data tests
 * @param macroPaths {@code macro-paths}: macros, which access nothing until a model calls them
 * @param sources {@code source name/table name} to the table it names ({@code identifier} wins over
 *     the table name; qualified by the source's {@code schema} when it has one)
 * @param models model name (file name without {@code .sql}) to its file, for {@code ref}
 * @param errors why a YAML file of the project could not be read
 */
record DbtProject(
    String dir,
    List<String> modelPaths,
    List<String> testPaths,
    List<String> macroPaths,
    Map<String, String> sources,
    Map<String, SourceFile> models,
    List<String> errors) {

  /** What a SQL file of the project is. */
  enum Role {
    MODEL,
    TEST,
    MACRO
  }

  DbtProject {
    modelPaths = List.copyOf(modelPaths);
    testPaths = List.copyOf(testPaths);
    macroPaths = List.copyOf(macroPaths);
    sources = Map.copyOf(sources);
    models = Map.copyOf(models);
    errors = List.copyOf(errors);
  }

  /** The key of a source table in {@link #sources()}. */
  static String sourceKey(String source, String table) {
    return source + "/" + table;
  }

  /** The table that {@code source(source, table)} names. */
  Optional<String> source(String source, String table) {
    return Optional.ofNullable(sources.get(sourceKey(source, table)));
  }

  /** The path of a file relative to the project directory. */
  String relative(String path) {
    return dir.isEmpty() ? path : path.substring(dir.length() + 1);
  }

  /** The role of a SQL file of the project; files outside the known paths are models. */
  Role role(String path) {
    String relative = relative(path);
    if (under(relative, macroPaths)) {
      return Role.MACRO;
    }
    return under(relative, testPaths) ? Role.TEST : Role.MODEL;
  }

  /** Whether a project-relative path is inside one of {@code paths}. */
  static boolean under(String relative, List<String> paths) {
    return paths.stream().anyMatch(p -> relative.startsWith(trimmed(p) + "/"));
  }

  private static String trimmed(String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
