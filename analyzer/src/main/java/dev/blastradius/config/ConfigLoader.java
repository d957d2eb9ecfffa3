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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code blastradius.yaml} strictly: unknown keys, unknown fields of entries, duplicate keys
 * and wrong value types are errors that name the file and line. Names that only the catalogue knows
 * (rule ids, packs, entry-point kinds) are checked by the command, which has the catalogue, at the
 * line kept with each entry. Keys of DESIGN §5 that this version does not implement yet are
 * rejected with a message saying so, rather than silently ignored. {@code
 * schemas/blastradius.schema.json} documents the same shape.
 */
public final class ConfigLoader {

  private static final List<String> SUPPORTED =
      List.of(
          "dialect",
          "include",
          "exclude",
          "pgVersion",
          "mysqlVersion",
          "packs",
          "severity",
          "ignore",
          "pairs",
          "entryPoints",
          "migrations");

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
    List<ProjectConfig.Named> packs = List.of();
    List<ProjectConfig.Severity> severity = List.of();
    List<ProjectConfig.Ignore> ignore = List.of();
    List<ProjectConfig.Pair> pairs = List.of();
    List<ProjectConfig.EntryPointGlob> entryPoints = List.of();
    List<ProjectConfig.MigrationDir> migrations = List.of();
    Set<String> seen = new HashSet<>();
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
          throw error(
              name,
              keyLocation,
              "unknown key '" + key + "' (known: " + String.join(", ", SUPPORTED) + ")");
        }
        if (!seen.add(key)) {
          throw error(name, keyLocation, "'" + key + "' is given twice");
        }
        switch (key) {
          case "dialect" -> dialect = Optional.of(dialect(name, parser));
          case "include" -> include = strings(name, parser, key);
          case "exclude" -> exclude = strings(name, parser, key);
          case "pgVersion" -> pgVersion = Optional.of(version(name, parser, key, PG_VERSION));
          case "mysqlVersion" ->
              mysqlVersion = Optional.of(version(name, parser, key, MYSQL_VERSION));
          case "packs" -> packs = named(name, parser, key);
          case "severity" -> severity = severity(name, parser);
          case "ignore" -> ignore = ignore(name, parser);
          case "pairs" -> pairs = pairs(name, parser);
          case "migrations" -> migrations = migrations(name, parser);
          default -> entryPoints = entryPoints(name, parser);
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(name + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage());
    }
    return new ProjectConfig(
        dialect,
        include,
        exclude,
        pgVersion,
        mysqlVersion,
        packs,
        severity,
        ignore,
        pairs,
        entryPoints,
        migrations);
  }

  private static List<ProjectConfig.Named> named(String name, JsonParser parser, String key)
      throws ConfigException, IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error(name, parser, "'" + key + "' must be a list of names");
    }
    List<ProjectConfig.Named> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(new ProjectConfig.Named(scalar(name, parser, key + " entries"), line(parser)));
    }
    return values;
  }

  /** {@code severity: {rule-id: error|warning|note|off}}. */
  private static List<ProjectConfig.Severity> severity(String name, JsonParser parser)
      throws ConfigException, IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error(name, parser, "'severity' must map rule ids to error, warning, note or off");
    }
    List<ProjectConfig.Severity> values = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String rule = parser.currentName();
      int line = line(parser);
      parser.nextToken();
      String level = scalar(name, parser, "severity of " + rule);
      if (level.equals("false")) {
        level = "off"; // YAML 1.1 reads a bare `off` as false
      }
      if (!Set.of("error", "warning", "note", "off").contains(level)) {
        throw error(name, parser, "severity of '" + rule + "' must be error, warning, note or off");
      }
      values.add(new ProjectConfig.Severity(rule, level, line));
    }
    return values;
  }

  /** {@code ignore: [{rule: id | [ids], path: glob, reason: text}]}. */
  private static List<ProjectConfig.Ignore> ignore(String name, JsonParser parser)
      throws ConfigException, IOException {
    List<ProjectConfig.Ignore> values = new ArrayList<>();
    for (Entry entry : entries(name, parser, "ignore", Set.of("rule", "path", "reason"))) {
      List<String> rules = entry.list("rule");
      values.add(
          new ProjectConfig.Ignore(
              rules, entry.scalar("path"), entry.optional("reason").orElse(""), entry.line));
    }
    return values;
  }

  /** {@code pairs: [{old: table.column, new: table.column | [table.column, …]}]}. */
  private static List<ProjectConfig.Pair> pairs(String name, JsonParser parser)
      throws ConfigException, IOException {
    List<ProjectConfig.Pair> values = new ArrayList<>();
    for (Entry entry : entries(name, parser, "pairs", Set.of("old", "new"))) {
      values.add(new ProjectConfig.Pair(entry.scalar("old"), entry.list("new"), entry.line));
    }
    return values;
  }

  /** {@code migrations: [{tool: flyway, path: db/sql}]}. */
  private static List<ProjectConfig.MigrationDir> migrations(String name, JsonParser parser)
      throws ConfigException, IOException {
    List<ProjectConfig.MigrationDir> values = new ArrayList<>();
    for (Entry entry : entries(name, parser, "migrations", Set.of("tool", "path"))) {
      values.add(
          new ProjectConfig.MigrationDir(entry.scalar("tool"), entry.scalar("path"), entry.line));
    }
    return values;
  }

  /** {@code entryPoints: [{glob: "ops/**", kind: script}]}. */
  private static List<ProjectConfig.EntryPointGlob> entryPoints(String name, JsonParser parser)
      throws ConfigException, IOException {
    List<ProjectConfig.EntryPointGlob> values = new ArrayList<>();
    for (Entry entry : entries(name, parser, "entryPoints", Set.of("glob", "kind"))) {
      values.add(
          new ProjectConfig.EntryPointGlob(entry.scalar("glob"), entry.scalar("kind"), entry.line));
    }
    return values;
  }

  /** One mapping of a list of mappings, its values scalars or lists of scalars. */
  private static final class Entry {
    final String file;
    final String key;
    final int line;
    final Map<String, List<String>> values = new LinkedHashMap<>();
    final Set<String> lists = new HashSet<>();

    Entry(String file, String key, int line) {
      this.file = file;
      this.key = key;
      this.line = line;
    }

    String scalar(String field) throws ConfigException {
      List<String> value = values.get(field);
      if (value == null) {
        throw new ConfigException(file + ":" + line + ": " + key + " entry needs '" + field + "'");
      }
      if (lists.contains(field)) {
        throw new ConfigException(
            file + ":" + line + ": " + key + " entry's '" + field + "' must be a single value");
      }
      return value.get(0);
    }

    Optional<String> optional(String field) throws ConfigException {
      return values.containsKey(field) ? Optional.of(scalar(field)) : Optional.empty();
    }

    List<String> list(String field) throws ConfigException {
      List<String> value = values.get(field);
      if (value == null || value.isEmpty()) {
        throw new ConfigException(file + ":" + line + ": " + key + " entry needs '" + field + "'");
      }
      return value;
    }
  }

  private static List<Entry> entries(String name, JsonParser parser, String key, Set<String> fields)
      throws ConfigException, IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error(name, parser, "'" + key + "' must be a list of mappings");
    }
    List<Entry> entries = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw error(name, parser, "'" + key + "' entries must be mappings");
      }
      Entry entry = new Entry(name, key, line(parser));
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonLocation at = parser.currentTokenLocation();
        if (!fields.contains(field)) {
          throw error(
              name,
              at,
              "unknown field '"
                  + field
                  + "' in "
                  + key
                  + " (known: "
                  + String.join(", ", new TreeSet<>(fields))
                  + ")");
        }
        parser.nextToken();
        List<String> value = new ArrayList<>();
        if (parser.currentToken() == JsonToken.START_ARRAY) {
          entry.lists.add(field);
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            value.add(scalar(name, parser, key + "." + field));
          }
        } else {
          value.add(scalar(name, parser, key + "." + field));
        }
        entry.values.put(field, value);
      }
      entries.add(entry);
    }
    return entries;
  }

  private static String scalar(String name, JsonParser parser, String what)
      throws ConfigException, IOException {
    JsonToken token = parser.currentToken();
    if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
      throw error(name, parser, what + " must be a single value");
    }
    String text = parser.getText();
    if (text.isBlank()) {
      throw error(name, parser, what + " must not be empty");
    }
    return text;
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
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
