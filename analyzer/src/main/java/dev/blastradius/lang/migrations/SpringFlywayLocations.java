package dev.blastradius.lang.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Migration locations configured for Flyway in Spring Boot's {@code application*.properties|yml}
 * ({@code spring.flyway.locations}) or Flyway's own {@code flyway.conf}-style {@code
 * flyway.locations}: {@code classpath:db/migration,filesystem:sql} → {@code db/migration}, {@code
 * sql}. A file that does not parse adds no location.
 */
final class SpringFlywayLocations {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SpringFlywayLocations() {}

  /** Every configured location (without its {@code classpath:}/{@code filesystem:} prefix). */
  static List<String> find(List<SourceFile> files, Function<SourceFile, String> text) {
    TreeSet<String> locations = new TreeSet<>();
    for (SourceFile file : files) {
      String name = file.fileName();
      boolean spring = name.startsWith("application") && !file.path().contains("src/test/");
      boolean flyway = name.equals("flyway.conf") || name.equals("flyway.properties");
      if (spring && name.endsWith(".properties")) {
        split(properties(text.apply(file)).getProperty("spring.flyway.locations"), locations);
      } else if (flyway) {
        split(properties(text.apply(file)).getProperty("flyway.locations"), locations);
      } else if (spring && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
        yaml(text.apply(file), locations);
      }
    }
    return List.copyOf(locations);
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

  private static void yaml(String text, TreeSet<String> into) {
    try {
      for (JsonNode document : YAML.readValues(YAML.createParser(text), JsonNode.class).readAll()) {
        JsonNode value = document.path("spring").path("flyway").path("locations");
        if (value.isTextual()) {
          split(value.asText(), into);
        } else if (value.isArray()) {
          value.forEach(v -> split(v.asText(), into));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not YAML we can read: no locations from it.
    }
  }

  private static void split(String value, TreeSet<String> into) {
    if (value == null) {
      return;
    }
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",")) {
      String location = part.strip();
      int colon = location.indexOf(':');
      if (colon >= 0) {
        location = location.substring(colon + 1);
      }
      if (!location.isEmpty() && !location.contains("{")) {
        parts.add(location);
      }
    }
    into.addAll(parts);
  }
}
