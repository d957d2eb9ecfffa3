package dev.blastradius.lang.ts;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves module specifiers to files of the repository the way TypeScript and Node do for code
 * that is ours: relative paths with extension and {@code index} probing ({@code ./db.js} also finds
 * {@code db.ts}), {@code tsconfig.json}/{@code jsconfig.json} {@code paths} aliases and {@code
 * baseUrl} (the nearest config above the importing file, following {@code extends}), and workspace
 * packages by their {@code package.json} name. Packages from {@code node_modules} are not ours and
 * resolve to nothing.
 */
final class ModuleResolver {

  private static final List<String> EXTENSIONS =
      List.of(".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();

  /** A config's aliases: pattern → targets, relative to the repository root. */
  private record Config(String dir, Map<String, List<String>> paths, String baseUrl) {}

  private final Set<String> files;
  private final Map<String, SourceFile> configFiles = new HashMap<>();
  private final Map<String, Optional<Config>> configs = new HashMap<>();
  private final Map<String, String> packages = new HashMap<>();
  private final Map<String, Optional<String>> cache = new HashMap<>();

  ModuleResolver(Set<String> codeFiles, List<SourceFile> allFiles) {
    this.files = codeFiles;
    for (SourceFile file : allFiles) {
      String name = file.fileName();
      if (name.equals("tsconfig.json") || name.equals("jsconfig.json")) {
        configFiles.put(file.path(), file);
      } else if (name.equals("package.json")) {
        readJson(file)
            .map(json -> json.path("name").asText(""))
            .filter(n -> !n.isEmpty())
            .ifPresent(n -> packages.putIfAbsent(n, dir(file.path())));
      }
    }
  }

  /** The repository file {@code specifier} names from {@code importer}, if it is ours. */
  Optional<String> resolve(String importer, String specifier) {
    String key = dir(importer) + "\n" + specifier;
    return cache.computeIfAbsent(key, k -> lookup(importer, specifier));
  }

  private Optional<String> lookup(String importer, String specifier) {
    if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.equals(".")) {
      return probe(join(dir(importer), specifier));
    }
    Optional<Config> config = config(dir(importer));
    if (config.isPresent()) {
      Optional<String> aliased = alias(config.get(), specifier);
      if (aliased.isPresent()) {
        return aliased;
      }
    }
    return workspacePackage(specifier);
  }

  private Optional<String> alias(Config config, String specifier) {
    for (Map.Entry<String, List<String>> entry : config.paths().entrySet()) {
      String pattern = entry.getKey();
      int star = pattern.indexOf('*');
      String matched;
      if (star < 0) {
        matched = pattern.equals(specifier) ? "" : null;
      } else {
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        matched =
            specifier.startsWith(prefix)
                    && specifier.endsWith(suffix)
                    && specifier.length() >= prefix.length() + suffix.length()
                ? specifier.substring(prefix.length(), specifier.length() - suffix.length())
                : null;
      }
      if (matched == null) {
        continue;
      }
      for (String target : entry.getValue()) {
        Optional<String> found = probe(target.replace("*", matched));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return config.baseUrl() == null ? Optional.empty() : probe(join(config.baseUrl(), specifier));
  }

  private Optional<String> workspacePackage(String specifier) {
    for (Map.Entry<String, String> entry : packages.entrySet()) {
      String name = entry.getKey();
      if (specifier.equals(name)) {
        return probe(join(entry.getValue(), "src/index"))
            .or(() -> probe(join(entry.getValue(), "index")));
      }
      if (specifier.startsWith(name + "/")) {
        String rest = specifier.substring(name.length() + 1);
        return probe(join(entry.getValue(), rest))
            .or(() -> probe(join(entry.getValue(), "src/" + rest)));
      }
    }
    return Optional.empty();
  }

  /** The file a path names, trying TypeScript's extensions and {@code index} files. */
  private Optional<String> probe(String base) {
    if (base == null) {
      return Optional.empty();
    }
    if (files.contains(base)) {
      return Optional.of(base);
    }
    for (String extension : EXTENSIONS) {
      if (files.contains(base + extension)) {
        return Optional.of(base + extension);
      }
    }
    // ESM TypeScript imports name the emitted file: './db.js' is './db.ts'.
    for (String emitted : List.of(".js", ".jsx", ".mjs", ".cjs")) {
      if (base.endsWith(emitted)) {
        String stem = base.substring(0, base.length() - emitted.length());
        for (String extension : List.of(".ts", ".tsx", ".mts", ".cts")) {
          if (files.contains(stem + extension)) {
            return Optional.of(stem + extension);
          }
        }
      }
    }
    for (String extension : EXTENSIONS) {
      String index = (base.isEmpty() ? "" : base + "/") + "index" + extension;
      if (files.contains(index)) {
        return Optional.of(index);
      }
    }
    return Optional.empty();
  }

  /** The nearest tsconfig.json or jsconfig.json at or above {@code dir}. */
  private Optional<Config> config(String dir) {
    Optional<Config> known = configs.get(dir);
    if (known != null) {
      return known;
    }
    Optional<Config> found = Optional.empty();
    for (String name : List.of("tsconfig.json", "jsconfig.json")) {
      SourceFile file = configFiles.get(dir.isEmpty() ? name : dir + "/" + name);
      if (file != null) {
        found = Optional.of(readConfig(file, 0));
        break;
      }
    }
    if (found.isEmpty() && !dir.isEmpty()) {
      found = config(parent(dir));
    }
    configs.put(dir, found);
    return found;
  }

  private Config readConfig(SourceFile file, int depth) {
    String dir = dir(file.path());
    JsonNode options = readJson(file).map(j -> j.path("compilerOptions")).orElse(null);
    Config inherited = null;
    Optional<JsonNode> json = readJson(file);
    String extended = json.map(j -> j.path("extends").asText("")).orElse("");
    if (!extended.isEmpty() && depth < 4 && extended.startsWith(".")) {
      String target = join(dir, extended.endsWith(".json") ? extended : extended + ".json");
      SourceFile parentFile = configFiles.get(target);
      if (parentFile != null) {
        inherited = readConfig(parentFile, depth + 1);
      }
    }
    String baseUrl = inherited == null ? null : inherited.baseUrl();
    Map<String, List<String>> paths =
        new HashMap<>(inherited == null ? Map.of() : inherited.paths());
    if (options != null && options.has("baseUrl")) {
      baseUrl = join(dir, options.path("baseUrl").asText("."));
    }
    if (options != null && options.has("paths")) {
      paths.clear();
      String pathsBase = baseUrl == null ? dir : baseUrl;
      Iterator<Map.Entry<String, JsonNode>> fields = options.path("paths").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        List<String> targets = new ArrayList<>();
        entry.getValue().forEach(t -> targets.add(join(pathsBase, t.asText())));
        paths.put(entry.getKey(), targets);
      }
    }
    return new Config(dir, paths, baseUrl);
  }

  private static Optional<JsonNode> readJson(SourceFile file) {
    try {
      return Optional.ofNullable(JSON.readTree(SourceText.read(file).text()));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The directory of a path, "" at the root. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String parent(String dir) {
    return dir(dir);
  }

  /** {@code base/relative}, normalised; null when it climbs above the root. */
  static String join(String base, String relative) {
    if (base == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (!relative.startsWith("/")) {
      for (String part : base.split("/")) {
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
    }
    for (String part : relative.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
