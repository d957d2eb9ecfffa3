package dev.blastradius.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.blastradius.source.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises the reports blastradius itself wrote ({@code --format json,sarif,markdown}) so that a
 * scan of a tree holding an earlier run's {@code out/} directory, or a sample's {@code expected/}
 * goldens, does not read them as dashboards or runbooks: their SQL snippets would become accesses,
 * and the counts of one run would depend on the previous one.
 *
 * <p>Only the head of the file is read: the JSON report opens with {@code schemaVersion} and {@code
 * tool.name}, SARIF with {@code runs[0].tool.driver.name}, Markdown with its {@code ## blastradius}
 * heading.
 */
final class OwnReports {

  static final String REASON = "a report written by blastradius, not analysed";

  private static final int HEAD_BYTES = 4096;
  private static final String TOOL = "blastradius";
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private OwnReports() {}

  static boolean isReport(Path file, Language language) {
    if (language != Language.JSON && language != Language.MARKDOWN) {
      return false;
    }
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return false; // the extract pass reads it again and reports what is wrong
    }
    return language == Language.JSON ? jsonReport(head) : markdownReport(head);
  }

  static boolean markdownReport(String head) {
    for (String line : head.split("\n", 8)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty()) {
        return trimmed.startsWith("## " + TOOL + " scan")
            || trimmed.startsWith("## " + TOOL + " check");
      }
    }
    return false;
  }

  /** {@code {"schemaVersion": n, "tool": {"name": "blastradius"}}} or a SARIF log of ours. */
  static boolean jsonReport(String head) {
    try (JsonParser parser = JSON.createParser(head)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean schemaVersion = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("schemaVersion") && value == JsonToken.VALUE_NUMBER_INT) {
          schemaVersion = true;
        } else if (field.equals("tool") && schemaVersion && value == JsonToken.START_OBJECT) {
          return toolNamed(parser);
        } else if (field.equals("runs") && value == JsonToken.START_ARRAY) {
          return parser.nextToken() == JsonToken.START_OBJECT && sarifDriver(parser);
        } else {
          parser.skipChildren();
        }
      }
      return false;
    } catch (IOException e) {
      return false; // not JSON, or cut off before the answer: treat as an ordinary file
    }
  }

  /** Inside {@code runs[0]}: finds {@code tool.driver.name}. */
  private static boolean sarifDriver(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("tool") && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String inner = parser.currentName();
          if (parser.nextToken() == JsonToken.START_OBJECT && inner.equals("driver")) {
            return toolNamed(parser);
          }
          parser.skipChildren();
        }
        return false;
      }
      parser.skipChildren();
    }
    return false;
  }

  /** Inside an object: is its {@code name} ours? */
  private static boolean toolNamed(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("name")) {
        return value == JsonToken.VALUE_STRING && TOOL.equals(parser.getText());
      }
      parser.skipChildren();
    }
    return false;
  }
}
