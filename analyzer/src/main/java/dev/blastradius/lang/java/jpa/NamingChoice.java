package dev.blastradius.lang.java.jpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;

/**
 * The naming strategy the project configures in Spring's {@code application*.properties|yml}
 * ({@code spring.jpa.hibernate.naming.physical-strategy}), and whether it configures one at all.
 *
 * @param configuredIn the file that sets it, or null when none does (Spring Boot's default is
 *     assumed)
 * @param custom a strategy class we do not know (we then assume snake_case and say so)
 */
public record NamingChoice(NamingStrategy strategy, String configuredIn, String custom) {

  private static final String KEY = "spring.jpa.hibernate.naming.physical-strategy";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads the configuration among {@code files}; test configuration does not count. */
  public static NamingChoice detect(List<SourceFile> files) {
    for (SourceFile file : files) {
      String name = file.fileName();
      if (!name.startsWith("application") || file.path().contains("src/test/")) {
        continue;
      }
      String value = null;
      String text = SourceText.read(file).text();
      if (name.endsWith(".properties")) {
        Properties properties = new Properties();
        try {
          properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
          continue;
        }
        value = properties.getProperty(KEY);
      } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        value = yaml(text);
      }
      if (value != null) {
        return of(value.strip(), file.path());
      }
    }
    return new NamingChoice(NamingStrategy.SPRING_SNAKE_CASE, null, null);
  }

  private static NamingChoice of(String value, String path) {
    if (value.endsWith("PhysicalNamingStrategyStandardImpl")) {
      return new NamingChoice(NamingStrategy.STANDARD, path, null);
    }
    if (value.endsWith("CamelCaseToUnderscoresNamingStrategy")
        || value.endsWith("SpringPhysicalNamingStrategy")) {
      return new NamingChoice(NamingStrategy.SPRING_SNAKE_CASE, path, null);
    }
    return new NamingChoice(NamingStrategy.SPRING_SNAKE_CASE, path, value);
  }

  private static String yaml(String text) {
    try {
      for (JsonNode document : YAML.readValues(YAML.createParser(text), JsonNode.class).readAll()) {
        JsonNode value =
            document
                .path("spring")
                .path("jpa")
                .path("hibernate")
                .path("naming")
                .path("physical-strategy");
        if (value.isTextual()) {
          return value.asText();
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The note to show with the results, if an assumption was made. */
  public String note() {
    if (configuredIn == null) {
      return "no Hibernate naming strategy configured: assumed Spring Boot's default (snake_case table and column names)";
    }
    if (custom != null) {
      return "custom Hibernate naming strategy "
          + custom
          + " in "
          + configuredIn
          + ": assumed snake_case names";
    }
    return null;
  }
}
