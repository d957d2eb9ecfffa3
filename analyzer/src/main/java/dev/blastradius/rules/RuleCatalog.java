package dev.blastradius.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every rule bundled in the jar, sorted by pack and id. The rules are written as {@code
 * rules/<pack>/<id>.yaml} + {@code <id>.md}; the build compiles them into one JSON file, {@link
 * #COMPILED} ({@link CompileCatalog}, at Maven's {@code process-classes}), which is what a run
 * loads: reading the YAML took about a third of the CPU time of a scan of an empty directory (the
 * YAML parser's start-up, and a zip file system over the jar to list the files). Loaded once; a
 * malformed or missing bundled rule is a bug of ours, so it fails loudly.
 */
public final class RuleCatalog {

  /** The compiled catalogue's resource. */
  static final String COMPILED = "/rules/catalog.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
    try (InputStream in = RuleCatalog.class.getResourceAsStream(COMPILED)) {
      if (in == null) {
        throw new IllegalStateException(
            COMPILED
                + " is missing from the classpath: the jar is broken (Maven writes it at"
                + " process-classes)");
      }
      List<RuleMetadata> rules = new ArrayList<>();
      for (JsonNode rule : JSON.readTree(in)) {
        rules.add(fromJson(rule));
      }
      return new RuleCatalog(rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled rules", e);
    }
  }

  /**
   * The compiled catalogue of the YAML rules under {@code directory}: a JSON array, one object per
   * rule in catalogue order, keys of maps sorted, so the same rules always give the same bytes.
   */
  static String compile(Path directory) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    for (RuleMetadata rule : new RuleCatalog(read(directory)).rules()) {
      ObjectNode node = array.addObject();
      node.put("id", rule.id());
      node.put("pack", rule.pack());
      node.put("title", rule.title());
      node.put("severity", rule.severity().jsonName());
      node.put("since", rule.since());
      node.put("impl", rule.impl());
      node.set("params", JSON.valueToTree(new TreeMap<>(rule.params())));
      node.put("message", rule.message());
      node.set("tags", JSON.valueToTree(rule.tags()));
      node.set("equivalents", JSON.valueToTree(new TreeMap<>(rule.equivalents())));
      node.put("documentation", rule.documentation());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
  }

  private static RuleMetadata fromJson(JsonNode node) {
    List<String> tags = new ArrayList<>();
    node.path("tags").forEach(t -> tags.add(t.asText()));
    return new RuleMetadata(
        node.path("id").asText(),
        node.path("pack").asText(),
        node.path("title").asText(),
        Level.fromName(node.path("severity").asText()),
        node.path("since").asText(),
        node.path("impl").asText(),
        JSON.convertValue(node.path("params"), PARAMS),
        node.path("message").asText(),
        tags,
        JSON.convertValue(node.path("equivalents"), EQUIVALENTS),
        node.path("documentation").asText());
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
    JsonNode node = Yaml.MAPPER.readTree(Files.readString(yaml, StandardCharsets.UTF_8));
    Map<String, Object> params =
        node.has("params") ? Yaml.MAPPER.convertValue(node.get("params"), PARAMS) : Map.of();
    Map<String, List<String>> equivalents =
        node.has("equivalents")
            ? Yaml.MAPPER.convertValue(node.get("equivalents"), EQUIVALENTS)
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

  /** The YAML reader, created only when rules are read from their sources (the build, tests). */
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
