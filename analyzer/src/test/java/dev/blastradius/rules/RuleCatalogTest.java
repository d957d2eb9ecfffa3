package dev.blastradius.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.blastradius.testing.Marker;
import dev.blastradius.testing.MarkerParser;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule catalogue is complete and consistent (DESIGN §5). */
class RuleCatalogTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final RuleCatalog catalog = RuleCatalog.bundled();
  private final Path rules = TestPaths.repo().resolve("rules");

  @Test
  void everyYamlMatchesTheSchemaAndItsFileStem() throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(rules.resolve("rule.schema.json")), InputFormat.JSON);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rules, 2)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSize(catalog.rules().size());
    for (Path file : files) {
      JsonNode yaml = YAML.readTree(file.toFile());
      List<Error> errors = schema.validate(yaml);
      assertThat(errors).as("%s against rule.schema.json", file).isEmpty();
      String stem = file.getFileName().toString().replace(".yaml", "");
      assertThat(yaml.path("id").asText()).as("id of %s", file).isEqualTo(stem);
    }
  }

  @Test
  void theCompiledCatalogueIsTheYamlRules() throws IOException {
    // The build compiles rules/ into RuleCatalog.COMPILED; a run reads only that.
    List<RuleMetadata> fromYaml =
        RuleCatalog.read(rules).stream()
            .sorted(
                java.util.Comparator.comparing(RuleMetadata::pack).thenComparing(RuleMetadata::id))
            .toList();
    assertThat(catalog.rules()).isEqualTo(fromYaml);
    assertThat(catalog.rules()).isNotEmpty();
    // The resource on the classpath is exactly what the sources compile to (no stale build).
    try (var in = RuleCatalog.class.getResourceAsStream(RuleCatalog.COMPILED)) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(RuleCatalog.compile(rules));
    }
  }

  @Test
  void idsAreUniqueAndDocsHaveTheThreeSections() {
    Set<String> ids = new HashSet<>();
    for (RuleMetadata rule : catalog.rules()) {
      assertThat(ids.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
      assertThat(rule.documentation())
          .as("docs of %s", rule.id())
          .startsWith("# " + rule.id() + "\n")
          .contains("\n## Problem\n", "\n## Safe alternative\n", "\n## Example\n");
    }
  }

  @Test
  void everyRuleInstantiatesAndFillsEveryPlaceholderOfItsMessage() {
    for (Rule rule : catalog.instantiate()) {
      assertThat(rule.placeholders())
          .as("placeholders of %s's message", rule.metadata().id())
          .containsAll(MessageTemplate.placeholders(rule.metadata().message()));
    }
  }

  /** The tag of rules that compare the code at {@code check --base REV} with the working tree. */
  private static final String NEEDS_BASE = "needs-base";

  /**
   * Fixtures that may exercise {@code needs-base} rules in place of a sample: those rules need a
   * git history, which a sample (a plain directory {@code SamplesTest} runs {@code check} on)
   * cannot carry. Each fixture builds the history from text blocks, runs {@code check --base}
   * through the CLI and checks its markers as strictly as a sample's.
   */
  private static final List<String> BASE_FIXTURES =
      List.of("analyzer/src/test/java/dev/blastradius/testing/BaseRolloutRepo.java");

  @Test
  void everyRuleIsExercisedByAFindingMarkerInSomeSample() throws IOException {
    Set<String> exercised = new HashSet<>();
    for (String fixture : BASE_FIXTURES) {
      String text = Files.readString(TestPaths.repo().resolve(fixture));
      for (String leader : List.of("--", "//")) {
        for (Marker marker : MarkerParser.parse(text, leader)) {
          marker.facts().stream()
              .filter(f -> f.kind().equals("finding"))
              .map(f -> f.subject())
              .filter(id -> catalog.rule(id).map(r -> r.tags().contains(NEEDS_BASE)).orElse(false))
              .forEach(exercised::add);
        }
      }
    }
    try (Stream<Path> walk = Files.walk(TestPaths.samples())) {
      for (Path file :
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.toString().contains("/expected/"))
              .toList()) {
        String leader =
            file.toString().endsWith(".sql")
                ? "--"
                : file.toString().endsWith(".java") ? "//" : "#";
        for (Marker marker : MarkerParser.parse(Files.readString(file), leader)) {
          marker.facts().stream()
              .filter(f -> f.kind().equals("finding"))
              .forEach(f -> exercised.add(f.subject()));
        }
      }
    }
    Set<String> ids = new HashSet<>();
    catalog.rules().forEach(r -> ids.add(r.id()));
    assertThat(exercised)
        .as(
            "rules with an expect: finding marker in samples/ (needs-base rules: or in %s)",
            BASE_FIXTURES)
        .containsAll(ids);
  }

  @Test
  void theReadmeIndexListsEveryRule() throws IOException {
    String readme = Files.readString(rules.resolve("README.md"));
    for (RuleMetadata rule : catalog.rules()) {
      assertThat(readme)
          .as("rules/README.md index")
          .contains(
              "| ["
                  + rule.id()
                  + "]("
                  + rule.pack()
                  + "/"
                  + rule.id()
                  + ".md) | "
                  + rule.pack()
                  + " | "
                  + rule.severity().jsonName()
                  + " |");
    }
  }
}
