package dev.blastradius.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every rule bundled in the jar under {@code rules/<pack>/<id>.yaml} + {@code <id>.md}, sorted by
 * pack and id. Loaded once; a malformed bundled rule is a bug of ours, so it fails loudly.
 */
public final class RuleCatalog {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final TypeReference<LinkedHashMap<String, Object>> PARAMS =
      new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, List<String>>> EQUIVALENTS =
      new TypeReference<>() {};

  private static volatile RuleCatalog bundled;

  private final List<RuleMetadata> rules;

  private RuleCatalog(List<RuleMetadata> rules) {
    this.rules =
        rules.stream()
            .sorted(Comparator.comparing(RuleMetadata::pack).thenComparing(RuleMetadata::id))
            .toList();
  }

  /** The rules shipped with blastradius. */
  public static RuleCatalog bundled() {
    RuleCatalog catalog = bundled;
    if (catalog == null) {
      synchronized (RuleCatalog.class) {
        if (bundled == null) {
          bundled = load();
        }
        catalog = bundled;
      }
    }
    return catalog;
  }

  /** All rules, sorted by pack then id. */
  public List<RuleMetadata> rules() {
    return rules;
  }

  /** One rule by id. */
  public Optional<RuleMetadata> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * The catalogue with the user's levels: a rule given a level takes it, a rule given none ({@code
   * off}) is left out.
   */
  public RuleCatalog withLevels(Map<String, Optional<Level>> levels) {
    if (levels.isEmpty()) {
      return this;
    }
    List<RuleMetadata> adjusted = new ArrayList<>();
    for (RuleMetadata rule : rules) {
      Optional<Level> level = levels.get(rule.id());
      if (level == null) {
        adjusted.add(rule);
      } else {
        level.ifPresent(l -> adjusted.add(rule.withSeverity(l)));
      }
    }
    return new RuleCatalog(adjusted);
  }

  /** The packs, sorted: the directories under {@code rules/}. */
  public List<String> packs() {
    return rules.stream().map(RuleMetadata::pack).distinct().sorted().toList();
  }

  /** The rules of the given packs, in catalogue order; every rule when {@code packs} is empty. */
  public List<RuleMetadata> rules(Set<String> packs) {
    return rules.stream().filter(r -> packs.isEmpty() || packs.contains(r.pack())).toList();
  }

  /** Instances of every rule, in catalogue order. */
  public List<Rule> instantiate() {
    return instantiate(Set.of());
  }

  /** Instances of the rules of the given packs (all when empty), in catalogue order. */
  public List<Rule> instantiate(Set<String> packs) {
    List<Rule> instances = new ArrayList<>();
    for (RuleMetadata metadata : rules(packs)) {
      instances.add(
          RuleImplementations.create(metadata)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "rule " + metadata.id() + " names unknown impl " + metadata.impl())));
    }
    return instances;
  }

  private static RuleCatalog load() {
    URL root = RuleCatalog.class.getResource("/rules");
    if (root == null) {
      throw new IllegalStateException("rules/ is missing from the classpath; the jar is broken");
    }
    try {
      URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = openJar(uri)) {
          return new RuleCatalog(read(jar.getPath("/rules")));
        } catch (FileSystemAlreadyExistsException e) {
          return new RuleCatalog(read(FileSystems.getFileSystem(uri).getPath("/rules")));
        }
      }
      return new RuleCatalog(read(Path.of(uri)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled rules", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad rules URI " + root, e);
    }
  }

  private static FileSystem openJar(URI uri) throws IOException {
    return FileSystems.newFileSystem(uri, Map.of());
  }

  /** Reads every {@code <pack>/<id>.yaml} with its {@code .md} under {@code directory}. */
  static List<RuleMetadata> read(Path directory) throws IOException {
    List<RuleMetadata> rules = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory, 2)) {
      for (Path yaml :
          files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
        if (yaml.getParent().equals(directory)) {
          continue;
        }
        rules.add(parse(yaml));
      }
    }
    return rules;
  }

  private static RuleMetadata parse(Path yaml) throws IOException {
    String file = yaml.getFileName().toString();
    String id = file.substring(0, file.length() - ".yaml".length());
    String pack = yaml.getParent().getFileName().toString();
    Path markdown = yaml.resolveSibling(id + ".md");
    String documentation =
        Files.exists(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
    JsonNode node = YAML.readTree(Files.readString(yaml, StandardCharsets.UTF_8));
    Map<String, Object> params =
        node.has("params") ? YAML.convertValue(node.get("params"), PARAMS) : Map.of();
    Map<String, List<String>> equivalents =
        node.has("equivalents")
            ? YAML.convertValue(node.get("equivalents"), EQUIVALENTS)
            : Map.of();
    List<String> tags = new ArrayList<>();
    node.path("tags").forEach(t -> tags.add(t.asText()));
    return new RuleMetadata(
        text(node, "id", yaml),
        pack,
        text(node, "title", yaml),
        Level.fromName(text(node, "severity", yaml)),
        text(node, "since", yaml),
        text(node, "impl", yaml),
        params,
        text(node, "message", yaml),
        tags,
        equivalents,
        documentation);
  }

  private static String text(JsonNode node, String field, Path yaml) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode()) {
      throw new IllegalStateException(yaml + ": missing field '" + field + "'");
    }
    return value.asText();
  }
}
