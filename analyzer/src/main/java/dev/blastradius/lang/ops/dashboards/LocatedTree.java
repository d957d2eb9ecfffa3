package dev.blastradius.lang.ops.dashboards;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON or YAML document as a tree whose scalars remember where they start, read with Jackson's
 * streaming parser ({@code currentTokenLocation()}): Jackson's own {@code JsonNode} forgets
 * locations, and a dashboard query is reported at the line of its SQL value.
 */
public final class LocatedTree {

  /** The deepest nesting we follow; deeper documents are not dashboards. */
  private static final int MAX_DEPTH = 200;

  private LocatedTree() {}

  /** A value of the tree: an object, an array or a scalar. */
  public sealed interface Value permits Obj, Arr, Scalar {}

  /** An object, fields in document order. */
  public record Obj(Map<String, Value> fields) implements Value {
    /** The field {@code name}, if present. */
    public Optional<Value> get(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    /** The field {@code name} when it is an object. */
    public Optional<Obj> obj(String name) {
      return get(name).filter(Obj.class::isInstance).map(Obj.class::cast);
    }

    /** The elements of the array field {@code name}, or none. */
    public List<Value> array(String name) {
      return get(name).filter(Arr.class::isInstance).map(a -> ((Arr) a).items()).orElse(List.of());
    }

    /** The objects among the elements of the array field {@code name}. */
    public List<Obj> objects(String name) {
      return array(name).stream().filter(Obj.class::isInstance).map(Obj.class::cast).toList();
    }

    /** The field {@code name} when it is a scalar. */
    public Optional<Scalar> scalar(String name) {
      return get(name).filter(Scalar.class::isInstance).map(Scalar.class::cast);
    }

    /** The text of the scalar field {@code name}, or "" when absent or not a scalar. */
    public String text(String name) {
      return scalar(name).map(Scalar::text).orElse("");
    }
  }

  /** An array. */
  public record Arr(List<Value> items) implements Value {}

  /**
   * A string, number, boolean or null, as text.
   *
   * @param line the 1-based line of the token
   * @param column the 1-based column of the token
   * @param offset the 0-based character offset of the token, or -1 when the parser does not know
   */
  public record Scalar(String text, boolean string, int line, int column, long offset)
      implements Value {}

  /**
   * Reads a whole document with a parser of {@code factory} (a {@code JsonFactory} or a {@code
   * YAMLFactory}).
   *
   * @throws IOException when the text is not well-formed
   */
  public static Value read(JsonFactory factory, String text) throws IOException {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return new Obj(Map.of());
      }
      return value(parser, token, 0);
    }
  }

  private static Value value(JsonParser parser, JsonToken token, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (token == JsonToken.START_OBJECT) {
      Map<String, Value> fields = new LinkedHashMap<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        if (t == null) {
          throw new IOException("unexpected end of input");
        }
        String name = parser.currentName();
        fields.put(name, value(parser, parser.nextToken(), depth + 1));
      }
      return new Obj(fields);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Value> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (t == null) {
          throw new IOException("unexpected end of input");
        }
        items.add(value(parser, t, depth + 1));
      }
      return new Arr(items);
    }
    if (token == null) {
      throw new IOException("unexpected end of input");
    }
    JsonLocation at = parser.currentTokenLocation();
    String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
    return new Scalar(
        text,
        token == JsonToken.VALUE_STRING,
        at.getLineNr(),
        at.getColumnNr(),
        at.getCharOffset());
  }
}
