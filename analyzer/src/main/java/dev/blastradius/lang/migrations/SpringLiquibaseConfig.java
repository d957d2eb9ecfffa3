package dev.blastradius.lang.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The master changelogs a project configures: Spring Boot's {@code spring.liquibase.change-log} in
 * {@code application*.properties|yml} (outside {@code src/test}), or {@code changeLogFile} / {@code
 * changelog-file} in Liquibase's own {@code liquibase.properties}. A file that does not parse
 * configures nothing.
 */
final class SpringLiquibaseConfig {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> SPRING_KEYS =
      List.of("spring.liquibase.change-log", "spring.liquibase.changeLog");
  private static final List<String> LIQUIBASE_KEYS =
      List.of("changeLogFile", "changelog-file", "liquibase.command.changelogFile");

  /**
   * One configured master changelog.
   *
   * @param file the configuration file that names it
   * @param value the configured location as written ({@code classpath:db/changelog/main.yaml})
   */
  record Configured(SourceFile file, String value) {}

  private SpringLiquibaseConfig() {}

  /** Every configured master changelog, in file order. */
  static List<Configured> find(List<SourceFile> files, Function<SourceFile, String> text) {
    List<Configured> found = new ArrayList<>();
    for (SourceFile file : files) {
      String name = file.fileName();
      boolean spring = name.startsWith("application") && !file.path().contains("src/test/");
      if (spring && name.endsWith(".properties")) {
        property(properties(text.apply(file)), SPRING_KEYS)
            .ifPresent(v -> found.add(new Configured(file, v)));
      } else if (spring && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
        yaml(text.apply(file)).forEach(v -> found.add(new Configured(file, v)));
      } else if (name.equals("liquibase.properties")) {
        property(properties(text.apply(file)), LIQUIBASE_KEYS)
            .ifPresent(v -> found.add(new Configured(file, v)));
      }
    }
    return found;
  }

  private static Optional<String> property(Properties properties, List<String> keys) {
    for (String key : keys) {
      String value = properties.getProperty(key);
      if (value != null && !value.isBlank() && !value.contains("${")) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }

  private static Properties properties(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable properties file configures nothing.
    }
    return properties;
  }

  private static List<String> yaml(String text) {
    List<String> values = new ArrayList<>();
    try {
      for (JsonNode document : YAML.readValues(YAML.createParser(text), JsonNode.class).readAll()) {
        JsonNode liquibase = document.path("spring").path("liquibase");
        for (String key : List.of("change-log", "changeLog")) {
          JsonNode value = liquibase.path(key);
          if (value.isTextual() && !value.asText().isBlank() && !value.asText().contains("${")) {
            values.add(value.asText().strip());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not YAML we can read: no changelog from it.
    }
    return values;
  }
}
