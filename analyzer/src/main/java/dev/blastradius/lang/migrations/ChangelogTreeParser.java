package dev.blastradius.lang.migrations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.lang.StaxText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML or JSON changelog into {@link ChangelogElement}s with Jackson's streaming parser, so
 * that every key keeps its line. A mapping's scalar values become attributes and its nested
 * mappings and lists children; in a list, each key of an item becomes one child ({@code - column:
 * {…}} → a {@code column} element), and a scalar value of such a key becomes that child's text
 * ({@code - sql: SELECT 1}).
 *
 * <p>Scalar values are laid out at their file lines when that is possible: a YAML literal block
 * ({@code |}) starts on the line after its indicator and keeps its line breaks, and a one-line
 * value sits at its own position. Folded blocks ({@code >}) and strings with escaped line breaks
 * are only known to start on their line.
 */
final class ChangelogTreeParser {

  /** The name of an element made from a list item that is not a mapping. */
  static final String LIST_ITEM = "list item";

  private static final JsonFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private final String source;
  private final int[] lineStarts;
  private final JsonParser parser;

  private ChangelogTreeParser(String source, JsonParser parser) {
    this.source = source;
    this.lineStarts = StaxText.lineStarts(source);
    this.parser = parser;
  }

  /** The root mapping of a YAML changelog, as an element named {@code root}. */
  static ChangelogElement parseYaml(String text) {
    return parse(text, YAML, "YAML");
  }

  /** The root object of a JSON changelog, as an element named {@code root}. */
  static ChangelogElement parseJson(String text) {
    return parse(text, JSON, "JSON");
  }

  private static ChangelogElement parse(String text, JsonFactory factory, String format) {
    try (JsonParser parser = factory.createParser(text)) {
      ChangelogTreeParser reader = new ChangelogTreeParser(text, parser);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(
            "not a Liquibase changelog: the document is not a " + format + " mapping");
      }
      return reader.mapping("root", 1);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
      throw new IllegalArgumentException(
          "not well-formed " + format + line + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + format + ": " + e.getMessage());
    }
  }

  /** Reads the mapping whose START_OBJECT is the current token. */
  private ChangelogElement mapping(String name, int line) throws IOException {
    Map<String, TextValue> attributes = new LinkedHashMap<>();
    List<ChangelogElement> children = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int keyLine = parser.currentTokenLocation().getLineNr();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_OBJECT) {
        children.add(mapping(key, keyLine));
      } else if (value == JsonToken.START_ARRAY) {
        children.add(new ChangelogElement(key, keyLine, Map.of(), list(), null));
      } else if (value != JsonToken.VALUE_NULL) {
        attributes.put(key, scalar());
      }
    }
    return new ChangelogElement(name, line, attributes, children, null);
  }

  /** Reads the list whose START_ARRAY is the current token into its items' elements. */
  private List<ChangelogElement> list() throws IOException {
    List<ChangelogElement> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      int line = parser.currentTokenLocation().getLineNr();
      if (token == JsonToken.START_OBJECT) {
        // Each key of a list item is one element: `- addColumn: {…}`.
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = parser.currentTokenLocation().getLineNr();
          JsonToken value = parser.nextToken();
          if (value == JsonToken.START_OBJECT) {
            items.add(mapping(key, keyLine));
          } else if (value == JsonToken.START_ARRAY) {
            items.add(new ChangelogElement(key, keyLine, Map.of(), list(), null));
          } else {
            TextValue text = value == JsonToken.VALUE_NULL ? null : scalar();
            items.add(new ChangelogElement(key, keyLine, Map.of(), List.of(), text));
          }
        }
      } else if (token == JsonToken.START_ARRAY) {
        items.add(new ChangelogElement(LIST_ITEM, line, Map.of(), list(), null));
      } else if (token != JsonToken.VALUE_NULL) {
        items.add(new ChangelogElement(LIST_ITEM, line, Map.of(), List.of(), scalar()));
      }
    }
    return items;
  }

  /** The current scalar token as a value placed in the file. */
  private TextValue scalar() throws IOException {
    String text = parser.getText();
    JsonLocation location = parser.currentTokenLocation();
    int line = Math.max(1, location.getLineNr());
    int column = Math.max(1, location.getColumnNr());
    char indicator = charAt(line, column);
    if (indicator == '|') {
      // A literal block: its content starts on the next line, line breaks kept.
      return new TextValue(
          text, line + 1, new TextValue.Layout().append(line + 1, 1, text).toString());
    }
    if (indicator == '>') {
      return TextValue.atLine(text, line + 1);
    }
    if (text.indexOf('\n') >= 0) {
      return TextValue.atLine(text, line);
    }
    int start = indicator == '"' || indicator == '\'' ? column + 1 : column;
    return new TextValue(text, line, new TextValue.Layout().append(line, start, text).toString());
  }

  private char charAt(int line, int column) {
    if (line > lineStarts.length) {
      return 0;
    }
    int offset = lineStarts[line - 1] + column - 1;
    return offset < source.length() ? source.charAt(offset) : 0;
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }
}
