package dev.blastradius.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.schema.SqlDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code blastradius.yaml} strictly: unknown keys and wrong value types are errors that name
 * the file and line. Keys of DESIGN §5 that this version does not implement yet are rejected with a
 * message saying so, rather than silently ignored.
 */
public final class ConfigLoader {

  private static final Set<String> SUPPORTED =
      Set.of("dialect", "include", "exclude", "pgVersion", "mysqlVersion");
  private static final Set<String> PLANNED =
      Set.of("migrations", "packs", "severity", "ignore", "pairs", "entryPoints");

  private static final YAMLFactory YAML = new YAMLFactory();

  private ConfigLoader() {}

  /** Loads {@code file}; a missing file at the default location is {@link ProjectConfig#EMPTY}. */
  public static ProjectConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** Parses configuration text; {@code name} is used in messages. */
  public static ProjectConfig parse(String name, String text) throws ConfigException {
    Optional<SqlDialect> dialect = Optional.empty();
    List<String> include = List.of();
    List<String> exclude = List.of();
    Optional<String> pgVersion = Optional.empty();
    Optional<String> mysqlVersion = Optional.empty();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return ProjectConfig.EMPTY;
      }
      if (first != JsonToken.START_OBJECT) {
        throw error(name, parser, "expected a mapping of settings");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonLocation keyLocation = parser.currentTokenLocation();
        parser.nextToken();
        if (!SUPPORTED.contains(key)) {
          String reason =
              PLANNED.contains(key)
                  ? "'" + key + "' is not supported by this version of blastradius yet"
                  : "unknown key '"
                      + key
                      + "' (known: dialect, include, exclude, pgVersion, mysqlVersion)";
          throw error(name, keyLocation, reason);
        }
        switch (key) {
          case "dialect" -> dialect = Optional.of(dialect(name, parser));
          case "include" -> include = strings(name, parser, key);
          case "pgVersion" -> pgVersion = Optional.of(version(name, parser, key, PG_VERSION));
          case "mysqlVersion" ->
              mysqlVersion = Optional.of(version(name, parser, key, MYSQL_VERSION));
          default -> exclude = strings(name, parser, key);
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(name + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage());
    }
    return new ProjectConfig(dialect, include, exclude, pgVersion, mysqlVersion);
  }

  private static final Pattern PG_VERSION = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern MYSQL_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  /** {@code pgVersion: 13} or {@code "13.4"}; {@code mysqlVersion: 5.7.44}. */
  private static String version(String name, JsonParser parser, String key, Pattern shape)
      throws ConfigException, IOException {
    String text = parser.currentToken().isScalarValue() ? parser.getText() : "";
    if (!shape.matcher(text).matches()) {
      throw error(
          name,
          parser,
          "'"
              + key
              + "' must be "
              + (shape == PG_VERSION ? "a Postgres version such as 14" : "X.Y.Z such as 8.0.36"));
    }
    return text;
  }

  private static SqlDialect dialect(String name, JsonParser parser)
      throws ConfigException, IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw error(name, parser, "'dialect' must be postgres or mysql");
    }
    try {
      return SqlDialect.fromName(parser.getText());
    } catch (IllegalArgumentException e) {
      throw error(name, parser, e.getMessage());
    }
  }

  private static List<String> strings(String name, JsonParser parser, String key)
      throws ConfigException, IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error(name, parser, "'" + key + "' must be a list of globs");
    }
    List<String> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw error(name, parser, "'" + key + "' entries must be strings");
      }
      values.add(parser.getText());
    }
    return values;
  }

  private static ConfigException error(String name, JsonParser parser, String message) {
    return error(name, parser.currentTokenLocation(), message);
  }

  private static ConfigException error(String name, JsonLocation location, String message) {
    return new ConfigException(name + ":" + location.getLineNr() + ": " + message);
  }
}
